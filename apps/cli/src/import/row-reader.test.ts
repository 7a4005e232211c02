import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { detectFormat, type InputRecord, readCsvRecords, readJsonlRecords } from "./row-reader.js";

async function all(batches: AsyncIterable<InputRecord[]>): Promise<InputRecord[]> {
  const records: InputRecord[] = [];
  for await (const batch of batches) records.push(...batch);
  return records;
}

function chunked(text: string, size: number): Readable {
  const chunks: string[] = [];
  for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
  return Readable.from(chunks);
}

describe("readCsvRecords", () => {
  it("gives each record the physical line it starts on, through quoted newlines and CRLF", async () => {
    const text = 'email,notes\r\na@b.co,"one\r\ntwo"\r\n\r\nc@d.co,x\r\n';
    expect(await all(readCsvRecords(chunked(text, 7), ",", 0))).toEqual([
      { line: 1, cells: ["email", "notes"] },
      { line: 2, cells: ["a@b.co", "one\r\ntwo"] },
      { line: 5, cells: ["c@d.co", "x"] },
    ]);
  });

  it("reads every record of a large input, whatever the chunking", async () => {
    const lines = ["a,b"];
    for (let i = 0; i < 20_000; i++) lines.push(`x${i},"y${i}\nz"`);
    const records = await all(readCsvRecords(chunked(`${lines.join("\n")}\n`, 65_536), ",", 0));
    expect(records).toHaveLength(20_001);
    expect(records.at(-1)).toEqual({ line: 40_000, cells: ["x19999", "y19999\nz"] });
  });

  it("reads semicolons and skips an Excel sep= line, keeping line numbers", async () => {
    expect(await all(readCsvRecords(chunked("sep=;\nemail;name\na@b.co;A\n", 5), ";", 1))).toEqual([
      { line: 2, cells: ["email", "name"] },
      { line: 3, cells: ["a@b.co", "A"] },
    ]);
  });

  it("names the line of unreadable CSV", async () => {
    await expect(all(readCsvRecords(chunked('email\n"a@b.co\n', 100), ",", 0))).rejects.toThrow(
      /CSV cannot be read/,
    );
  });
});

describe("readJsonlRecords", () => {
  it("reads objects, reports bad lines, skips blank ones", async () => {
    const text = '{"email":"a@b.co"}\r\n\n{oops\n[1]\n{"email":"c@d.co"}';
    const records = await all(readJsonlRecords(chunked(text, 6)));
    expect(records.map((r) => [r.line, r.object ?? r.error])).toEqual([
      [1, { email: "a@b.co" }],
      [3, expect.stringContaining("not valid JSON")],
      [4, "expected a JSON object"],
      [5, { email: "c@d.co" }],
    ]);
  });
});

describe("detectFormat", () => {
  it("tells a spreadsheet to be saved as CSV", () => {
    expect(() => detectFormat("partners.xlsx", undefined)).toThrow(/spreadsheet, not CSV/);
    expect(detectFormat("partners.tsv", undefined)).toBe("csv");
    expect(detectFormat("partners.ndjson", undefined)).toBe("jsonl");
  });
});
