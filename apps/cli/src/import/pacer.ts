// Paces requests to a rate limit and adapts to the server: a 429 halves the rate and pauses every
// sender until the server's `Retry-After`, then sending resumes one request per interval (with a
// little jitter) and the rate climbs back additively. Slots are handed out one interval apart, so
// neither a start nor the end of a pause sends a burst.

import { backoffDelay } from "./backoff.js";
import { sleep } from "./sleep.js";

/** Pacer settings; the clock, sleep and randomness are injectable for tests. */
export interface PacerOptions {
  /** Target requests per minute; `undefined` sends unpaced until the server first answers 429. */
  ratePerMinute: number | undefined;
  /** Lowest rate a run of 429s can push the pacer down to. Default 6/min. */
  minRatePerMinute?: number;
  /** Pause after a 429 that says nothing about when to retry; doubles per consecutive 429. Default 1000. */
  baseBackoffMs?: number;
  /** Longest pause. Default 120000. */
  maxPauseMs?: number;
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
}

// When a 429 carries no limit header and none was configured, assume Dub's Pro plan limit.
const FALLBACK_RATE_PER_MINUTE = 600;

/** Hands out send slots at an adaptive rate. */
export class AdaptivePacer {
  private target: number;
  private rate: number;
  private readonly minRate: number;
  private readonly baseBackoffMs: number;
  private readonly maxPauseMs: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private readonly random: () => number;
  private nextAt = 0;
  private pausedUntil = 0;
  private epoch = 0;
  private consecutive429 = 0;
  private decreaseGuardUntil = 0;

  constructor(options: PacerOptions) {
    this.target = options.ratePerMinute ?? Number.POSITIVE_INFINITY;
    this.rate = this.target;
    this.minRate = options.minRatePerMinute ?? 6;
    this.baseBackoffMs = options.baseBackoffMs ?? 1000;
    this.maxPauseMs = options.maxPauseMs ?? 120_000;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? sleep;
    this.random = options.random ?? Math.random;
  }

  /** The current rate in requests per minute (`Infinity` when unpaced). */
  get ratePerMinute(): number {
    return this.rate;
  }

  /** When the current pause ends (epoch ms), or 0 when there has been none. */
  get pauseEndsAt(): number {
    return this.pausedUntil;
  }

  /** Waits for the next send slot. Resolves early, without a slot, if `signal` aborts: check it. */
  async acquire(signal?: AbortSignal): Promise<void> {
    for (;;) {
      if (signal?.aborted) return;
      const epoch = this.epoch;
      const now = this.now();
      const at = Math.max(now, this.nextAt, this.pausedUntil);
      this.nextAt = at + this.interval();
      if (at > now) await this.sleep(at - now, signal);
      // A 429 arrived while waiting: the reserved slot may fall inside the pause, so take a new one.
      if (epoch === this.epoch) return;
    }
  }

  /** Reports a successful request: the rate climbs back towards the target. */
  onSuccess(): void {
    this.consecutive429 = 0;
    if (this.rate < this.target) this.rate = Math.min(this.target, this.rate + this.target / 50);
  }

  /**
   * Reports a 429. `retryAfterMs` is the server's wait (Dub's `Retry-After`); `limitPerMinute` is its
   * `X-RateLimit-Limit`, which becomes the target when the pacer was unpaced. A configured rate is kept
   * as the target: the user knows their plan better than one response does.
   */
  onRateLimited(retryAfterMs: number | undefined, limitPerMinute?: number): void {
    const now = this.now();
    this.consecutive429++;
    if (!Number.isFinite(this.target)) {
      // Unpaced so far: pace at the limit the server announces (Dub's window is one minute).
      this.target =
        limitPerMinute !== undefined && limitPerMinute > 0 ? limitPerMinute : FALLBACK_RATE_PER_MINUTE;
      this.rate = this.target;
    }
    // Requests in flight together all come back 429 together; that is one signal, not several.
    if (now >= this.decreaseGuardUntil) this.rate = Math.max(this.minRate, this.rate / 2);
    const wait =
      retryAfterMs ?? backoffDelay(this.consecutive429, this.baseBackoffMs, this.maxPauseMs, this.random);
    const until = now + Math.min(this.maxPauseMs, Math.max(0, wait));
    if (until > this.pausedUntil) {
      // Jitter the resume by up to one interval, so many clients paused together do not resume together.
      this.pausedUntil = until + Math.floor(this.random() * this.interval());
      this.nextAt = this.pausedUntil;
    }
    this.decreaseGuardUntil = this.pausedUntil + this.interval();
    this.epoch++;
  }

  private interval(): number {
    return Number.isFinite(this.rate) ? 60_000 / this.rate : 0;
  }
}
