// The end-of-import summary: a sentence on stderr for people, a stable JSON object on stdout for
// scripts (`--json`; documented in the README, fields only ever added).

import { type ImportStats, processed } from "./import-stats.js";
import { formatDuration } from "./progress.js";

/** How the run ended. */
export type ImportStatus = "completed" | "partial" | "interrupted" | "failed";

/** The `--json` summary of `partners import`. */
export interface ImportSummary {
  status: ImportStatus;
  dryRun: boolean;
  /** Rows read from the input. */
  rows: number;
  created: number;
  alreadyEnrolled: number;
  /** Invalid rows plus rows the API rejected or that kept failing. */
  failed: number;
  invalid: number;
  /** Rows finished by an earlier run (from the journal). */
  skipped: number;
  /** Sent but unanswered when the run stopped; a re-run sends them again. */
  unknown: number;
  /** Rows that would be sent (dry run only). */
  valid?: number;
  rateLimited: number;
  retries: number;
  durationMs: number;
  rowsPerSecond: number;
  journal: string | null;
  report: string | null;
  /** Why the run stopped early, when it did. */
  error?: string;
}

/** Builds the summary from the counters. */
export function buildSummary(
  stats: ImportStats,
  options: {
    status: ImportStatus;
    dryRun: boolean;
    now: number;
    journal: string | undefined;
    report: string | undefined;
    error?: string;
  },
): ImportSummary {
  const durationMs = Math.max(0, options.now - stats.startedAt);
  const worked = processed(stats) - stats.skipped;
  const summary: ImportSummary = {
    status: options.status,
    dryRun: options.dryRun,
    rows: stats.read,
    created: stats.created,
    alreadyEnrolled: stats.alreadyEnrolled,
    failed: stats.failed,
    invalid: stats.invalid,
    skipped: stats.skipped,
    unknown: stats.unknown,
    rateLimited: stats.rateLimited,
    retries: stats.retries,
    durationMs,
    rowsPerSecond: durationMs > 0 ? Math.round((worked / durationMs) * 10_000) / 10 : 0,
    journal: options.journal ?? null,
    report: options.report ?? null,
  };
  if (options.dryRun) summary.valid = stats.read - stats.invalid;
  if (options.error !== undefined) summary.error = options.error;
  return summary;
}

/** The summary as lines for people. */
export function formatSummary(summary: ImportSummary): string[] {
  const took = formatDuration(summary.durationMs / 1000);
  if (summary.dryRun) {
    return [
      `Dry run: ${summary.rows} rows checked, ${summary.valid ?? 0} valid, ${summary.invalid} invalid; nothing was sent (${took}).`,
      ...(summary.report && summary.invalid > 0 ? [`Invalid rows: ${summary.report}`] : []),
    ];
  }
  const head =
    summary.status === "interrupted"
      ? "Import interrupted"
      : summary.status === "failed"
        ? "Import stopped"
        : "Import finished";
  const lines = [
    `${head}: ${summary.created} created, ${summary.alreadyEnrolled} already enrolled, ${summary.failed} failed (${summary.invalid} invalid), ${summary.skipped} skipped; ${summary.rows} rows in ${took}, ${summary.rowsPerSecond} rows/s.`,
  ];
  if (summary.unknown > 0)
    lines.push(
      `${summary.unknown} rows were sent without an answer; run the same command again to finish them.`,
    );
  if (summary.error) lines.push(summary.error);
  if (summary.report && summary.failed > 0) lines.push(`Failed rows: ${summary.report}`);
  if (
    summary.journal &&
    (summary.status === "interrupted" || summary.status === "failed" || summary.unknown > 0)
  ) {
    lines.push(`Journal: ${summary.journal} (re-run the same command to resume)`);
  }
  return lines;
}
