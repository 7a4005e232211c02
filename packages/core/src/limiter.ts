// A pacing hook for bulk work, in the spirit of Octokit's throttling plugin: the transport keeps its one
// retry loop, and a limiter decides when each attempt may go and learns from every response.

import type { HeadersLike } from "./headers-like.js";

/** What a {@link Limiter} learns from each response. */
export interface LimiterFeedback {
  /** The response's HTTP status. */
  status: number;
  /** The response headers (`X-RateLimit-*` on Dub's errors). */
  headers: HeadersLike;
  /** For a 429: how long the server asks to wait, in milliseconds, when it said. */
  retryAfterMs?: number | undefined;
}

/**
 * Paces the attempts of every call made through a client (`ClientOptions.limiter`), e.g. to a plan's
 * rate limit. The transport awaits `acquire` before each attempt, including retries, and reports each
 * response to `observe`. When a limiter is set, a 429 is retried without the transport's own wait: the
 * limiter, told of the 429, holds `acquire` until the server's reset instead, so one wait serves every call
 * in flight. Such retries do not count against `maxRetries`, up to `maxRateLimitRetries`.
 */
export interface Limiter {
  /** Resolves when the next attempt may be sent; rejects (e.g. when `signal` aborts) to cancel it. */
  acquire(signal: AbortSignal | undefined): Promise<void> | void;
  /** Receives the status and headers of every response, 2xx included. */
  observe?(feedback: LimiterFeedback): void;
  /** How many 429s in a row one call may meet before it fails with `RateLimitExceeded`. Default 20. */
  readonly maxRateLimitRetries?: number | undefined;
}
