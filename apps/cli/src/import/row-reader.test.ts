import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { CliError } from "../cli-error.js";
import { detectFormat, type InputRow, readCsvRows, readJsonlRows } from "./row-reader.js";

async function collect(rows: AsyncIterable<InputRow>): Promise<InputRow[]> {
  const out: InputRow[] = [];
  for await (const row of rows) out.push(row);
  return out;
}

const csv = (text: string) => collect(readCsvRows(Readable.from([text])));

describe("readCsvRows", () => {
  it("gives each row the physical line it starts on, with LF line ends", async () => {
    const rows = await csv('email,name\na@x.co,A\nb@x.co,"multi\nline"\n\nc@x.co,C\n');
    expect(rows.map((r) => [r.line, r.fields?.email])).toEqual([
      [2, "a@x.co"],
      [3, "b@x.co"],
      [6, "c@x.co"],
    ]);
  });

  it("keeps line numbers right with a BOM, CRLF and CRLF inside quoted cells", async () => {
    const rows = await csv(
      '\uFEFFemail,name\r\na@x.co,"x, y"\r\n\r\nb@x.co,"multi\r\nline\r\nname"\r\nc@x.co,Zoë\r\n',
    );
    expect(rows.map((r) => [r.line, r.fields])).toEqual([
      [2, { email: "a@x.co", name: "x, y" }],
      [4, { email: "b@x.co", name: "multi\r\nline\r\nname" }],
      [7, { email: "c@x.co", name: "Zoë" }],
    ]);
  });

  it("reads the same rows whatever the chunking, including a chunk boundary inside a UTF-8 name", async () => {
    const text = 'email,name\nä@x.co,Jürgen Müller\n日本@x.co,"山田, 太郎"\n';
    const whole = await collect(readCsvRows(Readable.from([text])));
    const bytes = Buffer.from(text);
    const split = await collect(
      readCsvRows(Readable.from([bytes.subarray(0, 17), bytes.subarray(17, 40), bytes.subarray(40)])),
    );
    expect(split).toEqual(whole);
    expect(whole.map((r) => r.fields?.name)).toEqual(["Jürgen Müller", "山田, 太郎"]);
  });

  it("reports a row with the wrong number of cells and goes on", async () => {
    const rows = await csv("email,name\na@x.co\nb@x.co,B\n");
    expect(rows[0]).toMatchObject({ line: 2, error: "row has 1 cells but the header has 2 columns" });
    expect(rows[1]).toMatchObject({ line: 3, fields: { email: "b@x.co", name: "B" } });
  });

  it("turns a CSV it cannot parse into a usage error naming the line", async () => {
    await expect(csv('email,name\na@x.co,"open\n')).rejects.toThrow(CliError);
    await expect(csv('email,name\na@x.co,"open\n')).rejects.toThrow(/line/);
  });
});

describe("readJsonlRows", () => {
  it("reads one object per line, skips blank lines and reports bad lines with their number", async () => {
    const text = '\uFEFF{"email":"a@x.co"}\r\n\r\nnot json\r\n[1]\r\n{"email":"b@x.co"}';
    const rows = await collect(readJsonlRows(Readable.from([text])));
    expect(rows.map((r) => [r.line, r.fields?.email ?? r.error?.slice(0, 14)])).toEqual([
      [1, "a@x.co"],
      [3, "not valid JSON"],
      [4, "expected a JSO"],
      [5, "b@x.co"],
    ]);
  });
});

describe("detectFormat", () => {
  it("uses --format first, then the extension, and csv for stdin", () => {
    expect(detectFormat("a.csv", undefined)).toBe("csv");
    expect(detectFormat("a.JSONL", undefined)).toBe("jsonl");
    expect(detectFormat("a.ndjson", undefined)).toBe("jsonl");
    expect(detectFormat("a.csv", "jsonl")).toBe("jsonl");
    expect(detectFormat("-", undefined)).toBe("csv");
  });

  it("asks for --format when the extension says nothing", () => {
    expect(() => detectFormat("partners.dat", undefined)).toThrow(/--format csv or --format jsonl/);
  });
});
