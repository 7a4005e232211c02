// Streams the records of a CSV or JSONL text, one at a time, with the physical line each starts on, so memory stays
// flat whatever the file size and every message can point at a line.

import { extname } from "node:path";
import type { Readable } from "node:stream";
import { finished } from "node:stream/promises";
import { parse } from "csv-parse";
import { CliError } from "../cli-error.js";
import { ExitCode } from "../exit-codes.js";

/** The input formats `partners import` reads. */
export type InputFormat = "csv" | "jsonl";

/** One record: CSV cells or a JSON object, or why the line could not be read. */
export interface InputRecord {
  /** 1-based physical line on which the record starts. */
  line: number;
  /** CSV: the cells. */
  cells?: string[];
  /** JSONL: the object. */
  object?: Record<string, unknown>;
  /** JSONL: the line's text, when it is not a JSON object. */
  text?: string;
  /** Why the record cannot be used (bad JSON). */
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
  if (ext === ".csv" || ext === ".txt" || ext === ".tsv") return "csv";
  if (ext === ".xlsx" || ext === ".xls" || ext === ".ods" || ext === ".numbers") {
    throw new CliError(`${file} is a spreadsheet, not CSV text.`, ExitCode.usage, {
      code: "unsupported_file",
      hint: 'Save it as CSV first: in Excel, File → Save As → "CSV UTF-8 (Comma delimited) (*.csv)".',
    });
  }
  throw new CliError(
    `Cannot tell the format of ${file} from its extension; pass --format csv or --format jsonl.`,
    ExitCode.usage,
  );
}

function count(text: string, needle: string): number {
  let n = 0;
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + needle.length)) n++;
  return n;
}

/**
 * Reads CSV records (the header is the first), in batches: one per chunk of text, so the per-record cost is a push
 * into an array rather than a promise. Empty lines are skipped. `skipLines` physical lines are dropped first (an
 * Excel `sep=` line); line numbers still count them.
 */
export async function* readCsvRecords(
  text: Readable,
  delimiter: string,
  skipLines: number,
): AsyncGenerator<InputRecord[]> {
  // Lines are counted here rather than with csv-parse's `info`, which costs two objects per record: a record
  // takes one line plus the line breaks inside its quoted cells (a CRLF counting once), and an empty line comes
  // through as one empty cell, skipped here.
  const parser = parse({
    delimiter,
    relax_column_count: true,
    ...(skipLines > 0 ? { from_line: skipLines + 1 } : {}),
  });
  let failure: unknown;
  parser.on("error", (error) => {
    failure ??= error;
  });
  let next = skipLines + 1;
  const drain = (): InputRecord[] => {
    const batch: InputRecord[] = [];
    for (let record = parser.read() as string[] | null; record !== null; record = parser.read()) {
      const line = next;
      next++;
      for (const cell of record) if (cell.includes("\n")) next += count(cell, "\n");
      if (record.length === 1 && record[0] === "") continue;
      batch.push({ line, cells: record });
    }
    if (failure) throw failure;
    return batch;
  };
  try {
    for await (const chunk of text as AsyncIterable<string>) {
      // Transform.write runs the parser synchronously, so its records are ready to read right after.
      parser.write(chunk);
      const batch = drain();
      if (batch.length > 0) yield batch;
    }
    parser.end();
    // The parser reports an unclosed quote at the end, after a tick.
    await finished(parser, { readable: false });
    const rest = drain();
    if (rest.length > 0) yield rest;
  } catch (error) {
    if (error instanceof CliError) throw error;
    const { message, lines } = error as { message: string; lines?: number };
    throw new CliError(
      `The CSV cannot be read${lines ? ` (near line ${lines})` : ""}: ${message}`,
      ExitCode.usage,
      {
        code: "csv",
        ...(lines ? { line: lines } : {}),
      },
    );
  } finally {
    // A reader that stops early (the header read, Ctrl-C) closes the file.
    text.destroy();
    parser.destroy();
  }
}

/** Reads JSON Lines in batches: one JSON object per line; blank lines skipped; a bad line becomes an `error` record. */
export async function* readJsonlRecords(text: Readable): AsyncGenerator<InputRecord[]> {
  let line = 0;
  // Leaving early (Ctrl-C) ends splitLines' loop, which closes the file.
  for await (const lines of splitLines(text)) {
    const batch: InputRecord[] = [];
    for (const raw of lines) {
      line++;
      if (raw.trim() === "") continue;
      let value: unknown;
      try {
        value = JSON.parse(raw);
      } catch (error) {
        batch.push({ line, text: raw, error: `not valid JSON: ${(error as Error).message}` });
        continue;
      }
      if (typeof value !== "object" || value === null || Array.isArray(value)) {
        batch.push({ line, text: raw, error: "expected a JSON object" });
        continue;
      }
      batch.push({ line, object: value as Record<string, unknown> });
    }
    if (batch.length > 0) yield batch;
  }
}

/** The lines of a text stream (LF or CRLF), a chunk's worth at a time; errors of the stream passed on. */
async function* splitLines(text: Readable): AsyncGenerator<string[]> {
  let rest = "";
  for await (const chunk of text as AsyncIterable<string>) {
    const lines = (rest + chunk).split("\n");
    rest = lines.pop() ?? "";
    yield lines.map((line) => (line.endsWith("\r") ? line.slice(0, -1) : line));
  }
  if (rest !== "") yield [rest.endsWith("\r") ? rest.slice(0, -1) : rest];
  text.destroy();
}
