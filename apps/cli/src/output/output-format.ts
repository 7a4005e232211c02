// `--format table|json|jsonl|csv|tsv` (and `--json`, its short form) for every listing command: an
// aligned table on a terminal, tab-separated values when stdout is a pipe or a file (as gh does).

import { Option } from "commander";
import { CliError } from "../cli-error.js";
import { ExitCode } from "../exit-codes.js";

/** The output formats of listing commands. */
export const OUTPUT_FORMATS = ["table", "json", "jsonl", "csv", "tsv"] as const;

/** One of {@link OUTPUT_FORMATS}. */
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** The formats whose errors and warnings are JSON too. */
export function isJsonFormat(format: OutputFormat): boolean {
  return format === "json" || format === "jsonl";
}

/** The `--format` option, for a listing command's definition. */
export function formatOption(): Option {
  return new Option(
    "--format <format>",
    "output format (default: table on a terminal, tsv when piped; --json is --format json)",
  ).choices(OUTPUT_FORMATS);
}

/** The format to print in: `--format`, else `--json`, else table on a terminal and tsv elsewhere. */
export function resolveOutputFormat(
  options: { format?: string; json?: boolean },
  stdoutIsTTY: boolean,
): OutputFormat {
  const format = options.format as OutputFormat | undefined;
  if (format !== undefined && options.json && format !== "json") {
    throw new CliError(
      `--json and --format ${format} ask for different formats; give one of them.`,
      ExitCode.usage,
      {
        field: "--format",
      },
    );
  }
  if (format !== undefined) return format;
  if (options.json) return "json";
  return stdoutIsTTY ? "table" : "tsv";
}
