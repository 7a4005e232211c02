// Upstash's slidingWindow, as Dub uses it per API key: the previous fixed window counts in proportion to how
// much of it still overlaps the sliding window. `reset` is the end of the current fixed window, in epoch ms.

/** The outcome of one rate-limit check. */
export interface RateLimitResult {
  success: boolean;
  limit: number;
  remaining: number;
  /** End of the current fixed window, Unix epoch milliseconds. */
  reset: number;
}

interface WindowCounts {
  window: number;
  current: number;
  previous: number;
}

/** One sliding-window limiter shared by every key; counters live in memory only. */
export class SlidingWindowLimiter {
  readonly #counts = new Map<string, WindowCounts>();

  constructor(
    private readonly windowMs: number,
    private readonly now: () => number,
  ) {}

  /** Counts one request for `id` unless it is over `limit`. */
  check(id: string, limit: number): RateLimitResult {
    const now = this.now();
    const window = Math.floor(now / this.windowMs);
    const reset = (window + 1) * this.windowMs;
    let counts = this.#counts.get(id);
    if (!counts) {
      counts = { window, current: 0, previous: 0 };
      this.#counts.set(id, counts);
    } else if (counts.window !== window) {
      counts.previous = counts.window === window - 1 ? counts.current : 0;
      counts.current = 0;
      counts.window = window;
    }
    const weightedPrevious = Math.floor(counts.previous * (1 - (now % this.windowMs) / this.windowMs));
    if (weightedPrevious + counts.current >= limit) {
      return { success: false, limit, remaining: 0, reset };
    }
    const remaining = Math.max(0, limit - (counts.current + 1 + weightedPrevious));
    counts.current += 1;
    return { success: true, limit, remaining, reset };
  }
}

/** Dub's rate-limit headers; `Retry-After` carries the same epoch-ms value as the reset (a Dub quirk). */
export function rateLimitHeaders(result: RateLimitResult): Record<string, string> {
  return {
    "X-RateLimit-Limit": String(result.limit),
    "X-RateLimit-Remaining": String(result.remaining),
    "X-RateLimit-Reset": String(result.reset),
    "Retry-After": String(result.reset),
  };
}
