// The end-of-import summary: sentences on stderr for people, a stable JSON object on stdout for scripts (`--json`;
// documented in the README, fields only ever added). Its buckets add up to the rows.

import { plural } from "../plural.js";
import type { ImportPlan } from "./import-plan.js";
import type { ImportStats } from "./import-stats.js";
import { formatDuration } from "./progress.js";

/** How the run ended. */
export type ImportStatus = "completed" | "partial" | "interrupted" | "failed";

/** The `--json` summary of `partners import`. */
export interface ImportSummary {
  status: ImportStatus;
  dryRun: boolean;
  /** Rows in the input: created + alreadyEnrolled + failed + skipped + unknown + notSent. */
  rows: number;
  created: number;
  alreadyEnrolled: number;
  /** Rows that failed for any reason; includes invalid, duplicates and conflicts. */
  failed: number;
  invalid: number;
  /** Rows repeating an earlier row's email or tenantId (not sent). */
  duplicates: number;
  /** Rows whose tenantId belongs to another partner (nothing enrolled for them). */
  conflicts: number;
  /** Rows finished by an earlier run (from the journal). */
  skipped: number;
  /** Sent but unanswered when the run stopped; a re-run sends them again. */
  unknown: number;
  /** Not finished because the run stopped first; a re-run sends them. */
  notSent: number;
  /** Dry run only: rows that pass every check (to send + skipped). */
  valid?: number;
  /** Dry run only: rows a real run would send. */
  toSend?: number;
  rateLimited: number;
  retries: number;
  durationMs: number;
  rowsPerSecond: number;
  journal: string | null;
  report: string | null;
  /** The plan shown before sending. */
  plan?: ImportPlan;
  /** Dry run only: the bodies a real run would send, for the first rows. */
  preview?: Array<{ line: number; body: Record<string, unknown> }>;
  /** Why the run stopped early, when it did. */
  error?: string;
  /** What to do about it. */
  hint?: string;
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
    plan?: ImportPlan | undefined;
    error?: { message: string; hint?: string | undefined } | undefined;
  },
): ImportSummary {
  const durationMs = Math.max(0, options.now - stats.startedAt);
  const worked = stats.created + stats.alreadyEnrolled + stats.failed;
  const summary: ImportSummary = {
    status: options.status,
    dryRun: options.dryRun,
    rows: stats.read,
    created: stats.created,
    alreadyEnrolled: stats.alreadyEnrolled,
    failed: stats.failed,
    invalid: stats.invalid,
    duplicates: stats.duplicates,
    conflicts: stats.conflicts,
    skipped: stats.skipped,
    unknown: stats.unknown,
    notSent: stats.notSent,
    rateLimited: stats.rateLimited,
    retries: stats.retries,
    durationMs,
    rowsPerSecond: durationMs > 0 ? Math.round((worked / durationMs) * 10_000) / 10 : 0,
    journal: options.journal ?? null,
    report: options.report ?? null,
  };
  if (options.plan) summary.plan = options.plan;
  if (options.error !== undefined) {
    summary.error = options.error.message;
    if (options.error.hint !== undefined) summary.hint = options.error.hint;
  }
  return summary;
}

const n = (value: number) => value.toLocaleString("en-US");

/** The summary as lines for people. */
export function formatSummary(summary: ImportSummary): string[] {
  const took = formatDuration(summary.durationMs / 1000);
  if (summary.dryRun) {
    return [
      `Dry run: ${plural(summary.rows, "row")} checked: ${n(summary.toSend ?? 0)} would be sent, ${n(summary.skipped)} already done, ${n(summary.failed)} with problems; nothing was sent (${took}).`,
      ...(summary.report && summary.failed > 0 ? [`Rows with problems: ${summary.report}`] : []),
    ];
  }
  const head =
    summary.status === "interrupted"
      ? "Import interrupted"
      : summary.status === "failed"
        ? "Import stopped"
        : "Import finished";
  const failedDetail = [
    summary.invalid > 0 ? `${n(summary.invalid)} invalid` : "",
    summary.duplicates > 0 ? `${n(summary.duplicates)} duplicate` : "",
    summary.conflicts > 0
      ? `${n(summary.conflicts)} tenantId conflict${summary.conflicts === 1 ? "" : "s"}`
      : "",
  ].filter(Boolean);
  const open = [
    summary.unknown > 0 ? `${n(summary.unknown)} unanswered` : "",
    summary.notSent > 0 ? `${n(summary.notSent)} not sent` : "",
  ].filter(Boolean);
  const lines = [
    `${head}: ${n(summary.created)} created, ${n(summary.alreadyEnrolled)} already enrolled, ${n(summary.failed)} failed${failedDetail.length ? ` (${failedDetail.join(", ")})` : ""}, ${n(summary.skipped)} skipped${open.length ? `, ${open.join(", ")}` : ""}; ${plural(summary.rows, "row")} in ${took}, ${summary.rowsPerSecond} rows/s.`,
  ];
  if (summary.error) lines.push(summary.error);
  if (summary.hint) lines.push(summary.hint);
  if (summary.report && summary.failed > 0) {
    lines.push(
      `Failed rows: ${summary.report} (fix them there and import that file; the report's own columns are ignored)`,
    );
  }
  if (summary.journal && (summary.unknown > 0 || summary.notSent > 0)) {
    lines.push(
      summary.status === "failed"
        ? `Journal: ${summary.journal}. Once the cause above is fixed, run the same command: finished rows are skipped.`
        : `Journal: ${summary.journal}. Run the same command again to finish: finished rows are skipped.`,
    );
  }
  return lines;
}
