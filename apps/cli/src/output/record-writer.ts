// Prints the items of a listing, page by page, in the chosen format. Nothing holds more than one page:
// the table takes its column widths from the first page (later cells are cut to them, the last one to
// the terminal's width), and a JSON array of many pages is spooled to disk. Every listing command
// (partners, links, applications…) prints through it.

import { stringify } from "csv-stringify/sync";
import type { Colors } from "../terminal.js";
import { cellText, displayWidth, padToWidth, truncateToWidth } from "./display-width.js";
import { JsonArraySpool } from "./json-spool.js";
import type { OutputFormat } from "./output-format.js";
import { writeText } from "./stream-write.js";
import { fitWidths, GAP } from "./table-layout.js";

/** One column of a table, TSV or CSV. */
export interface Column<T> {
  header: string;
  value(item: T): unknown;
  /** What the table shows instead of {@link value}, for people (e.g. cents as dollars); TSV, CSV and JSON keep the value. */
  display?(item: T): unknown;
  /** May be cut to fit the terminal (names, emails); ids and dates are kept whole. */
  shrink?: boolean;
}

/** How a listing is printed. */
export interface RecordWriterOptions<T> {
  format: OutputFormat;
  /** The columns of the table and of TSV. */
  columns: readonly Column<T>[];
  /** The columns of CSV (default: {@link columns}); an export can carry more than fits on a screen. */
  csvColumns?: readonly Column<T>[];
  out: NodeJS.WritableStream;
  /** The terminal's width in columns; the table is fitted to it. Undefined: no limit. */
  width?: number;
  colors: Colors;
  /** More than one page will be written: a JSON array goes through a spool so a failure prints nothing. */
  paged?: boolean;
}

/** Writes a listing page by page. */
export interface RecordWriter<T> {
  write(items: readonly T[]): Promise<void>;
  /** Completes the output (prints a buffered or spooled JSON array). */
  end(): Promise<void>;
  /** Gives up after a failure; a JSON array not yet printed is never printed. */
  abort(): Promise<void>;
  /** Items written so far. */
  readonly count: number;
}

function text(value: unknown): string {
  if (value === null || value === undefined) return "";
  return typeof value === "string"
    ? value
    : typeof value === "object"
      ? JSON.stringify(value)
      : String(value);
}

/** TSV cells escape the characters that would end them: backslash, tab and line breaks. */
function tsvCell(value: unknown): string {
  return text(value).replace(/[\\\t\n\r]/g, (char) =>
    char === "\\" ? "\\\\" : char === "\t" ? "\\t" : char === "\n" ? "\\n" : "\\r",
  );
}

class TableWriter<T> implements RecordWriter<T> {
  count = 0;
  private widths: number[] | undefined;

  constructor(private readonly options: RecordWriterOptions<T>) {}

  /** The widest the last cell may be: what is left of the terminal's width, or no limit without one. */
  private lastCellLimit(widths: readonly number[]): number {
    const { width } = this.options;
    if (width === undefined) return Number.POSITIVE_INFINITY;
    const start = widths.slice(0, -1).reduce((sum, w) => sum + w + GAP, 0);
    return Math.max(widths[widths.length - 1] ?? 0, width - start);
  }

  private line(cells: readonly string[], style?: (text: string) => string): string {
    const widths = this.widths ?? [];
    const last = cells.length - 1;
    const lastLimit = this.lastCellLimit(widths);
    const parts = cells.map((cell, i) => {
      const cut = truncateToWidth(cell, i === last ? lastLimit : (widths[i] ?? 0));
      const padded = i === last ? cut : padToWidth(cut, widths[i] ?? 0);
      return style ? style(padded) : padded;
    });
    return `${parts.join(" ".repeat(GAP)).trimEnd()}\n`;
  }

