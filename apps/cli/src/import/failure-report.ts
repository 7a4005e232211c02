// The failure report: one record per failed row (line, field, error, input), as JSON Lines or, for
// a `.csv` path, as CSV a spreadsheet opens. Created on the first failure, so a clean run leaves none.

import { once } from "node:events";
import { createWriteStream, type WriteStream } from "node:fs";
import { extname } from "node:path";

/** One failed row. */
export interface FailedRow {
  line: number;
  /** The field at fault, when the failure names one (`email`, `linkProps.archived`). */
  field?: string;
  error: string;
  /** The HTTP status, when the API rejected the row. */
  status?: number;
  /** The row as read from the input. */
  input: unknown;
}

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Formats a row of the report in the file's format. */
export function formatReportRow(row: FailedRow, csv: boolean): string {
  if (!csv) return `${JSON.stringify(row)}\n`;
  const input = typeof row.input === "string" ? row.input : JSON.stringify(row.input);
  return `${[String(row.line), row.field ?? "", row.error, row.status === undefined ? "" : String(row.status), input].map(csvCell).join(",")}\n`;
}

/** Writes failed rows to `path`, opening it on first use. */
export class FailureReport {
  private stream: WriteStream | undefined;
  private readonly csv: boolean;
  /** Rows written. */
  count = 0;

  constructor(readonly path: string) {
    this.csv = extname(path).toLowerCase() === ".csv";
  }

  /** Appends one failed row. */
  add(row: FailedRow): void {
    if (!this.stream) {
      this.stream = createWriteStream(this.path, { flags: "w", mode: 0o600 });
      if (this.csv) this.stream.write("line,field,error,status,input\n");
    }
    this.count++;
    this.stream.write(formatReportRow(row, this.csv));
  }

  /** Flushes and closes the file. */
  async close(): Promise<void> {
    if (!this.stream) return;
    this.stream.end();
    await once(this.stream, "close");
  }
}
