// Differential tests for the GET /partners/analytics query. The emulator's schema (the contract's
// `partnerAnalyticsQuery` with chrono-node reading `start`/`end`, as the server does) must agree with Dub's own
// schema exactly; the client's schema (`retrievePartnerAnalyticsQuery`, whose ISO reader is a subset of chrono)
// must never refuse a query the server accepts, and every date it decides must be the server's. Dub's servers run
// in UTC and "yesterday" depends on the clock, so both are fixed here.

import { partnerAnalyticsQuery, readIsoDate, retrievePartnerAnalyticsQuery } from "@dubkit/contract";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { readServerDate } from "../server-date.js";
import { partnerIds, queryRecord, queryText } from "./arbitraries.js";
import { serverPartnerAnalytics, serverVerdict } from "./server-schemas.js";
import { assertAgreement, emulatorVerdict } from "./verdicts.js";

process.env.TZ = "UTC";

const emulatorQuery = partnerAnalyticsQuery(readServerDate);

const edgeDates = fc.constantFrom(
  "2024-01-05",
  "2022-09-22",
  "2022-09-21",
  "2022-09-22T00:00:00Z",
  "2022-09-21T23:59:59.999Z",
  "2022-09-22T00:30:00+01:00",
  "2024-01-05T10:00",
  "2024-01-05T10:00:00.000Z",
  "2024-01-05t10:00:00z",
  "2024-01-05T10:00:00+0100",
  "2024-01-05T10:00:00+01",
  "2024-01-05T10:00:00-12:00",
  "2024-02-29",
  "2023-02-29",
  "2024-13-01",
  "2024-00-10",
  "2024-01-32",
  "2024-04-31T10:00:00Z",
  "2024-01-05T24:00:00Z",
  "2024-01-05T10:60:00Z",
  "2024-01-05T10:00:60Z",
  "0000-01-01",
  "1999-12-31",
  "2024-01-05T10:00:00.5Z",
  "2024-01-05T10:00:00.1234Z",
  "2024-01-05 10:00",
  "2024-1-5",
  " 2024-01-05",
  "yesterday",
  "today",
  "now",
  "tomorrow",
  "last friday",
  "3 days ago",
  "in 2 weeks",
  "Jan 5 2024",
  "5 January 2022",
  "noon",
  "",
  " ",
  "!!",
  "-",
  "abc",
  "abc1",
  "12",
  "2024",
  "ü",
  "😀",
  "1.5",
);
const isoDates = fc
  .tuple(
    fc.date({
      min: new Date("1990-01-01T00:00:00Z"),
      max: new Date("2035-12-31T00:00:00Z"),
      noInvalidDate: true,
    }),
    fc.constantFrom("full", "minutes", "day", "offset"),
  )
  .map(([date, form]) => {
    const iso = date.toISOString();
    if (form === "day") return iso.slice(0, 10);
    if (form === "minutes") return iso.slice(0, 16);
    if (form === "offset") return `${iso.slice(0, 19)}-05:30`;
    return iso;
  });
const dateText = fc.oneof(
  { weight: 4, arbitrary: edgeDates },
  { weight: 2, arbitrary: isoDates },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);

const query = queryRecord({
  partnerId: partnerIds,
  tenantId: partnerIds,
  interval: fc.oneof(fc.constantFrom("24h", "30d", "all", "ytd"), queryText, fc.constantFrom("1d", "ALL")),
  start: dateText,
  end: dateText,
  timezone: fc.constantFrom("UTC", "America/New_York", "Asia/Kolkata", "Mars/Olympus", "", "utc", "+01:00"),
  query: fc.constantFrom("", "metadata['plan']:'pro'", "x".repeat(10000), "x".repeat(10001)),
  groupBy: fc.oneof(fc.constantFrom("count", "timeseries", "top_links"), queryText),
});

/** The contract sends `start`/`end` as the text given; the server's output is chrono's Date for it. */
function readDates(data: unknown): unknown {
  const out = { ...(data as Record<string, unknown>) };
  for (const key of ["start", "end"]) {
    const value = out[key];
    if (typeof value === "string") out[key] = readServerDate(value);
  }
  return out;
}

