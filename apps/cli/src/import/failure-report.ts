// The failure report: every failed row, fixable and importable again. As CSV it is the input's own columns (same
// separator, UTF-8 with a BOM so Excel reads it right) plus dubkit_line, dubkit_field, dubkit_error and
// dubkit_status, which the import ignores: fix the cells in a spreadsheet, save, and import the report. As JSON
// Lines, one {line, field, error, status, input} object per row. Created on the first failure, so a clean run
// leaves none. The token in use never reaches it: a row that holds it (refused before sending) is written masked.

import { once } from "node:events";
import { createWriteStream, type WriteStream } from "node:fs";
import { extname } from "node:path";
import { stringify } from "csv-stringify/sync";
import { redactSecrets } from "../redact.js";
import { REPORT_COLUMNS } from "./column-mapping.js";
import type { RecordedFailure } from "./journal.js";
import type { RawRow } from "./row-decision.js";

/** One failed row. */
export interface FailedRow extends RecordedFailure {
  line: number;
  raw: RawRow;
}

/** How the report is laid out. */
export interface ReportLayout {
  /** The input's header (CSV input), so the report keeps its columns. */
  header: string[] | undefined;
  /** The input's separator, for a CSV report. */
  delimiter: string;
}

/** Whether `path` names a CSV report (else JSON Lines). */
export function isCsvReport(path: string): boolean {
  const ext = extname(path).toLowerCase();
  return ext === ".csv" || ext === ".tsv" || ext === ".txt";
}

/** Writes failed rows to `path`, opening it on first use. */
export class FailureReport {
  private stream: WriteStream | undefined;
  private readonly csv: boolean;
  /** The input's columns kept in the report: every one but an earlier report's own. */
  private readonly kept: number[] | undefined;
  /** Rows written. */
  count = 0;

  constructor(
    readonly path: string,
    private readonly layout: ReportLayout,
  ) {
    this.csv = isCsvReport(path);
    this.kept = layout.header?.flatMap((name, i) => (REPORT_COLUMNS.includes(name) ? [] : [i]));
  }

  /** Appends one failed row. */
  add(row: FailedRow): void {
    if (!this.stream) {
      this.stream = createWriteStream(this.path, { flags: "w", mode: 0o600 });
      if (this.csv) this.stream.write(`\uFEFF${this.csvLine(this.headerCells())}`);
    }
    this.count++;
    const line = this.csv ? this.csvLine(this.csvCells(row)) : `${JSON.stringify(this.jsonRecord(row))}\n`;
    // A row holding the token in use (refused before sending) is written back without it.
    this.stream.write(redactSecrets(line));
  }

  /** Flushes and closes the file. */
  async close(): Promise<void> {
    if (!this.stream) return;
    this.stream.end();
    await once(this.stream, "close");
  }

  private headerCells(): string[] {
    const { header } = this.layout;
    const own = header && this.kept ? this.kept.map((i) => header[i] as string) : ["input"];
    return [...own, ...REPORT_COLUMNS];
  }

  private csvCells(row: FailedRow): string[] {
    const status = row.status === undefined ? "" : String(row.status);
    const tail = [String(row.line), row.field ?? "", row.error, status];
    if (this.kept && "cells" in row.raw) {
      const cells = row.raw.cells;
      // A row with more or fewer cells than the header is padded or cut, so the error columns stay in place.
      return [...this.kept.map((i) => cells[i] ?? ""), ...tail];
    }
    const input =
      "text" in row.raw ? row.raw.text : JSON.stringify("object" in row.raw ? row.raw.object : row.raw.cells);
    return this.kept ? [...this.kept.map((_, i) => (i === 0 ? input : "")), ...tail] : [input, ...tail];
  }

  private jsonRecord(row: FailedRow): Record<string, unknown> {
    const { header } = this.layout;
    let input: unknown;
    if ("cells" in row.raw) {
      const cells = row.raw.cells;
      input = header ? Object.fromEntries(header.map((name, i) => [name, cells[i] ?? ""])) : cells;
    } else input = "object" in row.raw ? row.raw.object : row.raw.text;
    return {
      line: row.line,
      ...(row.field === undefined ? {} : { field: row.field }),
      error: row.error,
      ...(row.status === undefined ? {} : { status: row.status }),
      input,
    };
  }

  private csvLine(cells: string[]): string {
    return stringify([cells], { delimiter: this.layout.delimiter, record_delimiter: "unix" });
  }
}
