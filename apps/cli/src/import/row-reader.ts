// Streams the rows of a CSV or JSONL input, one at a time, with the physical line each row starts
// on, so memory stays flat whatever the file size and every message can point at a line.

import { createReadStream } from "node:fs";
import { extname } from "node:path";
import { createInterface } from "node:readline";
import type { Readable } from "node:stream";
import { parse } from "csv-parse";
import { CliError } from "../cli-error.js";
import { ExitCode } from "../exit-codes.js";

/** The input formats `partners import` reads. */
export type InputFormat = "csv" | "jsonl";

/** One data row: the fields as read, or why it could not be read. */
export interface InputRow {
  /** 1-based physical line on which the row starts. */
  line: number;
  /** CSV: column name → cell text; JSONL: the parsed object. Absent when `error` is set. */
  fields?: Record<string, unknown>;
  /** The row's text or cells, for the failure report. */
  input: unknown;
  /** Why the row could not be read (bad JSON, wrong number of cells). */
  error?: string;
}

/** Picks the format from `--format` or the file extension. */
export function detectFormat(file: string, format: string | undefined): InputFormat {
  if (format !== undefined) {
    const lower = format.toLowerCase();
    if (lower === "csv") return "csv";
    if (lower === "jsonl" || lower === "ndjson") return "jsonl";
    throw new CliError(`--format must be csv or jsonl, got "${format}".`, ExitCode.usage);
  }
  if (file === "-") return "csv";
  const ext = extname(file).toLowerCase();
  if (ext === ".jsonl" || ext === ".ndjson") return "jsonl";
  if (ext === ".csv" || ext === ".txt") return "csv";
  throw new CliError(
    `Cannot tell the format of ${file} from its extension; pass --format csv or --format jsonl.`,
    ExitCode.usage,
  );
}

/** Opens the input: a file path, or `-` for stdin. */
export function openInput(file: string): Readable {
  return file === "-" ? process.stdin : createReadStream(file);
}

function count(text: string, needle: string): number {
  let n = 0;
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + needle.length)) n++;
  return n;
}

/**
 * Reads CSV with a header row. Empty lines are skipped; a row whose cell count differs from the
 * header's is returned with an `error` instead of stopping the read.
 */
export async function* readCsvRows(stream: Readable): AsyncGenerator<InputRow> {
  const parser = stream.pipe(
    parse({ bom: true, info: true, relax_column_count: true, skip_empty_lines: true }),
  );
  // csv-parse's `info.lines` is the line a record ends on, except that it counts a CRLF inside a
  // quoted cell as two lines; that excess is tracked and taken off.
  let overcount = 0;
  let header: string[] | undefined;
  try {
    for await (const item of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>) {
      let crlf = 0;
      let newlines = 0;
      for (const cell of item.record) {
        if (cell.includes("\n")) {
          crlf += count(cell, "\r\n");
          newlines += count(cell, "\n");
        }
      }
      overcount += crlf;
      const line = item.info.lines - overcount - newlines;
      if (header === undefined) {
        header = item.record.map((name) => name.trim());
        continue;
      }
      const cells = item.record;
      if (cells.length !== header.length) {
        yield {
          line,
          input: cells,
          error: `row has ${cells.length} cells but the header has ${header.length} columns`,
        };
        continue;
      }
      const fields: Record<string, string> = {};
      header.forEach((name, i) => {
        fields[name] = cells[i] ?? "";
      });
      yield { line, fields, input: fields };
    }
  } catch (error) {
    const { message, lines } = error as { message: string; lines?: number };
    throw new CliError(
      `The CSV cannot be read${lines ? ` (near line ${lines})` : ""}: ${message}`,
      ExitCode.usage,
    );
  }
}

/** Reads JSON Lines: one JSON object per line; blank lines are skipped; a bad line becomes an `error` row. */
export async function* readJsonlRows(stream: Readable): AsyncGenerator<InputRow> {
  const lines = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
  let line = 0;
  for await (const rawLine of lines) {
    line++;
    const text = line === 1 ? rawLine.replace(/^\uFEFF/, "") : rawLine;
    if (text.trim() === "") continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      yield { line, input: text, error: `not valid JSON: ${(error as Error).message}` };
      continue;
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      yield { line, input: value, error: "expected a JSON object" };
      continue;
    }
    yield { line, fields: value as Record<string, unknown>, input: value };
  }
}

/** Reads rows in the given format. */
export function readRows(stream: Readable, format: InputFormat): AsyncGenerator<InputRow> {
  return format === "csv" ? readCsvRows(stream) : readJsonlRows(stream);
}
