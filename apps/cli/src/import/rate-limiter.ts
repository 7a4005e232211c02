// The import's pacing, plugged into the SDK's transport as its `Limiter` (the way Octokit plugs in a throttler):
// the transport keeps the one retry loop and asks `acquire` before every attempt; this hands out slots evenly at
// the plan's rate, learns the rate from Dub's `X-RateLimit-Limit` when none was given, and after a 429 holds every
// sender until the server's `Retry-After`, then resumes at the full rate: one 429 costs the wait the server asks
// for and nothing more (no halving, no slow climb back), and the end of a pause is not a burst.

import type { Limiter, LimiterFeedback } from "@dubkit/core";

/** Limiter settings; the clock, sleep and randomness are injectable for tests. */
export interface RateLimiterOptions {
  /** Requests per minute; `undefined` sends unpaced until Dub announces its limit. */
  ratePerMinute: number | undefined;
  /** Whether `ratePerMinute` was given by the user (then an announced limit does not replace it). */
  configured: boolean;
  /** Pause after a 429 that says nothing about when to retry; doubles per 429 in a row. Default 1000. */
  baseBackoffMs?: number;
  /** Longest pause. Default 65000 (a little over Dub's minute window). */
  maxPauseMs?: number;
  /** 429s in a row one row may meet before it is given up for this run. Default 20. */
  maxRateLimitRetries?: number;
  /** Told when the server's announced limit becomes the pace. */
  onLearn?: (ratePerMinute: number) => void;
  /**
   * Once aborted, a call waiting for a slot is refused with {@link NotSentError}: it is queued, not in flight, so
   * stopping need not wait for its turn (a retry refused so had its last attempt answered with a 429 or 5xx).
   */
  stop?: AbortSignal;
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal, stop?: AbortSignal) => Promise<void>;
  random?: () => number;
}

/** An attempt refused before it was sent, because the run is stopping. */
export class NotSentError extends Error {
  constructor() {
    super("not sent: the import is stopping");
    this.name = "NotSentError";
  }
}

/**
 * Dub's sliding window rounds the previous minute's weight down, so a pace of exactly the limit meets an occasional
 * 429 at the window's edge; 2% under it never does, and costs 2% of the throughput.
 */
export const PACE_OF_LIMIT = 0.98;

/** Waits `ms`; rejects when `signal` aborts; resolves early when `stop` aborts (the caller looks why). */
function abortableSleep(ms: number, signal?: AbortSignal, stop?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const finish = (settle: () => void) => () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", abort);
      stop?.removeEventListener("abort", wake);
      settle();
    };
    const abort = finish(() => reject(signal?.reason));
    const wake = finish(resolve);
    const timer = setTimeout(wake, ms);
    signal?.addEventListener("abort", abort, { once: true });
    stop?.addEventListener("abort", wake, { once: true });
  });
}

/** The import's limiter. */
export class RateLimiter implements Limiter {
  readonly maxRateLimitRetries: number;
  private rate: number;
  private readonly configured: boolean;
  private readonly baseBackoffMs: number;
  private readonly maxPauseMs: number;
  private readonly onLearn: ((ratePerMinute: number) => void) | undefined;
  private readonly now: () => number;
  private readonly sleep: (ms: number, signal?: AbortSignal, stop?: AbortSignal) => Promise<void>;
  private readonly stop: AbortSignal | undefined;
  private readonly random: () => number;
  private nextAt = 0;
  private pausedUntil = 0;
  private epoch = 0;
  private consecutive429 = 0;
  /** The limit per minute Dub announced, once it has. */
  announced: number | undefined;
  /** Slots handed out: every attempt, first ones and retries, passes through `acquire`. */
  attempts = 0;
  /** Responses that were 429. */
  rateLimited = 0;

  constructor(options: RateLimiterOptions) {
    this.rate = options.ratePerMinute ?? Number.POSITIVE_INFINITY;
    this.configured = options.configured;
    this.baseBackoffMs = options.baseBackoffMs ?? 1000;
    this.maxPauseMs = options.maxPauseMs ?? 65_000;
    this.maxRateLimitRetries = options.maxRateLimitRetries ?? 20;
    this.onLearn = options.onLearn;
    this.stop = options.stop;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? abortableSleep;
    this.random = options.random ?? Math.random;
  }

  /** The pace in requests per minute (`Infinity` when unpaced). */
  get ratePerMinute(): number {
    return this.rate;
  }

  /** When the current rate-limit pause ends (epoch ms), or 0 when none is running. */
  get pauseEndsAt(): number {
    return this.pausedUntil > this.now() ? this.pausedUntil : 0;
  }

  /** Waits for the next send slot; rejects when `signal` aborts, or with {@link NotSentError} when stopping. */
  async acquire(signal: AbortSignal | undefined): Promise<void> {
    for (;;) {
      if (signal?.aborted) throw signal.reason;
      if (this.stop?.aborted) throw new NotSentError();
      const epoch = this.epoch;
      let now = this.now();
      const at = Math.max(now, this.nextAt, this.pausedUntil);
      this.nextAt = at + this.interval();
      while (at > now) {
        await this.sleep(at - now, signal, this.stop);
        if (this.stop?.aborted) throw new NotSentError();
        now = this.now();
      }
      // A 429 arrived while waiting: the reserved slot may fall inside the pause, so take a new one.
      if (epoch === this.epoch) {
        this.attempts++;
        return;
      }
    }
  }

  /** Learns from every response: the announced limit, and a 429's wait. */
  observe(feedback: LimiterFeedback): void {
    // Dub sends its rate-limit headers on errors only; a success has nothing to teach.
    if (feedback.status < 300) {
      this.consecutive429 = 0;
      return;
    }
    this.learn(feedback.headers.get("x-ratelimit-limit"));
    if (feedback.status !== 429) {
      this.consecutive429 = 0;
      return;
    }
    this.rateLimited++;
    this.consecutive429++;
    const now = this.now();
    const wait =
      feedback.retryAfterMs ?? Math.min(this.maxPauseMs, this.baseBackoffMs * 2 ** (this.consecutive429 - 1));
    const until = now + Math.min(this.maxPauseMs, Math.max(0, wait));
    if (until > this.pausedUntil) {
      // Up to one interval of jitter, so several clients paused together do not resume together.
      this.pausedUntil = until + Math.floor(this.random() * Math.min(this.interval(), 1000));
      this.nextAt = this.pausedUntil;
      this.epoch++;
    }
  }

  private learn(header: string | null): void {
    if (header === null) return;
    const limit = Number(header);
    // Upstash answers Limit 0 when it fails open; that says nothing about the plan.
    if (!Number.isFinite(limit) || limit <= 0 || limit === this.announced) return;
    this.announced = limit;
    if (this.configured) return;
    this.rate = limit * PACE_OF_LIMIT;
    this.onLearn?.(limit);
  }

  private interval(): number {
    return Number.isFinite(this.rate) ? 60_000 / this.rate : 0;
  }
}
