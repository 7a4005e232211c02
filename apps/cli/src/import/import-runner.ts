// Runs the decided rows of an import, or of any bulk command: problems and finished rows settle at once, rows to send
// go out with bounded concurrency through the command's job (the SDK, whose transport retries and paces them with the
// run's limiter). Each row's end is settled in one place, `settle`: the journal, the counters and the report. A
// request slot is free as soon as its answer is in; the row counts once its journal record is on disk, which the
// group commit does in the background.

import type { BulkJob } from "./bulk-job.js";
import type { FailureReport } from "./failure-report.js";
import type { ImportStats } from "./import-stats.js";
import type { Journal, Settled } from "./journal.js";
import type { ProblemRow, RowDecision, SendRow } from "./row-decision.js";
import type { SendOutcome } from "./send-outcome.js";

/** Everything a run needs; the I/O (requests, files) comes in as objects so tests can run it directly. */
export interface ImportRun {
  /** The decided rows, in batches (one per chunk of the file). */
  rows: AsyncIterable<Iterable<RowDecision>>;
  /** How a row is sent and what its answer means. */
  job: BulkJob;
  stats: ImportStats;
  /** Requests in flight at most. */
  concurrency: number;
  journal?: Journal;
  report: FailureReport;
  /** Aborting stops taking new rows; requests in flight finish. */
  stop: AbortSignal;
  /** Aborting also abandons requests in flight (their rows stay "sent" in the journal). */
  abandon: AbortSignal;
  now?: () => number;
}

/** How a run ended. */
export interface ImportResult {
  /** The error that stopped the whole run (a workspace refusal, a journal write failure), if any. */
  fatal?: unknown;
}

/** Runs the import to the end of the rows, or until stopped or a fatal error. */
export async function runImport(run: ImportRun): Promise<ImportResult> {
  const { stats, journal, report } = run;
  const now = run.now ?? Date.now;
  const result: ImportResult = {};
  const halt = new AbortController();
  const stopped = () => run.stop.aborted || halt.signal.aborted;

  const fatal = (error: unknown) => {
    result.fatal ??= error;
    halt.abort();
  };

  // Rows answered but not yet on disk in the journal; the run ends once there are none.
  let unsettled = 0;
  let allSettled: (() => void) | undefined;
  /** Counts a row once its journal record is on disk (at once without a journal); a journal failure stops the run. */
  const once = (write: ((settled: Settled) => void) | undefined, count: () => void) => {
    if (!write) {
      count();
      return;
    }
    unsettled++;
    write((error) => {
      unsettled--;
      if (error === undefined) count();
      else {
        stats.inFlight--;
        stats.unknown++;
        fatal(error);
      }
      if (unsettled === 0) allSettled?.();
    });
  };

  const fail = (row: ProblemRow | SendRow, failure: ProblemRow["failure"], conflict: boolean) => {
    stats.failed++;
    if (conflict) stats.conflicts++;
    report.add({ line: row.line, raw: row.raw, ...failure });
  };

  /** The one place a sent row's end is recorded. */
  const settle = (row: SendRow, outcome: SendOutcome) => {
    switch (outcome.kind) {
      case "done":
        once(
          journal && ((settled) => journal.done(row.key, row.hash, outcome.outcome, outcome.id, settled)),
          () => {
            stats.inFlight--;
            stats.done[outcome.outcome] = (stats.done[outcome.outcome] ?? 0) + 1;
          },
        );
        return;
      case "failed":
        once(
          journal &&
            ((settled) => journal.failed(row.key, row.hash, outcome.failure, outcome.retryable, settled)),
          () => {
            stats.inFlight--;
            fail(row, outcome.failure, outcome.conflict);
          },
        );
        return;
      case "fatal":
        // The workspace refused it (token, plan, quota): the row stays `sent` and the next run sends it again.
        stats.inFlight--;
        stats.notSent++;
        fatal(outcome.error);
        return;
      case "unanswered":
        stats.inFlight--;
        stats.unknown++;
        return;
      case "unsent":
        stats.inFlight--;
        stats.notSent++;
        stats.heldBack++;
        return;
    }
  };

  // Free request slots; a finished request wakes the loop when it waits for one.
  let free = run.concurrency;
  let wake: (() => void) | undefined;
  const release = () => {
    free++;
    wake?.();
    wake = undefined;
  };
  const slot = () => new Promise<void>((resolve) => (wake = resolve));
  const stopWaiting = () => wake?.();
  run.stop.addEventListener("abort", stopWaiting);
  halt.signal.addEventListener("abort", stopWaiting);

  const dispatch = async (row: SendRow) => {
    const firstSentAt = row.sentAt ?? now();
    stats.inFlight++;
    stats.dispatched++;
    journal?.sent(row.key, row.hash, firstSentAt);
    let outcome: SendOutcome;
    try {
      const answer = await run.job.send(row.body, run.abandon);
      outcome = run.job.outcomeOf(answer, row, firstSentAt);
    } catch (error) {
      outcome = run.job.outcomeOfError(error, run.abandon.aborted, row);
    }
    try {
      settle(row, outcome);
    } catch (error) {
      fatal(error);
    } finally {
      active--;
      release();
      if (active === 0) allAnswered?.();
    }
  };

  /** The one place a row that is not sent is recorded. */
  const settleUnsent = (row: Exclude<RowDecision, SendRow>) => {
    if (row.kind === "skip") {
      stats.skipped++;
      return;
    }
    if (row.kind === "invalid") stats.invalid++;
    if (row.kind === "duplicate") stats.duplicates++;
    const failure =
      row.kind === "earlier"
        ? { ...row.failure, error: `${row.failure.error} (in an earlier run)` }
        : row.failure;
    fail(row, failure, false);
  };

  // Requests sent and not answered yet; the run ends once there are none.
  let active = 0;
  let allAnswered: (() => void) | undefined;
  reading: for await (const batch of run.rows) {
    for (const row of batch) {
      if (stopped()) break reading;
      stats.read++;
      if (row.kind !== "send") {
        settleUnsent(row);
        continue;
      }
      while (free === 0 && !stopped()) await slot();
      if (stopped()) {
        stats.notSent++;
        break reading;
      }
      free--;
      active++;
      void dispatch(row);
    }
  }
  run.stop.removeEventListener("abort", stopWaiting);
  halt.signal.removeEventListener("abort", stopWaiting);
  if (active > 0) await new Promise<void>((resolve) => (allAnswered = resolve));
  if (unsettled > 0) await new Promise<void>((resolve) => (allSettled = resolve));
  // Rows the run never reached.
  if (stats.total !== undefined && stats.read < stats.total) {
    stats.notSent += stats.total - stats.read;
    stats.read = stats.total;
  }
  return result;
}
