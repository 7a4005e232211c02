// The counters of one bulk run, shared by the runner, the progress display and the summary. Every row read ends
// in exactly one bucket, so the buckets add up to the rows: in flight until it settles, then done (by outcome: the
// import's created or already enrolled, an upsert's created, updated or unchanged …), failed, skipped, unknown
// (sent, never answered) or not sent (the run stopped first).

import type { RowOutcome } from "./journal.js";

/** Counts of what happened to the rows of one run. */
export interface ImportStats {
  /** Rows in the input, from the plan. */
  total: number | undefined;
  /** Rows taken up by this run so far. */
  read: number;
  /** Rows finished by this run, by outcome (the import: `created`, and `existing` for a partner enrolled before). */
  done: Record<RowOutcome, number>;
  /** Rows that failed for any reason (includes `invalid`, `duplicates`, `conflicts`). */
  failed: number;
  /** Of `failed`: rows that failed validation before anything was sent. */
  invalid: number;
  /** Of `failed`: rows repeating an earlier row's email or tenantId. */
  duplicates: number;
  /** Of `failed`: rows whose tenantId belongs to another partner (the API returned that partner, or 409). */
  conflicts: number;
  /** Rows finished by an earlier run, according to the journal. */
  skipped: number;
  /** Rows sent whose answer never came (abandoned); the next run sends them again. */
  unknown: number;
  /** Rows not sent because the run stopped first. */
  notSent: number;
  /** Rows sent and not settled yet. */
  inFlight: number;
  /** Rows handed to the SDK to send (whatever came of them). */
  dispatched: number;
  /** Of `notSent`: rows handed to the SDK that the limiter then held back because the run was stopping. */
  heldBack: number;
  /** Requests answered 429 (each retried after the server's wait). */
  rateLimited: number;
  /** Retried requests of any cause. */
  retries: number;
  /** When the run started (epoch ms). */
  startedAt: number;
}

/** Fresh counters, with one of `done` per outcome the command's rows may end with. */
export function newStats(
  total: number | undefined,
  startedAt: number,
  outcomes: readonly RowOutcome[],
): ImportStats {
  return {
    total,
    read: 0,
    done: Object.fromEntries(outcomes.map((outcome) => [outcome, 0])),
    failed: 0,
    invalid: 0,
    duplicates: 0,
    conflicts: 0,
    skipped: 0,
    unknown: 0,
    notSent: 0,
    inFlight: 0,
    dispatched: 0,
    heldBack: 0,
    rateLimited: 0,
    retries: 0,
    startedAt,
  };
}

/** Rows finished by this run with any outcome. */
export function doneCount(stats: ImportStats): number {
  let count = 0;
  for (const outcome in stats.done) count += stats.done[outcome] as number;
  return count;
}

/** Rows that are finished one way or another. */
export function processed(stats: ImportStats): number {
  return doneCount(stats) + stats.failed + stats.skipped + stats.unknown + stats.notSent;
}
