// The flags every bulk command takes, read once: `--concurrency`, `--retries` (a row's), `--rate` and `--plan` (else
// the profile's plan), `--journal`, `--report`, `--preview`, `--json`; and where a report goes by default.

import { type GlobalOptions, parseCount } from "../global-options.js";
import { resolveSettings } from "../settings.js";
import type { Terminal } from "../terminal.js";
import type { BulkOptions } from "./bulk-command.js";
import { resolvePace } from "./rate-option.js";

/** The bulk flags as commander hands them over. */
export interface BulkFlags {
  concurrency?: string;
  rate?: string;
  plan?: string;
  journal?: string;
  report?: string;
  preview?: string;
  json?: boolean;
}

const DEFAULT_CONCURRENCY = 8;
const DEFAULT_ROW_RETRIES = 5;

/** The profile's plan, when a profile is in use and has one; never fails the run (a dry run needs no token). */
async function profilePlan(globals: GlobalOptions, terminal: Terminal): Promise<string | undefined> {
  if (globals.local) return undefined;
  try {
    return (await resolveSettings(globals, terminal.env)).profile.stored?.plan;
  } catch {
    return undefined;
  }
}

/**
 * Reads the bulk flags; `defaults` are the command's own: its journal beside the input (none for stdin), its report,
 * how many rows a dry run shows.
 */
export async function resolveBulkOptions(
  flags: BulkFlags,
  globals: GlobalOptions,
  terminal: Terminal,
  defaults: { journal: string | undefined; report: string; preview: number },
): Promise<BulkOptions> {
  const concurrency = parseCount("--concurrency", flags.concurrency, 1) ?? DEFAULT_CONCURRENCY;
  const maxRetries = parseCount("--retries", globals.retries) ?? DEFAULT_ROW_RETRIES;
  const preview =
    flags.preview === "all"
      ? Number.POSITIVE_INFINITY
      : (parseCount("--preview", flags.preview) ?? defaults.preview);
  const pace = resolvePace(flags.rate, flags.plan, await profilePlan(globals, terminal));
  return {
    pace,
    concurrency,
    maxRetries,
    preview,
    json: flags.json === true || globals.json === true,
    journalPath: flags.journal ?? defaults.journal,
    reportPath: flags.report ?? defaults.report,
  };
}

/**
 * A failure report's default path: beside the input, its extension replaced by `.<suffix>.csv` or `.jsonl` (the
 * import's suffix is `failed`); `<stdinName>.csv` in the working directory for stdin.
 */
export function defaultReport(
  file: string,
  format: "csv" | "jsonl",
  stdinName: string,
  suffix = "failed",
): string {
  if (file === "-") return `${stdinName}.${format}`;
  return `${file.replace(/\.(csv|tsv|txt|jsonl|ndjson)$/i, "")}.${suffix}.${format}`;
}
