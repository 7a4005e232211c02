// A load run at twice a plan's limit (the business plan's 1,200 requests per minute, the least a partner program
// has). With the emulator's clock held inside one window, 2× the limit of concurrent creates: exactly the limit is
// served and the rest refused with 429, window after window. On the real clock, SDK clients at 2× the limit with
// retries on: every call ends in a value or RateLimitExceeded, and no window serves more than the limit. The CLI's
// import, paced at 2× the limit, still finishes with every row enrolled once.
import { join } from "node:path";
import { type Emulator, startEmulator } from "@dubkit/emulator";
import { Dub, RateLimitExceeded } from "@dubkit/partners";
import { afterAll, describe, expect, it } from "vitest";
import { isolatedEnv, runDubkit } from "./support/dubkit-cli.js";
import { duplicates, enrolledEmails } from "./support/enrolled-emails.js";
import { writeImportCsv } from "./support/import-file.js";
import { markdownTable, reportBlock, reproduce } from "./support/reliability-report.js";

const BUSINESS_PER_MINUTE = 1200;
const lines: string[] = [];
let emulator: Emulator | undefined;
afterAll(() => emulator?.stop());

/** Runs `tasks` at most `limit` at a time. */
async function pooled(tasks: (() => Promise<void>)[], limit: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) await tasks[next++]!();
  };
  await Promise.all(Array.from({ length: limit }, worker));
}

describe("load run", () => {
  it("load run: 2× the business plan's limit inside one window, window after window", async () => {
    const minute = 60_000;
    let now = Date.UTC(2026, 10, 30, 12, 0, 30);
    emulator = await startEmulator({ seed: 5, plan: "business", clock: () => now });
    await using dub = new Dub({
      token: emulator.apiKey,
      serverURL: emulator.url,
      retries: { strategy: "none" },
    });
    const rows: (string | number)[][] = [];
    for (let window = 1; window <= 2; window++) {
      let served = 0;
      let refused = 0;
      const tasks = Array.from({ length: 2 * BUSINESS_PER_MINUTE }, (_, i) => async () => {
        try {
          await dub.partners.create({ email: `load-w${window}-${i}@example.com` });
          served++;
        } catch (error) {
          expect(RateLimitExceeded.isInstance(error), String(error)).toBe(true);
          expect((error as RateLimitExceeded).rateLimit.limit).toBe(BUSINESS_PER_MINUTE);
          refused++;
        }
      });
      await pooled(tasks, 32);
      expect(served).toBe(BUSINESS_PER_MINUTE);
      expect(refused).toBe(BUSINESS_PER_MINUTE);
      rows.push([window, 2 * BUSINESS_PER_MINUTE, served, refused]);
      // Two windows on, so the sliding window's previous one is empty again.
      now += 2 * minute;
    }
    expect(emulator.enrollments().length).toBe(2 * BUSINESS_PER_MINUTE);
    expect(duplicates(enrolledEmails(emulator))).toEqual([]);
    await emulator.stop();
    lines.push(
      `The emulator's clock held inside one 60 s window; ${2 * BUSINESS_PER_MINUTE} creates (2× the business ` +
        "plan's 1,200/min) from one SDK client, 32 at a time, no retries:",
      "",
      markdownTable(["window", "creates sent", "served (201)", "refused (RateLimitExceeded)"], rows),
      "",
    );
  }, 60_000);

  it("load run: SDK clients at 2× the limit on the real clock end in a value or RateLimitExceeded", async () => {
    // The business plan's rate on a 1 s window (20 per second), so the run takes seconds, not minutes.
    const limit = BUSINESS_PER_MINUTE / 60;
    const windowMs = 1000;
    // The real clock, read once per synchronous stretch: a create's rate-limit check and its `createdAt` happen in
    // one, so `createdAt` tells which window served it, exactly.
    let cached: number | undefined;
    const clock = () => {
      if (cached === undefined) {
        cached = Date.now();
        queueMicrotask(() => {
          cached = undefined;
        });
      }
      return cached;
    };
    emulator = await startEmulator({ seed: 6, rateLimit: { windowMs, limit }, clock });
    const outcomes = { value: 0, rateLimited: 0 };
    const clients = Array.from(
      { length: 4 },
      () => new Dub({ token: emulator!.apiKey, serverURL: emulator!.url }),
    );
    const seconds = 3;
    const calls: Promise<void>[] = [];
    // Each second, a burst of 2× the limit spread over the clients, with the SDK's default retries (which wait for
    // the window's end on a 429 and try again, into the next burst).
    for (let second = 0; second < seconds; second++) {
      for (let i = 0; i < 2 * limit; i++) {
        const dub = clients[i % clients.length]!;
        calls.push(
          dub.partners.create({ email: `real-${second}-${i}@example.com` }).then(
            () => void outcomes.value++,
            (error: unknown) => {
              expect(RateLimitExceeded.isInstance(error), String(error)).toBe(true);
              outcomes.rateLimited++;
            },
          ),
        );
      }
      await new Promise((resolve) => setTimeout(resolve, windowMs));
    }
    await Promise.all(calls);
    await Promise.all(clients.map((dub) => dub.close()));
    expect(outcomes.value + outcomes.rateLimited).toBe(2 * limit * seconds);
    expect(emulator.stats().rateLimited).toBeGreaterThan(0);
    const servedByWindow = new Map<number, number>();
    for (const partner of emulator.partners()) {
      const window = Math.floor(Date.parse(partner.createdAt) / windowMs);
      servedByWindow.set(window, (servedByWindow.get(window) ?? 0) + 1);
    }
    expect(emulator.partners().length).toBe(outcomes.value);
    expect(Math.max(...servedByWindow.values())).toBeLessThanOrEqual(limit);
    await emulator.stop();
    lines.push(
      `On the real clock, the same rate on a 1 s window (${limit} per second): 4 SDK clients with the default ` +
        `retries sent ${2 * limit * seconds} creates in ${seconds} bursts of ${2 * limit}, one a second (2× the limit). Every call ended in a value ` +
        `or \`RateLimitExceeded\` (never another error), and no window served more than ${limit} creates (counted ` +
        "by the window of each partner's `createdAt`, stamped in the same step as its rate-limit check).",
      "",
    );
  }, 60_000);

  it("load run: the import paced at 2× the limit enrolls every row once", async () => {
    const limit = BUSINESS_PER_MINUTE / 60;
    emulator = await startEmulator({ seed: 7, rateLimit: { windowMs: 1000, limit } });
    const env = await isolatedEnv({ DUB_API_KEY: emulator.apiKey });
    const rows = 120;
    const csv = await writeImportCsv(join(env.HOME!, "load.csv"), rows, 10_000);
    const result = await runDubkit(
      [
        "--base-url",
        emulator.url,
        "partners",
        "import",
        csv.path,
        "--rate",
        `${2 * BUSINESS_PER_MINUTE}/min`,
      ],
      env,
    );
    expect(result.code, result.stderr).toBe(0);
    const emails = enrolledEmails(emulator);
    expect(duplicates(emails)).toEqual([]);
    expect(new Set(emails)).toEqual(csv.validEmails);
    await emulator.stop();
    lines.push(
      `\`dubkit partners import --rate ${2 * BUSINESS_PER_MINUTE}/min\` (2× the limit) of ${rows} rows against ` +
        `${limit} per 1 s window: it exited 0 with all ${rows} rows enrolled exactly once (its pacer backs off ` +
        "on any 429 it meets).",
      "",
      `Reproduce: ${reproduce("load run")}`,
    );
    expect(reportBlock("load-run", lines.join("\n"))).toBeUndefined();
  }, 90_000);
});
