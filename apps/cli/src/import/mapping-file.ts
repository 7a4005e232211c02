// The column mapping a team keeps beside its export, and `--map`: which column fills which field, and how the file
// is written. A mapping file is JSON, so it needs no new syntax and any editor checks it:
//   { "columns": { "email": "E-mail", "firstName": "Given name", "tenantId": "Partner Key", "country": null },
//     "delimiter": ";", "encoding": "windows-1252" }
// `null` says no column fills that field. `--map FIELD=COLUMN` (repeatable) overrides the file, field by field.

import { readFile } from "node:fs/promises";
import { CliError } from "../cli-error.js";
import { ExitCode } from "../exit-codes.js";
import { type ColumnVocabulary, type ExplicitMapping, PARTNER_COLUMNS } from "./column-mapping.js";

/** What a mapping file may say besides the columns. */
export interface MappingFile {
  columns: ExplicitMapping;
  delimiter?: string;
  encoding?: string;
}

const KEYS = new Set(["columns", "delimiter", "encoding"]);

function invalid(path: string, what: string, vocabulary: ColumnVocabulary): CliError {
  const columns =
    vocabulary === PARTNER_COLUMNS
      ? '{"email": "E-mail", "name": "Full Name", "country": null}'
      : `{${vocabulary.spec.fields
          .slice(0, 2)
          .map((field) => `"${field}": "Column"`)
          .join(", ")}}`;
  return new CliError(`The mapping file ${path} is not valid: ${what}.`, ExitCode.usage, {
    code: "column_mapping",
    field: "--mapping",
    hint: `It is JSON like {"columns": ${columns}, "delimiter": ";"}.`,
  });
}

function targetOrThrow(text: string, vocabulary: ColumnVocabulary, fail: (what: string) => CliError): string {
  const target = vocabulary.parseTarget(text);
  if (target === undefined)
    throw fail(`"${text}" is not a field (fields: ${vocabulary.knownTargets().join(", ")})`);
  return target;
}

/** Reads and checks a mapping file whose fields are `vocabulary`'s (default: the import's). */
export async function readMappingFile(
  path: string,
  vocabulary: ColumnVocabulary = PARTNER_COLUMNS,
): Promise<MappingFile> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new CliError(`Cannot read the mapping file ${path}: ${(error as Error).message}`, ExitCode.usage, {
      field: "--mapping",
    });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw invalid(path, `not JSON (${(error as Error).message})`, vocabulary);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
    throw invalid(path, "it must be a JSON object", vocabulary);
  const raw = parsed as Record<string, unknown>;
  const unknown = Object.keys(raw).filter((key) => !KEYS.has(key));
  if (unknown.length > 0)
    throw invalid(
      path,
      `unknown key ${unknown.map((k) => `"${k}"`).join(", ")} (keys: columns, delimiter, encoding)`,
      vocabulary,
    );
  const columns: ExplicitMapping = new Map();
  if (raw.columns !== undefined) {
    if (typeof raw.columns !== "object" || raw.columns === null || Array.isArray(raw.columns)) {
      throw invalid(path, '"columns" must be an object of field → column name', vocabulary);
    }
    for (const [field, column] of Object.entries(raw.columns)) {
      const target = targetOrThrow(field, vocabulary, (what) => invalid(path, what, vocabulary));
      if (column !== null && (typeof column !== "string" || column.trim() === "")) {
        throw invalid(path, `the column of "${field}" must be a column name or null`, vocabulary);
      }
      columns.set(target, column === null ? null : column.trim());
    }
  }
  const result: MappingFile = { columns };
  for (const key of ["delimiter", "encoding"] as const) {
    const value = raw[key];
    if (value === undefined) continue;
    if (typeof value !== "string" || value === "")
      throw invalid(path, `"${key}" must be a string`, vocabulary);
    result[key] = value;
  }
  return result;
}

/** Reads `--map FIELD=COLUMN` flags into `mapping` (later flags win), fields being `vocabulary`'s. */
export function applyMapFlags(
  mapping: ExplicitMapping,
  flags: readonly string[],
  vocabulary: ColumnVocabulary = PARTNER_COLUMNS,
): ExplicitMapping {
  const merged = new Map(mapping);
  for (const flag of flags) {
    const at = flag.indexOf("=");
    const fail = (what: string) =>
      new CliError(`--map ${JSON.stringify(flag)}: ${what}.`, ExitCode.usage, {
        code: "column_mapping",
        field: "--map",
        hint: `Write --map FIELD=COLUMN, e.g. --map ${vocabulary.spec.examples.join(" or --map ")}; --map FIELD= for no column.`,
      });
    if (at <= 0) throw fail("expected FIELD=COLUMN");
    const target = targetOrThrow(flag.slice(0, at), vocabulary, fail);
    const column = flag.slice(at + 1).trim();
    merged.set(target, column === "" ? null : column);
  }
  return merged;
}
