// The summary at the end of an import (or of any bulk command): sentences on stderr for people, a stable JSON object
// on stdout for scripts (`--json`; documented in the README, fields only ever added). Its buckets add up to the rows.

import { plural } from "../plural.js";
import type { ImportPlan } from "./import-plan.js";
import { doneCount, type ImportStats } from "./import-stats.js";
import type { RowOutcome } from "./journal.js";
import { formatDuration } from "./progress.js";

/** How the run ended. */
export type ImportStatus = "completed" | "partial" | "interrupted" | "failed";

/** How a command names its run and its rows' outcomes. */
export interface RunWords {
  /** The run, capitalised: "Import" (finished, interrupted, stopped). */
  title: string;
  /** Each outcome's field in the JSON summary and its words in the sentence, in the order they are told. */
  outcomes: readonly { outcome: RowOutcome; field: string; words: string }[];
  /** What to do with the failure report once fixed: "import that file". */
  rerun: string;
}

/** The import's words: `created` and `alreadyEnrolled`, as its JSON summary always had them. */
export const IMPORT_WORDS: RunWords = {
  title: "Import",
  outcomes: [
    { outcome: "created", field: "created", words: "created" },
    { outcome: "existing", field: "alreadyEnrolled", words: "already enrolled" },
  ],
  rerun: "import that file",
};

/**
 * The `--json` summary of `partners import` and the other bulk commands. Each outcome of the command is a field of
 * its own after `rows` (the import's `created` and `alreadyEnrolled`; an upsert's `created`, `updated`, `unchanged`).
 */
export interface ImportSummary {
  status: ImportStatus;
  dryRun: boolean;
  /** Rows in the input: the outcomes + failed + skipped + unknown + notSent. */
  rows: number;
  /** Rows finished by this run, by outcome field. */
  [outcome: string]: unknown;
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
    words: RunWords;
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
  const worked = doneCount(stats) + stats.failed;
  const summary: ImportSummary = {
    status: options.status,
    dryRun: options.dryRun,
    rows: stats.read,
    ...Object.fromEntries(options.words.outcomes.map((o) => [o.field, stats.done[o.outcome] ?? 0])),
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
export function formatSummary(summary: ImportSummary, words: RunWords): string[] {
  const took = formatDuration(summary.durationMs / 1000);
  if (summary.dryRun) {
    return [
      `Dry run: ${plural(summary.rows, "row")} checked: ${n(summary.toSend ?? 0)} would be sent, ${n(summary.skipped)} already done, ${n(summary.failed)} with problems; nothing was sent (${took}).`,
      ...(summary.report && summary.failed > 0 ? [`Rows with problems: ${summary.report}`] : []),
    ];
  }
  const head = `${words.title} ${
    summary.status === "interrupted" ? "interrupted" : summary.status === "failed" ? "stopped" : "finished"
  }`;
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
    `${head}: ${words.outcomes.map((o) => `${n(Number(summary[o.field] ?? 0))} ${o.words}`).join(", ")}, ${n(summary.failed)} failed${failedDetail.length ? ` (${failedDetail.join(", ")})` : ""}, ${n(summary.skipped)} skipped${open.length ? `, ${open.join(", ")}` : ""}; ${plural(summary.rows, "row")} in ${took}, ${summary.rowsPerSecond} rows/s.`,
  ];
  if (summary.error) lines.push(summary.error);
  if (summary.hint) lines.push(summary.hint);
  if (summary.report && summary.failed > 0) {
    lines.push(
      `Failed rows: ${summary.report} (fix them there and ${words.rerun}; the report's own columns are ignored)`,
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
