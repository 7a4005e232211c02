import { readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { PassThrough } from "node:stream";
import { text } from "node:stream/consumers";
import { parse } from "csv-parse/sync";
import pc from "picocolors";
import { describe, expect, it } from "vitest";
import { displayWidth } from "./display-width.js";
import type { OutputFormat } from "./output-format.js";
import { type Column, createRecordWriter } from "./record-writer.js";

type Row = { id: string; name: string; note?: string | null };
const columns: Column<Row>[] = [
  { header: "id", value: (r) => r.id },
  { header: "name", value: (r) => r.name, shrink: true },
  { header: "note", value: (r) => r.note },
];
const rows: Row[] = [
  { id: "pn_1", name: "李小龙", note: "a\tb" },
  { id: "pn_22", name: "प्रिया शर्मा", note: null },
  { id: "pn_333", name: 'Ada, "the" Countess', note: "line\nbreak" },
];

async function render(
  format: OutputFormat,
  pages: Row[][],
  options: { width?: number; paged?: boolean } = {},
) {
  const out = new PassThrough();
  const done = text(out);
  const writer = createRecordWriter({ format, columns, out, colors: pc.createColors(false), ...options });
  for (const page of pages) await writer.write(page);
  await writer.end();
  out.end();
  return done;
}

describe("createRecordWriter", () => {
  it("shows a column's display form in the table only; TSV and CSV keep its value", async () => {
    const cents: Column<{ amount: number }>[] = [
      { header: "amount", value: (r) => r.amount, display: (r) => `$${(r.amount / 100).toFixed(2)}` },
    ];
    const print = async (format: OutputFormat) => {
      const out = new PassThrough();
      const done = text(out);
      const writer = createRecordWriter({ format, columns: cents, out, colors: pc.createColors(false) });
      await writer.write([{ amount: 4900 }]);
      await writer.end();
      out.end();
      return done;
    };
    expect(await print("table")).toBe("amount\n$49.00\n");
    expect(await print("tsv")).toBe("4900\n");
    expect(await print("csv")).toBe("amount\n4900\n");
  });

  it("aligns a table by display width, across pages, with widths from the first page", async () => {
    const output = await render("table", [rows.slice(0, 2), rows.slice(2)]);
    const lines = output.trimEnd().split("\n");
    // id is 5 columns wide (pn_22), name 10 (the Devanagari name), so the note column starts at column 19.
    expect(lines[0]).toBe("id     name        note");
    expect(displayWidth(lines[0]!) - displayWidth("note")).toBe(19);
    expect(displayWidth(lines[1]!) - displayWidth("a b")).toBe(19);
    expect(displayWidth(lines[2]!)).toBe(17);
    // The third row came in a later page: its longer id and name are cut to the first page's widths; the
    // last column, with no terminal width to keep to, is not.
    expect(lines[3]).toBe('pn_3…  Ada, "the…  line break');
    expect(displayWidth(lines[3]!) - displayWidth("line break")).toBe(19);
  });

  it("fits the table to the terminal width by cutting shrinkable columns", async () => {
    const output = await render("table", [rows], { width: 30 });
    const lines = output.trimEnd().split("\n");
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(30);
    expect(lines[3]).toBe('pn_333  Ada, "the…  line break');
  });

  it("writes TSV without a header, escaping tabs and line breaks", async () => {
    expect(await render("tsv", [rows])).toBe(
      'pn_1\t李小龙\ta\\tb\npn_22\tप्रिया शर्मा\t\npn_333\tAda, "the" Countess\tline\\nbreak\n',
    );
  });

  it("writes CSV with one header that a CSV reader reads back", async () => {
    const output = await render("csv", [rows.slice(0, 1), rows.slice(1)]);
    expect(parse(output, { columns: true })).toEqual([
      { id: "pn_1", name: "李小龙", note: "a\tb" },
      { id: "pn_22", name: "प्रिया शर्मा", note: "" },
      { id: "pn_333", name: 'Ada, "the" Countess', note: "line\nbreak" },
    ]);
    expect(await render("csv", [])).toBe("id,name,note\n");
    // An empty page (a listing with no match) then the end: still one header.
    expect(await render("csv", [[]])).toBe("id,name,note\n");
    expect(await render("csv", [[], rows.slice(0, 1)])).toBe("id,name,note\npn_1,李小龙,a\tb\n");
  });

  it("writes JSON Lines and JSON arrays, paged or not", async () => {
    expect(
      (await render("jsonl", [rows]))
        .trimEnd()
        .split("\n")
        .map((line) => JSON.parse(line)),
    ).toEqual(rows);
    expect(JSON.parse(await render("json", [rows]))).toEqual(rows);
    expect(JSON.parse(await render("json", [rows.slice(0, 1), rows.slice(1)], { paged: true }))).toEqual(
      rows,
    );
    expect(JSON.parse(await render("json", [], { paged: true }))).toEqual([]);
  });

  it("prints nothing of a paged JSON array when aborted, and removes its spool", async () => {
    const before = (await readdir(tmpdir())).filter((name) => name.startsWith("dubkit-list-")).length;
    const out = new PassThrough();
    const done = text(out);
    const writer = createRecordWriter({
      format: "json",
      columns,
      out,
      colors: pc.createColors(false),
      paged: true,
    });
    await writer.write(rows);
    await writer.abort();
    out.end();
    expect(await done).toBe("");
    expect((await readdir(tmpdir())).filter((name) => name.startsWith("dubkit-list-")).length).toBe(before);
  });
});
