// Retry policy: which failures are retried, how long to wait, and how per-call settings combine
// with the client's. Pure functions, reused by the CLI's import pacer.

import {
  type BackoffStrategy,
  ConnectionError,
  RequestTimeoutError,
  type RetryConfig,
  SDKError,
} from "@dubkit/core";

/** Statuses worth another attempt: the server was busy, overloaded or briefly broken. 409 is a real conflict. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504]);

/**
 * Whether the retry policy retries this failure: a connection error, an attempt timeout, or a response with a
 * retryable status. (The transport skips connection errors when `retryConnectionErrors` is off.)
 */
export function isRetryableError(error: unknown): boolean {
  if (ConnectionError.isInstance(error) || RequestTimeoutError.isInstance(error)) return true;
  return SDKError.isInstance(error) && RETRYABLE_STATUSES.has(error.statusCode);
}

/**
 * Statuses whose `Retry-After`/`X-RateLimit-Reset` is obeyed. Dub attaches both headers, set to
 * the end of the current rate-limit minute, to every error after its rate-limit step (a 500
 * included), so on other statuses they say nothing about when to retry and backoff applies.
 */
export const RETRY_AFTER_STATUSES: ReadonlySet<number> = new Set([429, 503]);

/** The longest the transport waits for one `Retry-After`; a longer one is waited for this long. */
export const MAX_RETRY_AFTER_MS = 60_000;

/** Default backoff: 500 ms doubling to at most 8 s, no overall deadline. */
export const DEFAULT_BACKOFF: Readonly<BackoffStrategy> = Object.freeze({
  initialInterval: 500,
  maxInterval: 8000,
  exponent: 2,
  maxElapsedTime: Number.POSITIVE_INFINITY,
});

/** Default number of retries after the first attempt. */
export const DEFAULT_MAX_RETRIES = 2;

/** A {@link RetryConfig} with every default filled in. */
export interface ResolvedRetryConfig {
  /** False for `{ strategy: "none" }`. */
  enabled: boolean;
  /** Most retries after the first attempt (0 when disabled). */
  maxRetries: number;
  /** Backoff parameters. */
  backoff: BackoffStrategy;
  /** Whether connection errors and attempt timeouts are retried. */
  retryConnectionErrors: boolean;
}

/**
 * Combines retry settings, most specific first: the call's, then the client's, then the defaults.
 * A `"none"` at the most specific level that sets one disables retries; `backoff` fields merge
 * field by field across levels.
 */
export function resolveRetryConfig(...configs: (RetryConfig | undefined)[]): ResolvedRetryConfig {
  const present = configs.filter((config): config is RetryConfig => config !== undefined);
  if (present[0]?.strategy === "none") {
    return { enabled: false, maxRetries: 0, backoff: { ...DEFAULT_BACKOFF }, retryConnectionErrors: false };
  }
  const backoffs = present.filter((config) => config.strategy === "backoff");
  const backoff: BackoffStrategy = { ...DEFAULT_BACKOFF };
  let maxRetries = DEFAULT_MAX_RETRIES;
  let retryConnectionErrors = true;
  for (const config of backoffs.reverse()) {
    for (const [key, value] of Object.entries(config.backoff ?? {})) {
      if (value !== undefined) backoff[key as keyof BackoffStrategy] = value;
    }
    if (config.maxRetries !== undefined) maxRetries = config.maxRetries;
    if (config.retryConnectionErrors !== undefined) retryConnectionErrors = config.retryConnectionErrors;
  }
  return { enabled: true, maxRetries, backoff, retryConnectionErrors };
}

/**
 * The wait before retry number `retry` (1 for the first retry): `initialInterval * exponent^(retry-1)`,
 * capped at `maxInterval`, then jittered to between 80% and 100% of that, so clients that failed
 * together do not retry together. `random` returns a number in [0, 1).
 */
export function computeBackoffDelay(
  retry: number,
  backoff: Pick<BackoffStrategy, "initialInterval" | "maxInterval" | "exponent">,
  random: () => number = Math.random,
): number {
  const base = Math.min(backoff.maxInterval, backoff.initialInterval * backoff.exponent ** (retry - 1));
  return Math.round(base * (0.8 + 0.2 * random()));
}

/**
 * System error codes of a connection that never carried the request: nothing can have been applied.
 * Everything else (a reset, a socket closed mid-response, a timeout, a fetch `TypeError` that says nothing) may
 * have reached the server.
 */
export const NOT_SENT_CODES: ReadonlySet<string> = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
  "ERR_TLS_CERT_ALTNAME_INVALID",
  "CERT_HAS_EXPIRED",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
]);

/**
 * Whether the server may have applied the request that failed with `error`: a connection that broke after
 * sending, a timeout, or a 5XX (the server may have failed after the change). 4XX answers, 429 and 408 included,
 * mean nothing was applied.
 */
export function mayHaveBeenApplied(error: unknown): boolean {
  if (ConnectionError.isInstance(error)) return error.code === undefined || !NOT_SENT_CODES.has(error.code);
  if (RequestTimeoutError.isInstance(error)) return true;
  return SDKError.isInstance(error) && error.statusCode >= 500;
}
