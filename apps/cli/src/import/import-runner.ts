// Runs an import: reads rows one at a time, validates them, skips what the journal says is done,
// and sends the rest with bounded concurrency through the pacer, retrying what can be retried.
// Rows with the same email are never in flight together, so they cannot race each other.

import {
  BadRequest,
  Conflict,
  Forbidden,
  InvalidRequestError,
  InviteExpired,
  NotFound,
  RateLimitExceeded,
  RequestAbortedError,
  SDKError,
  Unauthorized,
  UnprocessableEntity,
} from "@dubkit/core";
import { isRetryableError } from "@dubkit/fetch";
import { enrollmentOutcome } from "../enrollment-outcome.js";
import { backoffDelay } from "./backoff.js";
import type { FailureReport } from "./failure-report.js";
import type { ImportStats } from "./import-stats.js";
import { type Journal, type RowOutcome, rowHash } from "./journal.js";
import type { AdaptivePacer } from "./pacer.js";
import { rowToRequest } from "./row-mapping.js";
import type { InputRow } from "./row-reader.js";
import { sleep } from "./sleep.js";

/** The result of validating a mapped row with the SDK's schema. */
export type Validation =
  | { ok: true; data: Record<string, unknown> & { email: string } }
  | { ok: false; field: string | undefined; error: string };

/** The part of an enrolled partner the runner looks at. */
export interface CreatedPartner {
  id?: string;
  createdAt?: string;
}

/** Everything a run needs; the I/O (requests, files) comes in as objects so tests can run it directly. */
export interface ImportRun {
  rows: AsyncIterable<InputRow>;
  source: "csv" | "jsonl";
  validate: (body: Record<string, unknown>) => Validation;
  create: (body: Record<string, unknown>, signal: AbortSignal) => Promise<CreatedPartner>;
  pacer: AdaptivePacer;
  stats: ImportStats;
  /** Requests in flight at most. */
  concurrency: number;
  /** Retries of a row after a 5xx, timeout or network error. */
  maxRetries: number;
  /** Retries of a row after 429s before it is given up for this run. */
  maxRateLimitRetries: number;
  dryRun: boolean;
  journal?: Journal;
  report?: FailureReport;
  /** Aborting stops reading new rows; requests in flight finish. */
  stop: AbortSignal;
  /** Aborting also abandons requests in flight (their rows stay "sent" in the journal). */
  abandon: AbortSignal;
  /** Backoff before retry `attempt` (1-based) of a failed request. */
  backoffMs?: (attempt: number) => number;
  now?: () => number;
}

/** How a run ended. */
export interface ImportResult {
  /** The error that stopped the whole run (401, journal write failure), if any. */
  fatal?: unknown;
}

// Partners created by this run, most recent last: a duplicate row right after the original must
// count as "already enrolled" even within the clock tolerance.
const RECENT_IDS_LIMIT = 10_000;

/** The SDK's own backoff: from 500 ms doubling to 8 s, with jitter. */
export function defaultBackoffMs(attempt: number): number {
  return backoffDelay(attempt);
}

/** The field a server 422 names, from Dub's `<code>: <path>: <message>` format. */
function fieldOf(error: unknown): string | undefined {
  if (!SDKError.isInstance(error) || error.statusCode !== 422) return undefined;
  const parts = error.message.split(": ");
  return parts.length >= 3 && parts[1] ? parts[1] : undefined;
}