  async write(items: readonly T[]): Promise<void> {
    const { columns, colors, out } = this.options;
    const rows = items.map((item) =>
      columns.map((column) => cellText(text((column.display ?? column.value)(item)))),
    );
    let output = "";
    if (this.widths === undefined) {
      if (rows.length === 0) return;
      this.widths = fitWidths(
        columns.map((column, i) => ({
          natural: Math.max(displayWidth(column.header), ...rows.map((row) => displayWidth(row[i] ?? ""))),
          shrink: column.shrink === true,
        })),
        this.options.width,
      );
      output += this.line(
        columns.map((column) => column.header),
        colors.bold,
      );
    }
    for (const row of rows) output += this.line(row);
    this.count += items.length;
    await writeText(out, output);
  }

  async end(): Promise<void> {}
  async abort(): Promise<void> {}
}

class TsvWriter<T> implements RecordWriter<T> {
  count = 0;
  constructor(private readonly options: RecordWriterOptions<T>) {}

  async write(items: readonly T[]): Promise<void> {
    const { columns, out } = this.options;
    const lines = items.map((item) => `${columns.map((column) => tsvCell(column.value(item))).join("\t")}\n`);
    this.count += items.length;
    await writeText(out, lines.join(""));
  }

  async end(): Promise<void> {}
  async abort(): Promise<void> {}
}

class CsvWriter<T> implements RecordWriter<T> {
  count = 0;
  /** Whether the header line is out: once, whether the first page had rows or not. */
  private headed = false;
  constructor(private readonly options: RecordWriterOptions<T>) {}

  async write(items: readonly T[]): Promise<void> {
    const columns = this.options.csvColumns ?? this.options.columns;
    const rows = items.map((item) => columns.map((column) => text(column.value(item))));
    const header = !this.headed;
    this.headed = true;
    this.count += items.length;
    if (rows.length === 0 && !header) return;
    await writeText(
      this.options.out,
      stringify(rows, { header, columns: columns.map((column) => column.header) }),
    );
  }

  async end(): Promise<void> {
    // An empty listing still gets its header, so a spreadsheet or a re-import sees the columns.
    if (!this.headed) await this.write([]);
  }
  async abort(): Promise<void> {}
}

class JsonLinesWriter<T> implements RecordWriter<T> {
  count = 0;
  constructor(private readonly options: RecordWriterOptions<T>) {}

  async write(items: readonly T[]): Promise<void> {
    this.count += items.length;
    await writeText(this.options.out, items.map((item) => `${JSON.stringify(item)}\n`).join(""));
  }

  async end(): Promise<void> {}
  async abort(): Promise<void> {}
}

/** One page: buffered (it is in memory already) and printed indented at the end. */
class JsonPageWriter<T> implements RecordWriter<T> {
  count = 0;
  private readonly items: T[] = [];
  constructor(private readonly options: RecordWriterOptions<T>) {}

  async write(items: readonly T[]): Promise<void> {
    this.items.push(...items);
    this.count += items.length;
  }

  async end(): Promise<void> {
    await writeText(this.options.out, `${JSON.stringify(this.items, null, 2)}\n`);
  }

  async abort(): Promise<void> {
    this.items.length = 0;
  }
}

/** Many pages: spooled to disk, printed whole at the end, or not at all. */
class JsonSpoolWriter<T> implements RecordWriter<T> {
  count = 0;
  private spool: Promise<JsonArraySpool> | undefined;
  constructor(private readonly options: RecordWriterOptions<T>) {}

  private open(): Promise<JsonArraySpool> {
    this.spool ??= JsonArraySpool.open();
    return this.spool;
  }

  async write(items: readonly T[]): Promise<void> {
    await (await this.open()).add(items);
    this.count += items.length;
  }

  async end(): Promise<void> {
    await (await this.open()).copyTo(this.options.out);
  }

  async abort(): Promise<void> {
    await (await this.spool)?.discard();
  }
}

/** A writer for `options.format`. */
export function createRecordWriter<T>(options: RecordWriterOptions<T>): RecordWriter<T> {
  switch (options.format) {
    case "table":
      return new TableWriter(options);
    case "tsv":
      return new TsvWriter(options);
    case "csv":
      return new CsvWriter(options);
    case "jsonl":
      return new JsonLinesWriter(options);
    case "json":
      return options.paged ? new JsonSpoolWriter(options) : new JsonPageWriter(options);
  }
}
