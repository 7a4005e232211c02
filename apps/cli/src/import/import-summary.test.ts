import { describe, expect, it } from "vitest";
import { newStats } from "./import-stats.js";
import { buildSummary, formatSummary, IMPORT_WORDS } from "./import-summary.js";
import { IMPORT_JOURNAL } from "./journal.js";
import { formatDuration, progressLine } from "./progress.js";

describe("import summary", () => {
  it("builds the stable JSON summary, whose buckets add up to the rows", () => {
    const stats = {
      ...newStats(100, 0, IMPORT_JOURNAL.outcomes),
      read: 100,
      done: { created: 80, existing: 2 },
      failed: 8,
      invalid: 5,
      duplicates: 2,
      conflicts: 1,
      skipped: 4,
      unknown: 1,
      notSent: 5,
    };
    const summary = buildSummary(stats, {
      words: IMPORT_WORDS,
      status: "interrupted",
      dryRun: false,
      now: 2000,
      journal: "j",
      report: "r",
    });
    expect(summary).toEqual({
      status: "interrupted",
      dryRun: false,
      rows: 100,
      created: 80,
      alreadyEnrolled: 2,
      failed: 8,
      invalid: 5,
      duplicates: 2,
      conflicts: 1,
      skipped: 4,
      unknown: 1,
      notSent: 5,
      rateLimited: 0,
      retries: 0,
      durationMs: 2000,
      rowsPerSecond: 45,
      journal: "j",
      report: "r",
    });
    const { created, alreadyEnrolled, failed, skipped, unknown, notSent } = summary;
    expect(Number(created) + Number(alreadyEnrolled) + failed + skipped + unknown + notSent).toBe(
      summary.rows,
    );
    const lines = formatSummary(summary, IMPORT_WORDS);
    expect(lines[0]).toBe(
      "Import interrupted: 80 created, 2 already enrolled, 8 failed (5 invalid, 2 duplicate, 1 tenantId conflict), 4 skipped, 1 unanswered, 5 not sent; 100 rows in 2s, 45 rows/s.",
    );
    expect(lines).toContain("Journal: j. Run the same command again to finish: finished rows are skipped.");
  });

  it("says what to do after a stop, with the error's hint", () => {
    const stats = { ...newStats(10, 0, IMPORT_JOURNAL.outcomes), read: 10, done: { created: 3 }, notSent: 7 };
    const lines = formatSummary(
      buildSummary(stats, {
        words: IMPORT_WORDS,
        status: "failed",
        dryRun: false,
        now: 1000,
        journal: "p.csv.journal",
        report: undefined,
        error: { message: "Dub's partner quota is reached.", hint: "Upgrade the plan." },
      }),
      IMPORT_WORDS,
    );
    expect(lines.slice(1)).toEqual([
      "Dub's partner quota is reached.",
      "Upgrade the plan.",
      "Journal: p.csv.journal. Once the cause above is fixed, run the same command: finished rows are skipped.",
    ]);
  });
});

describe("progress", () => {
  it("writes done, failed, remaining, rate and ETA", () => {
    const stats = {
      ...newStats(100, 0, IMPORT_JOURNAL.outcomes),
      read: 50,
      done: { created: 40 },
      failed: 10,
    };
    expect(progressLine(stats, 10_000)).toBe(
      "progress: 50/100 rows (40 done, 10 failed, 50 remaining), 5.0 rows/s, ETA 10s",
    );
  });

  it("shows a rate-limit wait as such, not as a growing ETA", () => {
    const stats = { ...newStats(100, 0, IMPORT_JOURNAL.outcomes), read: 50, done: { created: 50 } };
    expect(progressLine(stats, 10_000, 33_000)).toBe(
      "progress: 50/100 rows (50 done, 0 failed, 50 remaining), 5.0 rows/s, rate limited by Dub, resuming in 23s",
    );
  });

  it("formats durations", () => {
    expect(formatDuration(42)).toBe("42s");
    expect(formatDuration(185)).toBe("3m05s");
    expect(formatDuration(3720)).toBe("1h02m");
    expect(formatDuration(undefined)).toBe("?");
  });
});
