import { describe, expect, it } from "vitest";
import { startEmulator } from "./emulator.js";
import { FaultPlan, parseFaults } from "./faults.js";
import { call, createPartner } from "./http-test-client.js";

describe("parseFaults", () => {
  it("reads scripted and probabilistic rules", () => {
    expect(parseFaults("503@3,7;reset-after@5;p=0.05:500,502;delay=2000@9;slow=50@10")).toEqual({
      script: {
        3: { kind: "503" },
        7: { kind: "503" },
        5: { kind: "reset-after" },
        9: { kind: "delay", ms: 2000 },
        10: { kind: "slow", ms: 50 },
      },
      probability: 0.05,
      randomFaults: [{ kind: "500" }, { kind: "502" }],
    });
    expect(parseFaults("reset@1")).toEqual({ script: { 1: { kind: "reset-before" } } });
  });

  it.each([
    ["teapot@1", /Unknown fault "teapot"/],
    ["500@0", /start at 1/],
    ["500@1;502@1", /Request 1 has two faults/],
    ["p=1.5:500", /between 0 and 1/],
    ["500=3@1", /only slow=<ms> and delay=<ms>/],
    ["500 at 3", /expected <fault>@<n>/],
  ])("rejects %j with a message naming the problem", (spec, message) => {
    expect(() => parseFaults(spec)).toThrow(message);
  });

  it("draws the same faults for the same seed", () => {
    const draws = (seed: number) => {
      const plan = new FaultPlan("p=0.3:500,502,503", seed);
      return Array.from({ length: 50 }, (_, i) => plan.draw(i + 1)?.kind ?? "-").join(",");
    };
    expect(draws(42)).toBe(draws(42));
    expect(draws(42)).not.toBe(draws(43));
    expect(draws(42)).toMatch(/50/);
  });
});

describe("faults over HTTP", () => {
  it("answers scripted 5xx on the given request numbers without applying the create", async () => {
    const emulator = await startEmulator({ seed: 12, faults: "500@1;502@2;503@3;html@4" });
    try {
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push(await createPartner(emulator, { email: "a@example.com" }));
      expect(statuses.map((res) => res.status)).toEqual([500, 502, 503, 502, 201]);
      expect(statuses[0]?.body).toEqual({
        error: {
          code: "internal_server_error",
          message: "An internal server error occurred. Please contact our support if the problem persists.",
          doc_url: "https://dub.co/docs/api-reference/errors#internal-server-error",
        },
      });
      expect(statuses[1]?.headers.get("content-type")).toMatch(/^text\/plain/);
      expect(statuses[3]?.headers.get("content-type")).toMatch(/^text\/html/);
      expect(statuses[3]?.text).toMatch(/<h1>502 Bad Gateway<\/h1>/);
      expect(emulator.stats().creates).toBe(1);
      expect(emulator.stats().faults).toMatchObject({ "500": 1, "502": 1, "503": 1, html: 1 });
    } finally {
      await emulator.stop();
    }
  });

  it("resets the connection before handling without applying anything", async () => {
    const emulator = await startEmulator({ seed: 13, faults: "reset-before@1" });
    try {
      await expect(createPartner(emulator, { email: "a@example.com" })).rejects.toThrow();
      expect(emulator.partners()).toEqual([]);
      expect(emulator.stats().appliedThenReset).toBe(0);
    } finally {
      await emulator.stop();
    }
  });

  it("applies the create, then resets, and records it; the retry returns the same partner", async () => {
    const emulator = await startEmulator({ seed: 14, faults: "reset-after@1" });
    try {
      await expect(createPartner(emulator, { email: "a@example.com" })).rejects.toThrow();
      expect(emulator.stats().appliedThenReset).toBe(1);
      const [partner] = emulator.partners();
      const retry = await createPartner(emulator, { email: "a@example.com" });
      expect(retry.status).toBe(201);
      expect(retry.body.id).toBe(partner?.id);
      expect(emulator.partners()).toHaveLength(1);
    } finally {
      await emulator.stop();
    }
  });

  it("sends a slow body whole, and a truncated one that the client cannot read", async () => {
    const emulator = await startEmulator({ seed: 15, faults: "slow=40@1;truncate@2" });
    try {
      const slow = await createPartner(emulator, { email: "a@example.com" });
      expect(slow.status).toBe(201);
      expect(slow.body.email).toBe("a@example.com");
      await expect(createPartner(emulator, { email: "b@example.com" })).rejects.toThrow();
      expect(emulator.partners()).toHaveLength(2);
    } finally {
      await emulator.stop();
    }
  });

  it("answers 30 requests delayed at once with no warning from the process", async () => {
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => void warnings.push(warning);
    process.on("warning", onWarning);
    const emulator = await startEmulator({ seed: 13, latencyMs: 50, faults: "delay=100@1" });
    try {
      const answers = await Promise.all(
        Array.from({ length: 30 }, (_, i) => createPartner(emulator, { email: `d${i}@example.com` })),
      );
      expect(answers.map((res) => res.status)).toEqual(Array(30).fill(201));
      // A warning is emitted on the next tick.
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.map((warning) => warning.name)).toEqual([]);
    } finally {
      process.off("warning", onWarning);
      await emulator.stop();
    }
  });

  it("does not count CORS preflights as requests", async () => {
    const emulator = await startEmulator({ seed: 16, faults: "503@1" });
    try {
      const preflight = await fetch(`${emulator.url}/partners`, {
        method: "OPTIONS",
        headers: { Origin: "https://app.test", "Access-Control-Request-Method": "POST" },
      });
      expect(preflight.status).toBe(204);
      expect((await call(emulator, "GET", "/partners")).status).toBe(503);
    } finally {
      await emulator.stop();
    }
  });
});
