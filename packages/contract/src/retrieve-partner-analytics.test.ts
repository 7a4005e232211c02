// The analytics query as the client checks it: `start`/`end` through the client's ISO reader (refusing only what
// chrono on Dub's servers refuses too), Dates sent as ISO 8601, the server's defaults and time-zone fallback; and
// the response shapes by groupBy.
import { describe, expect, it } from "vitest";
import { analyticsDate, DUB_FOUNDING_DATE, readIsoDate } from "./analytics-date.js";
import { safeParseEnglish } from "./english.js";
import {
  partnerAnalyticsQuery,
  retrievePartnerAnalyticsQuery,
  retrievePartnerAnalyticsResponse,
} from "./operations/retrieve-partner-analytics.js";

const parse = (query: unknown) => safeParseEnglish(retrievePartnerAnalyticsQuery, query);
const issues = (query: unknown) =>
  parse(query).error?.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`) ?? [];

describe("readIsoDate", () => {
  it("reads ISO dates at noon UTC and date-times at their instant (UTC without an offset)", () => {
    expect(readIsoDate("2024-01-05")?.toISOString()).toBe("2024-01-05T12:00:00.000Z");
    expect(readIsoDate("2024-01-05T10:00")?.toISOString()).toBe("2024-01-05T10:00:00.000Z");
    expect(readIsoDate("2024-01-05T10:00:00.250Z")?.toISOString()).toBe("2024-01-05T10:00:00.250Z");
    expect(readIsoDate("2024-01-05T10:00:00+01:30")?.toISOString()).toBe("2024-01-05T08:30:00.000Z");
    expect(readIsoDate("2024-01-05T10:00:00-0500")?.toISOString()).toBe("2024-01-05T15:00:00.000Z");
    expect(readIsoDate("0000-01-01")?.toISOString()).toBe("0000-01-01T12:00:00.000Z");
  });

  it("refuses text with no letter or digit, and days or times the calendar does not have", () => {
    for (const text of ["", " ", "!!", "-", "2023-02-29", "2024-13-01", "2024-01-00", "2024-01-05T24:00:00Z"])
      expect(readIsoDate(text)).toBeNull();
  });

  it("leaves natural language and other formats to the server", () => {
    for (const text of [
      "yesterday",
      "Jan 5 2024",
      "2024-01-05 10:00",
      "2024-1-5",
      "2024-01-05T10:00:00.5Z",
      "abc",
    ])
      expect(readIsoDate(text)).toBeUndefined();
  });
});

describe("retrievePartnerAnalyticsQuery", () => {
  it("sends the default groupBy and nothing else the caller did not give", () => {
    expect(parse({ partnerId: "pn_1", event: "composite" }).data).toEqual({
      partnerId: "pn_1",
      groupBy: "count",
    });
  });

  it("sends a Date as ISO 8601 and text as given", () => {
    expect(parse({ start: new Date("2024-01-05T10:00:00Z"), end: "yesterday" }).data).toMatchObject({
      start: "2024-01-05T10:00:00.000Z",
      end: "yesterday",
    });
    expect(issues({ start: new Date("nope") })).toEqual([
      "start: Invalid input: expected string, received Date",
    ]);
  });

  it("refuses impossible dates and a start before Dub's founding, with the server's messages", () => {
    expect(issues({ start: "!!", end: "2023-02-29" })).toEqual(["start: Invalid date", "end: Invalid date"]);
    expect(issues({ start: "2022-09-21T23:59:59.999Z" })).toEqual([
      "start: The start date cannot be earlier than September 22, 2022.",
    ]);
    expect(parse({ start: DUB_FOUNDING_DATE, end: "2022-09-21" }).success).toBe(true);
  });

  it("sends an unknown time zone as UTC, as the server reads it", () => {
    expect(parse({ timezone: "Mars/Olympus" }).data?.timezone).toBe("UTC");
    expect(parse({ timezone: "" }).data?.timezone).toBe("UTC");
    expect(parse({ timezone: "America/New_York" }).data?.timezone).toBe("America/New_York");
  });

  it("checks the enums and the metadata query's length", () => {
    expect(issues({ interval: "1d", groupBy: "links", query: "x".repeat(10001) })).toEqual([
      'interval: Invalid option: expected one of "24h"|"7d"|"30d"|"90d"|"1y"|"mtd"|"qtd"|"ytd"|"all"',
      "query: Too big: expected string to have <=10000 characters",
      'groupBy: Invalid option: expected one of "top_links"|"timeseries"|"count"',
    ]);
  });

  it("reads dates with the reader it is built with", () => {
    const never = partnerAnalyticsQuery(() => null);
    expect(safeParseEnglish(never, { end: "2024-01-05" }).error?.issues[0]?.message).toBe("Invalid date");
    const early = safeParseEnglish(
      analyticsDate(() => new Date(0), { notBefore: DUB_FOUNDING_DATE }),
      "any",
    );
    expect(early.error?.issues[0]?.message).toBe("The start date cannot be earlier than September 22, 2022.");
  });
});

describe("retrievePartnerAnalyticsResponse", () => {
  const counts = { clicks: 1, leads: 2, sales: 3, saleAmount: 400, earnings: 50 };

  it("reads each groupBy shape", () => {
    expect(retrievePartnerAnalyticsResponse.parse(counts)).toEqual(counts);
    const bucket = { start: "2026-08-01T00:00:00.000+0000", ...counts };
    expect(retrievePartnerAnalyticsResponse.parse([bucket])).toEqual([bucket]);
    const link = {
      link: "link_1",
      id: "link_1",
      domain: "a.test",
      key: "jane",
      shortLink: "https://a.test/jane",
      url: "https://acme.com",
      createdAt: "2026-08-01T00:00:00.000Z",
      ...counts,
    };
    expect(retrievePartnerAnalyticsResponse.parse([link])).toEqual([link]);
  });

  it("refuses a count without earnings", () => {
    const { earnings: _, ...partial } = counts;
    expect(retrievePartnerAnalyticsResponse.safeParse(partial).success).toBe(false);
  });
});
