// The analytics window and its timeseries buckets (§7.3, §7.4) at a fixed "now": presets, start/end with the
// granularity rule (measured before a reversed window is swapped), time zones, and the bucket labels.
import { describe, expect, it } from "vitest";
import { analyticsWindow, type WindowQuery } from "./analytics-window.js";
import { bucketLabels } from "./timeseries-buckets.js";

const NOW = Date.UTC(2026, 7, 21, 15, 30); // Friday 2026-08-21 15:30 UTC

function buckets(query: Partial<WindowQuery>): { granularity: string; labels: string[] } {
  const full: WindowQuery = { interval: "all", timezone: "UTC", ...query };
  const window = analyticsWindow(full, NOW);
  return { granularity: window.granularity, labels: bucketLabels(window, full.timezone) };
}

describe("preset intervals", () => {
  it("all: every month from September 2022 to this month", () => {
    const { granularity, labels } = buckets({});
    expect(granularity).toBe("month");
    expect(labels[0]).toBe("2022-09-01T00:00:00.000+0000");
    expect(labels.at(-1)).toBe("2026-08-01T00:00:00.000+0000");
    expect(labels).toHaveLength(48);
  });

  it("24h: 25 hourly buckets, the first one started 24 hours ago", () => {
    const { granularity, labels } = buckets({ interval: "24h" });
    expect(granularity).toBe("hour");
    expect(labels).toHaveLength(25);
    expect(labels[0]).toBe("2026-08-20T15:00:00.000+0000");
    expect(labels.at(-1)).toBe("2026-08-21T15:00:00.000+0000");
  });

  it("7d, 30d and 90d: one day more than their length, up to today", () => {
    for (const [interval, days] of [
      ["7d", 8],
      ["30d", 31],
      ["90d", 91],
    ] as const) {
      const { granularity, labels } = buckets({ interval });
      expect(granularity).toBe("day");
      expect(labels).toHaveLength(days);
      expect(labels.at(-1)).toBe("2026-08-21T00:00:00.000+0000");
    }
  });

  it("mtd and qtd by day, 1y and ytd by month", () => {
    expect(buckets({ interval: "mtd" }).labels[0]).toBe("2026-08-01T00:00:00.000+0000");
    expect(buckets({ interval: "mtd" }).labels).toHaveLength(21);
    expect(buckets({ interval: "qtd" }).labels[0]).toBe("2026-07-01T00:00:00.000+0000");
    const year = buckets({ interval: "1y" });
    expect(year).toMatchObject({ granularity: "month" });
    expect(year.labels).toHaveLength(13);
    expect(year.labels[0]).toBe("2025-08-01T00:00:00.000+0000");
    const ytd = buckets({ interval: "ytd" });
    expect(ytd.labels).toHaveLength(8);
    expect(ytd.labels[0]).toBe("2026-01-01T00:00:00.000+0000");
  });
});

describe("start and end", () => {
  const at = (text: string) => new Date(text);

  it("runs from the start of start's day to the end of end's day, hourly up to 2 days apart", () => {
    const one = buckets({ start: at("2026-08-03T12:00:00Z"), end: at("2026-08-03T12:00:00Z") });
    expect(one.granularity).toBe("hour");
    expect(one.labels).toHaveLength(24);
    expect(one.labels[0]).toBe("2026-08-03T00:00:00.000+0000");
    const three = buckets({ start: at("2026-08-03T12:00:00Z"), end: at("2026-08-05T12:00:00Z") });
    expect(three.granularity).toBe("hour");
    expect(three.labels).toHaveLength(72);
    const four = buckets({ start: at("2026-08-03T12:00:00Z"), end: at("2026-08-06T12:00:00Z") });
    expect(four.granularity).toBe("day");
    expect(four.labels).toEqual([
      "2026-08-03T00:00:00.000+0000",
      "2026-08-04T00:00:00.000+0000",
      "2026-08-05T00:00:00.000+0000",
      "2026-08-06T00:00:00.000+0000",
    ]);
  });

  it("is monthly beyond 180 days, and ends today without an end", () => {
    const long = buckets({ start: at("2026-01-15T12:00:00Z"), end: at("2026-07-20T12:00:00Z") });
    expect(long.granularity).toBe("month");
    expect(long.labels[0]).toBe("2026-01-01T00:00:00.000+0000");
    expect(long.labels).toHaveLength(7);
    const open = buckets({ start: at("2026-08-18T12:00:00Z") });
    expect(open.granularity).toBe("day");
    expect(open.labels.at(-1)).toBe("2026-08-21T00:00:00.000+0000");
  });

  it("swaps a reversed window, which the server measures first and so makes hourly", () => {
    const reversed = buckets({ start: at("2026-08-10T12:00:00Z"), end: at("2026-08-01T12:00:00Z") });
    expect(reversed.granularity).toBe("hour");
    // From the end of Aug 1 (23:59:59.999) to the start of Aug 10.
    expect(reversed.labels[0]).toBe("2026-08-01T23:00:00.000+0000");
    expect(reversed.labels.at(-1)).toBe("2026-08-10T00:00:00.000+0000");
    expect(reversed.labels).toHaveLength(8 * 24 + 2);
  });
});

describe("time zones", () => {
  it("labels days and months at local midnight with the zone's offset, DST included", () => {
    const berlin = buckets({ timezone: "Europe/Berlin", interval: "ytd" });
    expect(berlin.labels[0]).toBe("2026-01-01T00:00:00.000+0100");
    expect(berlin.labels.at(-1)).toBe("2026-08-01T00:00:00.000+0200");
    const newYork = buckets({ timezone: "America/New_York", interval: "7d" });
    expect(newYork.labels.at(-1)).toBe("2026-08-21T00:00:00.000-0400");
    expect(newYork.labels).toHaveLength(8);
  });

  it("labels hours in UTC, started at the zone's hour boundary", () => {
    const kolkata = buckets({
      timezone: "Asia/Kolkata",
      start: new Date("2026-08-03T06:00:00Z"),
      end: new Date("2026-08-03T06:00:00Z"),
    });
    expect(kolkata.granularity).toBe("hour");
    // Midnight in Kolkata (+05:30) is 18:30 UTC the day before.
    expect(kolkata.labels[0]).toBe("2026-08-02T18:30:00.000+0000");
    expect(kolkata.labels).toHaveLength(24);
  });
});
