import { describe, expect, it } from "vitest";
import { startEmulator } from "./emulator.js";
import { createPartner, dubError } from "./http-test-client.js";
import { SlidingWindowLimiter } from "./rate-limit.js";

describe("SlidingWindowLimiter", () => {
  it("allows `limit` requests per window and reports the end of the fixed window as reset", () => {
    let now = 60_000 * 100 + 1_000;
    const limiter = new SlidingWindowLimiter(60_000, () => now);
    const results = Array.from({ length: 4 }, () => limiter.check("k", 3));
    expect(results.map((r) => r.success)).toEqual([true, true, true, false]);
    expect(results.map((r) => r.remaining)).toEqual([2, 1, 0, 0]);
    expect(results[0]?.reset).toBe(60_000 * 101);
    now += 1;
    expect(limiter.check("other", 3).success).toBe(true);
  });

  it("weights the previous window by how much of it still overlaps", () => {
    let now = 0;
    const limiter = new SlidingWindowLimiter(1_000, () => now);
    for (let i = 0; i < 10; i++) limiter.check("k", 10);
    now = 1_500; // half of the previous window still counts: floor(10 * 0.5) = 5
    const allowed = Array.from({ length: 6 }, () => limiter.check("k", 10).success);
    expect(allowed).toEqual([true, true, true, true, true, false]);
    now = 2_999; // the previous window (1 000–2 000) held 5: floor(5 * 0.001) = 0
    expect(limiter.check("k", 10)).toMatchObject({ success: true, remaining: 9 });
    now = 4_000; // two windows later nothing counts
    expect(limiter.check("k", 10)).toMatchObject({ success: true, remaining: 9 });
  });
});

describe("rate limiting over HTTP", () => {
  it("answers 429 with Dub's body and epoch-millisecond Retry-After once the plan's limit is used", async () => {
    let now = Date.UTC(2026, 10, 23, 12, 0, 30);
    const emulator = await startEmulator({ seed: 8, clock: () => now, rateLimit: { limit: 2 } });
    try {
      const ok = await createPartner(emulator, { email: "a@example.com" });
      expect(ok.status).toBe(201);
      expect(ok.headers.get("x-ratelimit-limit")).toBeNull();
      const invalid = await createPartner(emulator, {});
      expect(invalid.status).toBe(422);
      const reset = String(Date.UTC(2026, 10, 23, 12, 1, 0));
      expect(
        Object.fromEntries(
          ["limit", "remaining", "reset"].map((h) => [h, invalid.headers.get(`x-ratelimit-${h}`)]),
        ),
      ).toEqual({ limit: "2", remaining: "0", reset });
      expect(invalid.headers.get("retry-after")).toBe(reset);
      const limited = await createPartner(emulator, { email: "b@example.com" });
      expect(limited.status).toBe(429);
      expect(limited.body).toEqual(dubError("rate_limit_exceeded", "Too many requests."));
      expect(limited.body.error.doc_url).toBe("https://dub.co/docs/api-reference/errors#rate-limit_exceeded");
      expect(limited.headers.get("retry-after")).toBe(reset);
      expect(limited.headers.get("x-ratelimit-remaining")).toBe("0");
      expect(emulator.stats().rateLimited).toBe(1);
      now += 120_000;
      expect((await createPartner(emulator, { email: "b@example.com" })).status).toBe(201);
    } finally {
      await emulator.stop();
    }
  });

  it("limits each key separately, by its workspace's plan (trial 120, advanced 3000)", async () => {
    const emulator = await startEmulator({
      seed: 9,
      workspaces: [
        { apiKeys: ["dub_trial000000000000000000"], trial: true },
        { apiKeys: ["dub_advanced00000000000000"], plan: "advanced" },
      ],
    });
    try {
      const trial = await createPartner(emulator, {}, "dub_trial000000000000000000");
      expect(trial.headers.get("x-ratelimit-limit")).toBe("120");
      const advanced = await createPartner(emulator, {}, "dub_advanced00000000000000");
      expect(advanced.headers.get("x-ratelimit-limit")).toBe("3000");
      expect(advanced.headers.get("x-ratelimit-remaining")).toBe("2999");
    } finally {
      await emulator.stop();
    }
  });

  it("uses a configurable window so tests run in milliseconds", async () => {
    let now = 10_000;
    const emulator = await startEmulator({
      seed: 10,
      clock: () => now,
      rateLimit: { limit: 1, windowMs: 100 },
    });
    try {
      expect((await createPartner(emulator, {})).headers.get("x-ratelimit-reset")).toBe("10100");
      expect((await createPartner(emulator, {})).status).toBe(429);
      now += 200;
      expect((await createPartner(emulator, {})).status).toBe(422);
    } finally {
      await emulator.stop();
    }
  });

  it("can be turned off", async () => {
    const emulator = await startEmulator({ seed: 11, rateLimit: false });
    try {
      const res = await createPartner(emulator, {});
      expect(res.status).toBe(422);
      expect(res.headers.get("x-ratelimit-limit")).toBeNull();
    } finally {
      await emulator.stop();
    }
  });
});
