import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { CliError } from "../cli-error.js";
import { chooseEncoding, openText, refuseWorkbook, sniff } from "./text-decoding.js";

async function file(bytes: Buffer): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), "dubkit-text-")), "input.csv");
  await writeFile(path, bytes);
  return path;
}

async function decode(bytes: Buffer, requested?: string): Promise<string> {
  const path = await file(bytes);
  const encoding = await chooseEncoding(
    await sniff(path),
    requested ? { name: requested, source: "--encoding" } : undefined,
  );
  let text = "";
  for await (const chunk of await openText(path, encoding, "input.csv")) text += chunk;
  return text;
}

describe("text decoding", () => {
  it("reads UTF-8 with and without a BOM, and UTF-16 with a BOM or without", async () => {
    expect(await decode(Buffer.from("\uFEFFemail\nzoë@x.co\n"))).toBe("email\nzoë@x.co\n");
    expect(await decode(Buffer.from("email\nzoë@x.co\n"))).toBe("email\nzoë@x.co\n");
    expect(
      await decode(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("email\nJosé\n", "utf16le")])),
    ).toBe("email\nJosé\n");
    expect(await decode(Buffer.from("email,name\nJosé,x\n", "utf16le"))).toBe("email,name\nJosé,x\n");
    expect(await decode(iconv.encode("email\nJosé\n", "utf-16be", { addBOM: true }))).toBe("email\nJosé\n");
  });

  it("refuses Latin-1 bytes with the line they are on, and decodes them when told the encoding", async () => {
    const latin1 = iconv.encode("email,name\na@b.co,Ann\nj@b.co,José\n", "windows-1252");
    const error = await decode(latin1).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).line).toBe(3);
    expect((error as CliError).message).toContain("line 3 has the byte 0xE9");
    expect((error as CliError).hint).toContain("--encoding windows-1252");
    expect(await decode(latin1, "windows-1252")).toBe("email,name\na@b.co,Ann\nj@b.co,José\n");
  });

  it("counts lines across chunks and accepts a character split between two chunks", async () => {
    // 256 KiB chunks: put a two-byte character across the first boundary, and a bad byte far after it.
    const filler = `${"x".repeat(99)}\n`.repeat(2621);
    const head = Buffer.from(filler + "y".repeat(256 * 1024 - Buffer.byteLength(filler) - 1));
    const good = Buffer.concat([head, Buffer.from("é\nok\n")]);
    expect((await decode(good)).endsWith("é\nok\n")).toBe(true);
    const bad = Buffer.concat([good, Buffer.from([0x41, 0xff, 0x0a])]);
    const error = (await decode(bad).catch((e: unknown) => e)) as CliError;
    expect(error.line).toBe(2621 + 3);
  });

  it("refuses an unknown encoding name", async () => {
    await expect(chooseEncoding(Buffer.from("a"), { name: "klingon", source: "--encoding" })).rejects.toThrow(
      /does not know: "klingon"/,
    );
  });

  it("refuses Excel workbooks with what to do", () => {
    expect(() => refuseWorkbook(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]), "p.xlsx")).toThrow(
      /Excel workbook/,
    );
    expect(() => refuseWorkbook(Buffer.from("email\n"), "p.csv")).not.toThrow();
  });
});
