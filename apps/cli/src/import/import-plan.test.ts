import { describe, expect, it } from "vitest";
import { buildPlan, formatPlan } from "./import-plan.js";

const counts = { rows: 1000, toSend: 900, alreadyDone: 60, invalid: 30, duplicates: 10, earlierFailures: 0 };

describe("import plan", () => {
  it("estimates the time at the plan's rate and tells when the rows do not fit its quota", () => {
    const plan = buildPlan(counts, { ratePerMinute: 1176, source: "--plan", plan: "business" });
    expect(plan).toMatchObject({ estimatedSeconds: 46, partnersLimit: 500, fitsQuota: false });
    expect(formatPlan(plan, "p.csv (UTF-8, comma-separated)")).toEqual([
      "Plan: 1,000 rows in p.csv (UTF-8, comma-separated): 900 to send, 60 already done (journal), 40 with problems (30 invalid, 10 duplicate).",
      "Pace: 1,176 requests/min (the plan given with --plan); about 46s.",
      "Quota: the business plan allows 500 partners in the program, and this file has 900 rows to send: Dub stops the import at its quota. Upgrade the plan first, or split the file.",
    ]);
  });

  it("says the pace is learnt from Dub when no plan or rate is known", () => {
    const plan = buildPlan(counts, { ratePerMinute: undefined, source: "server", plan: undefined });
    expect(plan).toMatchObject({ estimatedSeconds: null, fitsQuota: null });
    expect(formatPlan(plan, "p.csv")[1]).toMatch(
      /^Pace: Dub's limit for this key, learnt from its first rate-limit answer/,
    );
  });

  it("knows unlimited plans", () => {
    const plan = buildPlan(counts, { ratePerMinute: 2940, source: "profile", plan: "advanced" });
    expect(plan).toMatchObject({ partnersLimit: null, fitsQuota: true });
    expect(formatPlan(plan, "p.csv")[2]).toBe("Quota: the advanced plan has no partner limit.");
  });
});
