// Which character separates a CSV file's cells: Excel writes `;` where the decimal separator is a comma (most of
// Europe), tabs come from "Unicode text" exports, and some files name theirs on an Excel `sep=;` first line.
// Detected from the header line, or given with --delimiter.

import { CliError } from "../cli-error.js";
import { ExitCode } from "../exit-codes.js";

/** The separator and whether the file's first line is an Excel `sep=` line to skip. */
export interface CsvDialect {
  delimiter: string;
  /** Physical lines before the header (1 for a `sep=` line). */
  skipLines: number;
  source: "detected" | "sep= line" | "--delimiter" | "mapping file" | "default";
}

const CANDIDATES = [",", ";", "\t", "|"];

const NAMED: Record<string, string> = {
  comma: ",",
  semicolon: ";",
  tab: "\t",
  "\\t": "\t",
  pipe: "|",
};

/** Reads `--delimiter`: one character, or comma/semicolon/tab/pipe. */
export function parseDelimiter(text: string, source: string): string {
  const named = NAMED[text.toLowerCase()];
  if (named) return named;
  if ([...text].length === 1 && !/["\r\n]/.test(text)) return text;
  throw new CliError(
    `${source} must be one character or comma, semicolon, tab or pipe, got "${text}".`,
    ExitCode.usage,
    { field: "--delimiter" },
  );
}

/** How often each candidate separates cells on `line`, quotes respected. */
function counts(line: string): Map<string, number> {
  const found = new Map<string, number>(CANDIDATES.map((c) => [c, 0]));
  let quoted = false;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && found.has(char)) found.set(char, (found.get(char) ?? 0) + 1);
  }
  return found;
}

/** The first line of `text` (the header, or a `sep=` line). */
function firstLine(text: string): string {
  const end = text.search(/\r?\n/);
  return end === -1 ? text : text.slice(0, end);
}

/**
 * Picks the separator from the start of the file's text: a given one, an Excel `sep=X` line, else the candidate
 * that splits the header most often (a comma when none does, as for a one-column file).
 */
export function detectDialect(
  start: string,
  given: { delimiter: string; source: "--delimiter" | "mapping file" } | undefined,
): CsvDialect {
  const line = firstLine(start);
  const sep = /^"?sep=(.)"?$/i.exec(line.trim());
  if (given) return { delimiter: given.delimiter, skipLines: sep ? 1 : 0, source: given.source };
  if (sep) return { delimiter: sep[1] as string, skipLines: 1, source: "sep= line" };
  let best = ",";
  let bestCount = 0;
  for (const [candidate, count] of counts(line)) {
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return { delimiter: best, skipLines: 0, source: bestCount > 0 ? "detected" : "default" };
}

/** The separator's name, for messages. */
export function delimiterName(delimiter: string): string {
  const names: Record<string, string> = { ",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe" };
  return names[delimiter] ?? `"${delimiter}"`;
}
