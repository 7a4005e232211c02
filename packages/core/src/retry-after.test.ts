import { describe, expect, it } from "vitest";
import { parseResetTime, parseRetryAfter } from "./retry-after.js";

const NOW = Date.UTC(2026, 10, 23, 20, 0, 15, 250);

describe("parseRetryAfter", () => {
  it("reads delta seconds", () => {
    expect(parseRetryAfter(new Headers({ "retry-after": "7" }), NOW)).toBe(7000);
    expect(parseRetryAfter(new Headers({ "retry-after": "0" }), NOW)).toBe(0);
    expect(parseRetryAfter(new Headers({ "retry-after": "1.5" }), NOW)).toBe(1500);
  });

  it("reads an HTTP-date", () => {
    const at = new Date(NOW + 10_750).toUTCString();
    expect(parseRetryAfter(new Headers({ "retry-after": at }), NOW)).toBe(10_000 - 250 + 1000);
  });

  it("reads Dub's Unix epoch milliseconds", () => {
    const endOfMinute = Date.UTC(2026, 10, 23, 20, 1, 0, 0);
    expect(parseRetryAfter(new Headers({ "retry-after": String(endOfMinute) }), NOW)).toBe(44_750);
  });

  it("falls back to X-RateLimit-Reset, in milliseconds or seconds since the epoch", () => {
    expect(parseRetryAfter(new Headers({ "x-ratelimit-reset": String(NOW + 3000) }), NOW)).toBe(3000);
    expect(
      parseRetryAfter(new Headers({ "x-ratelimit-reset": String(Math.floor(NOW / 1000) + 5) }), NOW),
    ).toBe(4750);
  });

  it("prefers Retry-After over X-RateLimit-Reset", () => {
    const headers = new Headers({ "retry-after": "2", "x-ratelimit-reset": String(NOW + 50_000) });
    expect(parseRetryAfter(headers, NOW)).toBe(2000);
  });

  it("never returns a negative wait for a time already past", () => {
    expect(parseRetryAfter(new Headers({ "retry-after": String(NOW - 5000) }), NOW)).toBe(0);
    expect(parseRetryAfter(new Headers({ "retry-after": new Date(NOW - 60_000).toUTCString() }), NOW)).toBe(
      0,
    );
  });

  it("returns undefined when there is nothing readable", () => {
    expect(parseRetryAfter(new Headers(), NOW)).toBeUndefined();
    expect(parseRetryAfter(new Headers({ "retry-after": "soon" }), NOW)).toBeUndefined();
    expect(parseRetryAfter(new Headers({ "retry-after": "" }), NOW)).toBeUndefined();
    expect(parseRetryAfter(new Headers({ "retry-after": "-3" }), NOW)).toBeUndefined();
  });
});

describe("parseResetTime", () => {
  it("returns an epoch millisecond for every form", () => {
    expect(parseResetTime("10", NOW)).toBe(NOW + 10_000);
    expect(parseResetTime(String(NOW), NOW)).toBe(NOW);
    expect(parseResetTime("1763928000", NOW)).toBe(1_763_928_000_000);
    expect(parseResetTime(null, NOW)).toBeUndefined();
  });
});
