// The output of a listing command in one call: the format from its flags and the terminal, and a
// writer sized to the terminal with colour only where stdout is one.

import type { GlobalOptions } from "../global-options.js";
import { colorsFor, type Terminal } from "../terminal.js";
import { type OutputFormat, resolveOutputFormat } from "./output-format.js";
import { type Column, createRecordWriter, type RecordWriter } from "./record-writer.js";

/** The flags every listing command has. */
export interface ListingFlags {
  format?: string;
  json?: boolean;
}

/** The columns a listing prints. */
export interface ListingColumns<T> {
  columns: readonly Column<T>[];
  csvColumns?: readonly Column<T>[];
}

/** The format chosen for a listing, and its writer. */
export interface ListingOutput<T> {
  format: OutputFormat;
  writer: RecordWriter<T>;
}

/** Opens the output of a listing; `paged` when it may span several pages (`--all`). */
export function openListing<T>(
  spec: ListingColumns<T>,
  flags: ListingFlags,
  globals: GlobalOptions,
  terminal: Terminal,
  paged = false,
): ListingOutput<T> {
  const tty = terminal.stdout.isTTY === true;
  const format = resolveOutputFormat({ format: flags.format, json: flags.json || globals.json }, tty);
  const writer = createRecordWriter<T>({
    format,
    columns: spec.columns,
    ...(spec.csvColumns ? { csvColumns: spec.csvColumns } : {}),
    out: terminal.stdout,
    ...(tty && terminal.stdout.columns ? { width: terminal.stdout.columns } : {}),
    colors: colorsFor(globals.color, terminal.env, terminal.stdout),
    paged,
  });
  return { format, writer };
}