function describe(error: unknown): string {
  if (SDKError.isInstance(error)) return `${error.statusCode} ${error.code}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}

/**
 * Whose fault a failed create is: the row's (invalid data, a tenantId owned by another partner, an unknown or
 * foreign groupId; recorded for good), the workspace's (token, role, plan, quota, program; stops the run), or
 * neither (left for the next run to send again).
 */
export function failureScope(error: unknown): "row" | "workspace" | "other" {
  if (
    InvalidRequestError.isInstance(error) ||
    UnprocessableEntity.isInstance(error) ||
    Conflict.isInstance(error)
  ) {
    return "row";
  }
  // Dub answers a row's unknown or foreign groupId with `Group "<id>" not found…` (404 or 403).
  if ((NotFound.isInstance(error) || Forbidden.isInstance(error)) && error.message.startsWith('Group "')) {
    return "row";
  }
  if (
    Unauthorized.isInstance(error) ||
    Forbidden.isInstance(error) ||
    NotFound.isInstance(error) ||
    InviteExpired.isInstance(error) ||
    BadRequest.isInstance(error)
  ) {
    return "workspace";
  }
  return "other";
}

/** Runs the import to the end of the input, or until stopped or a fatal error. */
export async function runImport(run: ImportRun): Promise<ImportResult> {
  const { stats, journal, report } = run;
  const now = run.now ?? Date.now;
  const backoffMs = run.backoffMs ?? defaultBackoffMs;
  const inFlight = new Set<Promise<void>>();
  const byEmail = new Map<string, Promise<void>>();
  const recentIds = new Map<string, true>();
  const result: ImportResult = {};
  const halt = new AbortController();
  const stopped = () => run.stop.aborted || halt.signal.aborted;

  const fail = (row: InputRow, error: string, field?: string, status?: number) => {
    stats.failed++;
    report?.add({
      line: row.line,
      ...(field === undefined ? {} : { field }),
      error,
      ...(status === undefined ? {} : { status }),
      input: row.input,
    });
  };

  const classify = (partner: CreatedPartner, firstSentAt: number): RowOutcome => {
    if (partner.id !== undefined) {
      if (recentIds.has(partner.id)) return "existing";
    }
    const outcome = enrollmentOutcome(partner.createdAt, firstSentAt);
    if (outcome === "created" && partner.id !== undefined) {
      recentIds.set(partner.id, true);
      if (recentIds.size > RECENT_IDS_LIMIT) recentIds.delete(recentIds.keys().next().value as string);
    }
    return outcome;
  };

  const send = async (row: InputRow, body: Record<string, unknown>, hash: string, sentBefore?: number) => {
    const firstSentAt = sentBefore || now();
    let sent = sentBefore !== undefined;
    let attempt = 0;
    let rateLimited = 0;
    for (;;) {
      await run.pacer.acquire(run.abandon);
      if (run.abandon.aborted) {
        if (sent) stats.unknown++;
        return;
      }
      if (!sent) {
        journal?.sent(row.line, hash, firstSentAt);
        sent = true;
      }
      let partner: CreatedPartner;
      try {
        partner = await run.create(body, run.abandon);
      } catch (error) {
        if (run.abandon.aborted || RequestAbortedError.isInstance(error)) {
          stats.unknown++;
          return;
        }
        if (RateLimitExceeded.isInstance(error)) {
          stats.rateLimited++;
          run.pacer.onRateLimited(error.retryAfterMs, error.rateLimit.limit);
          if (++rateLimited <= run.maxRateLimitRetries) {
            stats.retries++;
            continue;
          }
          await journal?.failed(row.line, hash, describe(error), true);
          fail(
            row,
            `still rate limited after ${run.maxRateLimitRetries} retries: ${describe(error)}`,
            undefined,
            429,
          );
          return;
        }
        // 429 was handled above, through the pacer.
        if (isRetryableError(error)) {
          if (++attempt <= run.maxRetries) {
            stats.retries++;
            await sleep(backoffMs(attempt), run.abandon);
            continue;
          }
          await journal?.failed(row.line, hash, describe(error), true);
          const status = SDKError.isInstance(error) ? error.statusCode : undefined;
          fail(row, `${describe(error)} (after ${run.maxRetries} retries)`, undefined, status);
          return;
        }
        const scope = failureScope(error);
        if (scope === "workspace") {
          // A rejected token, a plan or role that lacks access, a missing program: every row would fail the
          // same way. Stop, and leave the row unfinished so that a re-run after the fix sends it.
          result.fatal ??= error;
          halt.abort();
          stats.unknown++;
          return;
        }
        const status = SDKError.isInstance(error) ? error.statusCode : undefined;
        // Only a failure caused by the row itself is final; anything else is sent again by the next run.
        await journal?.failed(row.line, hash, describe(error), scope !== "row");
        fail(row, describe(error), fieldOf(error), status);
        return;
      }
      run.pacer.onSuccess();
      const outcome = classify(partner, firstSentAt);
      await journal?.done(row.line, hash, outcome, partner.id);
      if (outcome === "created") stats.created++;
      else stats.alreadyEnrolled++;
      return;
    }
  };

  const track = (email: string, task: () => Promise<void>) => {
    const key = email.toLowerCase();
    const before = byEmail.get(key);
    const promise = (before ? before.then(task) : task()).catch((error: unknown) => {
      result.fatal ??= error;
      halt.abort();
    });
    byEmail.set(key, promise);
    inFlight.add(promise);
    void promise.finally(() => {
      inFlight.delete(promise);
      if (byEmail.get(key) === promise) byEmail.delete(key);
    });
  };

  for await (const row of run.rows) {
    if (stopped()) break;
    stats.read++;
    if (row.error !== undefined || row.fields === undefined) {
      stats.invalid++;
      fail(row, row.error ?? "unreadable row");
      continue;
    }
    const mapped = rowToRequest(row.fields, run.source);
    if (!("body" in mapped)) {
      stats.invalid++;
      fail(row, `${mapped.field}: ${mapped.error}`, mapped.field);
      continue;
    }
    const checked = run.validate(mapped.body);
    if (!checked.ok) {
      stats.invalid++;
      fail(row, checked.error, checked.field);
      continue;
    }
    if (run.dryRun) continue;
    const hash = rowHash(row.input);
    const prior = journal?.resume.get(row.line, hash);
    if (prior?.state === "done") {
      stats.skipped++;
      continue;
    }
    if (prior?.state === "failed") {
      fail(row, `${prior.error} (failed in an earlier run)`);
      continue;
    }
    while (inFlight.size >= run.concurrency) await Promise.race(inFlight);
    if (stopped()) break;
    const sentBefore = prior?.state === "unknown" ? prior.sentAt : undefined;
    // The row as mapped, not the schema's output: the transport validates and transforms it once itself, and a
    // transform applied twice is not always the same (`ext_ext_9` would lose both prefixes).
    track(checked.data.email, () => send(row, mapped.body, hash, sentBefore));
  }
  await Promise.all(inFlight);
  return result;
}
