import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AdaptivePacer } from "./pacer.js";

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 });
});
afterEach(() => {
  vi.useRealTimers();
});

/** Starts `count` senders that each take one slot and record when they got it. */
function race(pacer: AdaptivePacer, count: number): number[] {
  const times: number[] = [];
  for (let i = 0; i < count; i++) void pacer.acquire().then(() => times.push(Date.now()));
  return times;
}

describe("AdaptivePacer", () => {
  it("spaces slots one interval apart, with no burst at the start", async () => {
    const pacer = new AdaptivePacer({ ratePerMinute: 600, random: () => 0 });
    const times = race(pacer, 5);
    await vi.advanceTimersByTimeAsync(1000);
    expect(times.map((t) => t - 1_000_000)).toEqual([0, 100, 200, 300, 400]);
  });

  it("pauses every sender until Retry-After, halves the rate, then resumes one interval apart", async () => {
    const pacer = new AdaptivePacer({ ratePerMinute: 600, random: () => 0 });
    pacer.onRateLimited(5000);
    expect(pacer.ratePerMinute).toBe(300);
    const times = race(pacer, 3);
    await vi.advanceTimersByTimeAsync(4999);
    expect(times).toEqual([]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(times.map((t) => t - 1_000_000)).toEqual([5000, 5200, 5400]);
  });

  it("moves senders already waiting for a slot behind a pause that starts while they wait", async () => {
    const pacer = new AdaptivePacer({ ratePerMinute: 60, random: () => 0 });
    const times = race(pacer, 3);
    await vi.advanceTimersByTimeAsync(0);
    expect(times).toEqual([1_000_000]);
    pacer.onRateLimited(10_000);
    await vi.advanceTimersByTimeAsync(9_999);
    expect(times).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(2_001);
    expect(times.map((t) => t - 1_000_000)).toEqual([0, 10_000, 12_000]);
  });

  it("counts 429s that arrive together as one decrease", () => {
    const pacer = new AdaptivePacer({ ratePerMinute: 600, random: () => 0 });
    pacer.onRateLimited(1000);
    pacer.onRateLimited(1000);
    pacer.onRateLimited(1000);
    expect(pacer.ratePerMinute).toBe(300);
  });

  it("climbs back to the target additively after successes", () => {
    const pacer = new AdaptivePacer({ ratePerMinute: 500, random: () => 0 });
    pacer.onRateLimited(0);
    expect(pacer.ratePerMinute).toBe(250);
    for (let i = 0; i < 10; i++) pacer.onSuccess();
    expect(pacer.ratePerMinute).toBe(350);
    for (let i = 0; i < 100; i++) pacer.onSuccess();
    expect(pacer.ratePerMinute).toBe(500);
  });

  it("jitters the end of a pause by up to one interval", () => {
    const pacer = new AdaptivePacer({ ratePerMinute: 600, random: () => 0.5 });
    pacer.onRateLimited(1000);
    // Half of the new interval (60000 / 300 = 200 ms) after the server's time.
    expect(pacer.pauseEndsAt - 1_000_000).toBe(1100);
  });

  it("backs off exponentially on 429s without Retry-After", () => {
    const pacer = new AdaptivePacer({ ratePerMinute: 600, random: () => 1, baseBackoffMs: 100 });
    pacer.onRateLimited(undefined);
    const first = pacer.pauseEndsAt - 1_000_000;
    vi.advanceTimersByTime(first);
    pacer.onRateLimited(undefined);
    expect(pacer.pauseEndsAt - Date.now()).toBeGreaterThan(first);
  });

  it("runs unpaced until a 429, then adopts the server's announced limit", async () => {
    const pacer = new AdaptivePacer({ ratePerMinute: undefined, random: () => 0 });
    const times = race(pacer, 3);
    await vi.advanceTimersByTimeAsync(0);
    expect(times).toEqual([1_000_000, 1_000_000, 1_000_000]);
    pacer.onRateLimited(0, 120);
    expect(pacer.ratePerMinute).toBe(60);
  });

  it("returns early without a slot when aborted", async () => {
    const pacer = new AdaptivePacer({ ratePerMinute: 60, random: () => 0 });
    pacer.onRateLimited(60_000);
    const controller = new AbortController();
    let returned = false;
    void pacer.acquire(controller.signal).then(() => {
      returned = true;
    });
    await vi.advanceTimersByTimeAsync(10);
    expect(returned).toBe(false);
    controller.abort();
    await vi.advanceTimersByTimeAsync(0);
    expect(returned).toBe(true);
  });
});
