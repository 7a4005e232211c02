import { describe, expect, it } from "vitest";
import { NotSentError, RateLimiter } from "./rate-limiter.js";

/** A limiter on a fake clock: sleeping advances the clock, so every slot's time is exact. */
function fakeClock(options: Partial<ConstructorParameters<typeof RateLimiter>[0]> = {}) {
  let now = 1_000_000;
  const learnt: number[] = [];
  const limiter = new RateLimiter({
    ratePerMinute: 600,
    configured: true,
    now: () => now,
    sleep: async (ms) => {
      now += ms;
    },
    random: () => 0,
    onLearn: (limit) => learnt.push(limit),
    ...options,
  });
  const slots = async (count: number) => {
    const times: number[] = [];
    for (let i = 0; i < count; i++) {
      await limiter.acquire(undefined);
      times.push(now);
    }
    return times;
  };
  return { limiter, slots, learnt, at: () => now };
}

const headers = (limit?: number) =>
  new Headers(limit === undefined ? {} : { "x-ratelimit-limit": String(limit) });

describe("RateLimiter", () => {
  it("hands out slots evenly at the rate, the first one at once", async () => {
    const { slots } = fakeClock();
    const times = await slots(4);
    expect(times.map((t) => t - times[0]!)).toEqual([0, 100, 200, 300]);
  });

  it("after a 429 waits exactly the server's Retry-After, then goes on at the full rate", async () => {
    const { limiter, slots, at } = fakeClock();
    await slots(3);
    const start = at();
    limiter.observe({ status: 429, headers: headers(600), retryAfterMs: 5000 });
    const times = await slots(11);
    expect(times[0]).toBe(start + 5000);
    // Ten intervals right after the pause: 100 ms each, the full 600/min.
    expect((times[10]! - times[0]!) / 10).toBe(100);
    expect(limiter.ratePerMinute).toBe(600);
    expect(limiter.rateLimited).toBe(1);
  });

  it("makes concurrent senders that reserved slots before the 429 wait for the pause too", async () => {
    const { limiter, at } = fakeClock({ ratePerMinute: undefined, configured: false });
    const start = at();
    // A sender waiting inside acquire when the 429 arrives takes a new slot after the pause.
    const waiting = limiter.acquire(undefined);
    limiter.observe({ status: 429, headers: headers(), retryAfterMs: 2000 });
    await waiting;
    await limiter.acquire(undefined);
    expect(at()).toBeGreaterThanOrEqual(start + 2000);
  });

  it("learns the pace from Dub's X-RateLimit-Limit when none was given", async () => {
    const { limiter, slots, learnt } = fakeClock({ ratePerMinute: undefined, configured: false });
    expect(limiter.ratePerMinute).toBe(Number.POSITIVE_INFINITY);
    const burst = await slots(3);
    expect(burst[2]).toBe(burst[0]);
    limiter.observe({ status: 422, headers: headers(1200), retryAfterMs: undefined });
    expect(learnt).toEqual([1200]);
    expect(limiter.ratePerMinute).toBe(1200 * 0.98);
    const paced = await slots(2);
    expect(paced[1]! - paced[0]!).toBeCloseTo(60_000 / (1200 * 0.98), 6);
  });

  it("keeps a configured rate, and ignores Upstash's fail-open Limit 0", () => {
    const { limiter, learnt } = fakeClock();
    limiter.observe({ status: 429, headers: headers(3000), retryAfterMs: 1 });
    limiter.observe({ status: 201, headers: headers(0) });
    expect(limiter.ratePerMinute).toBe(600);
    expect(learnt).toEqual([]);
    expect(limiter.announced).toBe(3000);
  });

  it("backs off on 429s that say nothing, doubling per 429 in a row", async () => {
    const { limiter, at } = fakeClock({ ratePerMinute: undefined, configured: false });
    const start = at();
    limiter.observe({ status: 429, headers: headers() });
    await limiter.acquire(undefined);
    expect(at() - start).toBe(1000);
    limiter.observe({ status: 429, headers: headers() });
    await limiter.acquire(undefined);
    expect(at() - start).toBe(3000);
  });

  it("rejects a wait when its signal aborts", async () => {
    const limiter = new RateLimiter({ ratePerMinute: 1, configured: true });
    await limiter.acquire(undefined);
    const controller = new AbortController();
    const waiting = limiter.acquire(controller.signal);
    controller.abort(new Error("stop"));
    await expect(waiting).rejects.toThrow("stop");
  });

  it("on stop, refuses the calls waiting for a slot, and counts the slots it handed out", async () => {
    const stop = new AbortController();
    const limiter = new RateLimiter({ ratePerMinute: 60, configured: true, stop: stop.signal });
    await limiter.acquire(undefined);
    const queued = limiter.acquire(undefined);
    stop.abort();
    await expect(queued).rejects.toBeInstanceOf(NotSentError);
    await expect(limiter.acquire(undefined)).rejects.toBeInstanceOf(NotSentError);
    expect(limiter.attempts).toBe(1);
  });
});
