import { describe, expect, it } from "vitest";
import { computeBackoffDelay, DEFAULT_BACKOFF, resolveRetryConfig } from "./retry.js";

describe("resolveRetryConfig", () => {
  it("defaults to 2 retries, 500 ms doubling to 8 s, connection errors retried, no deadline", () => {
    expect(resolveRetryConfig()).toEqual({
      enabled: true,
      maxRetries: 2,
      backoff: {
        initialInterval: 500,
        maxInterval: 8000,
        exponent: 2,
        maxElapsedTime: Number.POSITIVE_INFINITY,
      },
      retryConnectionErrors: true,
    });
  });

  it("disables retries for { strategy: 'none' }", () => {
    expect(resolveRetryConfig({ strategy: "none" }).enabled).toBe(false);
    expect(resolveRetryConfig(undefined, { strategy: "none" }).enabled).toBe(false);
  });

  it("lets the call's settings win over the client's, field by field", () => {
    const resolved = resolveRetryConfig(
      { strategy: "backoff", backoff: { initialInterval: 10 } },
      {
        strategy: "backoff",
        backoff: { initialInterval: 99, maxElapsedTime: 5000 },
        retryConnectionErrors: false,
      },
    );
    expect(resolved.backoff).toEqual({ ...DEFAULT_BACKOFF, initialInterval: 10, maxElapsedTime: 5000 });
    expect(resolved.retryConnectionErrors).toBe(false);
  });

  it("re-enables retries per call over a client's 'none'", () => {
    const resolved = resolveRetryConfig({ strategy: "backoff", maxRetries: 5 }, { strategy: "none" });
    expect(resolved.enabled).toBe(true);
    expect(resolved.maxRetries).toBe(5);
  });

  it("accepts the official SDK's full backoff shape", () => {
    const seed = { initialInterval: 500, maxInterval: 60_000, exponent: 1.5, maxElapsedTime: 3_600_000 };
    expect(
      resolveRetryConfig({ strategy: "backoff", backoff: seed, retryConnectionErrors: true }).backoff,
    ).toEqual(seed);
  });
});

describe("computeBackoffDelay", () => {
  it("doubles from 500 ms and caps at 8 s, before jitter", () => {
    const top = () => 0.999_999_9;
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => computeBackoffDelay(n, DEFAULT_BACKOFF, top))).toEqual([
      500, 1000, 2000, 4000, 8000, 8000, 8000,
    ]);
  });

  it("jitters down to 80% of the step", () => {
    expect(computeBackoffDelay(1, DEFAULT_BACKOFF, () => 0)).toBe(400);
    expect(computeBackoffDelay(5, DEFAULT_BACKOFF, () => 0)).toBe(6400);
    expect(computeBackoffDelay(2, DEFAULT_BACKOFF, () => 0.5)).toBe(900);
  });

  it("uses the given exponent", () => {
    const backoff = { initialInterval: 100, maxInterval: 10_000, exponent: 3 };
    expect(computeBackoffDelay(3, backoff, () => 0.999_999_9)).toBe(900);
  });
});
