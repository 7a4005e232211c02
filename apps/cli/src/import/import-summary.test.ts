import { describe, expect, it } from "vitest";
import { newStats } from "./import-stats.js";
import { buildSummary, formatSummary } from "./import-summary.js";
import { formatDuration, progressLine } from "./progress.js";

describe("import summary", () => {
  it("builds the stable JSON summary from the counters", () => {
    const stats = { ...newStats(100, 0), read: 100, created: 90, alreadyEnrolled: 2, failed: 8, invalid: 5 };
    const summary = buildSummary(stats, {
      status: "partial",
      dryRun: false,
      now: 2000,
      journal: "j",
      report: "r",
    });
    expect(summary).toEqual({
      status: "partial",
      dryRun: false,
      rows: 100,
      created: 90,
      alreadyEnrolled: 2,
      failed: 8,
      invalid: 5,
      skipped: 0,
      unknown: 0,
      rateLimited: 0,
      retries: 0,
      durationMs: 2000,
      rowsPerSecond: 50,
      journal: "j",
      report: "r",
    });
    expect(formatSummary(summary)[0]).toBe(
      "Import finished: 90 created, 2 already enrolled, 8 failed (5 invalid), 0 skipped; 100 rows in 2s, 50 rows/s.",
    );
  });

  it("tells an interrupted run how to resume", () => {
    const stats = { ...newStats(10, 0), read: 4, created: 3, unknown: 1 };
    const lines = formatSummary(
      buildSummary(stats, {
        status: "interrupted",
        dryRun: false,
        now: 1000,
        journal: "p.csv.journal",
        report: undefined,
      }),
    );
    expect(lines[0]).toMatch(/^Import interrupted: 3 created/);
    expect(lines).toContain("Journal: p.csv.journal (re-run the same command to resume)");
  });
});

describe("progress", () => {
  it("writes done, failed, remaining, rate and ETA", () => {
    const stats = { ...newStats(100, 0), read: 50, created: 40, failed: 10 };
    expect(progressLine(stats, 10_000)).toBe(
      "progress: 50/100 rows (40 done, 10 failed, 50 remaining), 5.0 rows/s, ETA 10s",
    );
  });

  it("formats durations", () => {
    expect(formatDuration(42)).toBe("42s");
    expect(formatDuration(185)).toBe("3m05s");
    expect(formatDuration(3720)).toBe("1h02m");
    expect(formatDuration(undefined)).toBe("?");
  });
});