beforeAll(() => {
  vi.useFakeTimers({ now: new Date("2026-08-21T15:30:00.000Z"), toFake: ["Date"] });
});
afterAll(() => {
  vi.useRealTimers();
});

describe("GET /partners/analytics query validation agrees with Dub's server schema", () => {
  it("the emulator's schema (with chrono) accepts and rejects the same queries, with the same message and output", () => {
    const { accepted, rejected } = assertAgreement({
      inputs: query,
      contract: emulatorQuery,
      server: serverPartnerAnalytics,
      normalise: readDates,
      numRuns: 3000,
      seed: 20261211,
    });
    expect(accepted).toBeGreaterThan(300);
    expect(rejected).toBeGreaterThan(300);
  });

  it("the client's ISO reader decides only what chrono decides the same way", () => {
    let decided = 0;
    let refused = 0;
    fc.assert(
      fc.property(dateText, (text) => {
        const ours = readIsoDate(text);
        if (ours === undefined) return;
        decided++;
        const chronos = readServerDate(text);
        if (ours === null) {
          refused++;
          expect(chronos).toBeNull();
        } else expect(chronos?.toISOString()).toBe(ours.toISOString());
      }),
      { numRuns: 3000, seed: 20261212 },
    );
    expect(decided).toBeGreaterThan(1000);
    expect(refused).toBeGreaterThan(200);
  });

  it("the client's schema never refuses a query the server accepts, and sends what the server reads", () => {
    let clientRefused = 0;
    fc.assert(
      fc.property(query, (input) => {
        const server = serverVerdict(serverPartnerAnalytics, input);
        const client = emulatorVerdict(retrievePartnerAnalyticsQuery, input);
        if (client.ok) {
          if (server.ok) expect(readDates(client.data)).toStrictEqual(server.data);
        } else {
          clientRefused++;
          expect(server.ok).toBe(false);
        }
      }),
      { numRuns: 3000, seed: 20261213 },
    );
    expect(clientRefused).toBeGreaterThan(300);
  });

  it("pins the server's messages (partners-program-behavior.md §7.2)", () => {
    const cases: [Record<string, string>, string][] = [
      [
        { groupBy: "links" },
        'invalid_value: groupBy: Invalid option: expected one of "top_links"|"timeseries"|"count"',
      ],
      [
        { interval: "1d" },
        'invalid_value: interval: Invalid option: expected one of "24h"|"7d"|"30d"|"90d"|"1y"|"mtd"|"qtd"|"ytd"|"all"',
      ],
      [{ start: "not a date" }, "custom: start: Invalid date"],
      [{ start: "2022-09-21" }, "custom: start: The start date cannot be earlier than September 22, 2022."],
      [{ end: "whenever" }, "custom: end: Invalid date"],
      [{ query: "x".repeat(10001) }, "too_big: query: Too big: expected string to have <=10000 characters"],
    ];
    for (const [input, message] of cases) {
      expect(serverVerdict(serverPartnerAnalytics, input)).toEqual({ ok: false, message });
      expect(emulatorVerdict(emulatorQuery, input)).toEqual({ ok: false, message });
    }
    expect(emulatorVerdict(retrievePartnerAnalyticsQuery, { start: "2022-09-21" })).toEqual({
      ok: false,
      message: "custom: start: The start date cannot be earlier than September 22, 2022.",
    });
  });

  it("defaults groupBy to count and turns an unknown time zone into UTC, as the server does", () => {
    const expected = { ok: true, data: { partnerId: "pn_1", timezone: "UTC", groupBy: "count" } };
    expect(serverVerdict(serverPartnerAnalytics, { partnerId: "pn_1", timezone: "Mars/Olympus" })).toEqual(
      expected,
    );
    expect(emulatorVerdict(emulatorQuery, { partnerId: "pn_1", timezone: "Mars/Olympus" })).toEqual(expected);
  });
});
