// GET /partners/analytics: one partner's clicks, leads, sales and earnings in the workspace's default program, as a
// total, a timeseries or per link, depending on `groupBy`. Rate-limited per second, separately from other calls.

import { defineOperation, type Operation } from "@dubkit/core";
import * as z from "zod/mini";
import { analyticsDate, type DateReader, DUB_FOUNDING_DATE, readIsoDate } from "../analytics-date.js";
import { english } from "../english.js";
import { ANALYTICS_INTERVALS, PARTNER_ANALYTICS_GROUP_BY, type PartnerAnalyticsGroupBy } from "../enums.js";
import { lenientObject } from "../lenient.js";
import type { ObjectSchema } from "../object-schema.js";
import { type PartnerIdentityShape, partnerIdentityShape } from "../partner-identity.js";
import { sanitizeTimeZone } from "../time-zone.js";

/** The analytics query's fields after the partner's identity, with `start` and `end` read by `readDate`. */
/* @__NO_SIDE_EFFECTS__ */
function partnerAnalyticsFields(readDate: DateReader) {
  return {
    /**
     * The preset window. Default `all` (from September 22, 2022 to today), not `24h` as Dub's documentation says.
     * Ignored when `start` is set.
     */
    interval: z.optional(z.enum(ANALYTICS_INTERVALS)),
    /**
     * The start of the window; takes precedence over `interval`, and is rounded down to the start of its day in
     * `timezone`. An ISO 8601 date or date-time, a `Date` (sent as ISO 8601), or text Dub reads as a date
     * (`yesterday`, `Jan 5 2024`). Not before September 22, 2022. The client refuses text with no letter or digit
     * and ISO dates that do not exist or come too early; the server judges any other text (`Invalid date`).
     */
    start: z.optional(analyticsDate(readDate, { notBefore: DUB_FOUNDING_DATE })),
    /**
     * The end of the window, rounded up to the end of its day in `timezone`. Default: now. Same forms as `start`.
     * Ignored unless `start` is set; when it is earlier than `start` the two are swapped.
     */
    end: z.optional(analyticsDate(readDate)),
    /**
     * The IANA time zone (e.g. `America/New_York`) the window and the timeseries buckets follow. Default: UTC. A
     * zone the runtime does not know is sent as `UTC`, as the server would read it.
     */
    timezone: z
      .optional(z.string())
      .check(z.overwrite((zone) => (zone === undefined ? undefined : sanitizeTimeZone(zone)))),
    /**
     * Only lead and sale events whose metadata matches, e.g. `metadata['key']:'value'` (at most 10,000 characters).
     */
    query: z.optional(z.string().check(z.maxLength(10000))),
    /**
     * The shape of the answer: `count` (one object of totals; the default), `timeseries` (one object per hour, day
     * or month of the window) or `top_links` (one object per link of the partner).
     */
    groupBy: z._default(z.enum(PARTNER_ANALYTICS_GROUP_BY), "count"),
  };
}

/** The analytics query's shape (declared as a type: a spread loses documentation). */
type PartnerAnalyticsQueryShape = PartnerIdentityShape & ReturnType<typeof partnerAnalyticsFields>;

/**
 * The analytics query (`partnerAnalyticsQuerySchema`) with `start` and `end` read by `readDate`, in the server's key
 * order; unknown keys (such as `event`) are dropped. The client's schema is `retrievePartnerAnalyticsQuery`, built
 * with `readIsoDate`; a server-faithful emulator passes chrono-node's `parseDate` instead (see analytics-date.ts).
 */
/* @__NO_SIDE_EFFECTS__ */
export function partnerAnalyticsQuery(readDate: DateReader): ObjectSchema<PartnerAnalyticsQueryShape> {
  return z.object({ ...partnerIdentityShape, ...partnerAnalyticsFields(readDate) });
}

/** The query of GET /partners/analytics, as the client validates it (`start`/`end` read by `readIsoDate`). */
export const retrievePartnerAnalyticsQuery = partnerAnalyticsQuery(readIsoDate);

/** The query of GET /partners/analytics, as a caller passes it: `partnerId` or `tenantId`, and the window. */
export type RetrievePartnerAnalyticsQuery = z.input<typeof retrievePartnerAnalyticsQuery>;

const partnerAnalyticsCountShape = {
  /** Clicks on the partner's links in the window. */
  clicks: z.number(),
  /** Leads the partner's links generated in the window. */
  leads: z.number(),
  /** Sales the partner's links generated in the window. */
  sales: z.number(),
  /** Revenue of those sales, in cents. */
  saleAmount: z.number(),
  /** The partner's sale commissions created in the window (pending, processed or paid), in cents. */
  earnings: z.number(),
};

/** The partner's totals in the window (`groupBy: "count"`, OpenAPI `PartnerAnalyticsCount`). */
export const partnerAnalyticsCount: ObjectSchema<typeof partnerAnalyticsCountShape> =
  lenientObject(partnerAnalyticsCountShape);

/** The partner's totals in the window (`groupBy: "count"`). */
export type PartnerAnalyticsCount = z.output<typeof partnerAnalyticsCount>;

const partnerAnalyticsTimeseriesShape = {
  /**
   * The start of the bucket (an hour for windows up to 2 days, a month beyond 180 days, else a day), e.g.
   * `2026-08-01T00:00:00.000+0000`. Every bucket of the window is listed, empty ones with zeros.
   */
  start: z.string(),
  /** Clicks in the bucket. */
  clicks: z.number(),
  /** Leads in the bucket. */
  leads: z.number(),
  /** Sales in the bucket. */
  sales: z.number(),
  /** Revenue of the bucket's sales, in cents. */
  saleAmount: z.number(),
  /** The partner's sale commissions created in the bucket, in cents. */
  earnings: z.number(),
};

/** One bucket of the timeseries (`groupBy: "timeseries"`, OpenAPI `PartnerAnalyticsTimeseries`). */
export const partnerAnalyticsTimeseries: ObjectSchema<typeof partnerAnalyticsTimeseriesShape> = lenientObject(
  partnerAnalyticsTimeseriesShape,
);

/** One bucket of the timeseries (`groupBy: "timeseries"`). */
export type PartnerAnalyticsTimeseries = z.output<typeof partnerAnalyticsTimeseries>;

const partnerAnalyticsTopLinksShape = {
  /** @deprecated Use `id`: the unique ID of the short link. */
  link: z.string(),
  /** The unique ID of the short link (`link_…`). */
  id: z.string(),
  /** The domain of the short link. */
  domain: z.string(),
  /** The key of the short link (the path after the domain). */
  key: z.string(),
  /** The full short link: `https://<domain>/<key>`. */
  shortLink: z.string(),
  /** The destination URL of the short link. */
  url: z.string(),
  /** The custom link preview title (og:title), if any. */
  title: z.optional(z.nullable(z.string())),
  /** The comments on the short link, if any. */
  comments: z.optional(z.nullable(z.string())),
  /** The ID of the folder the link is in, if any. */
  folderId: z.optional(z.nullable(z.string())),
  /** The ID of the partner the link belongs to. */
  partnerId: z.optional(z.nullable(z.string())),
  /** When the short link was created (ISO 8601). */
  createdAt: z.string(),
  /** Clicks on the link in the window. */
  clicks: z.number(),
  /** Leads the link generated in the window. */
  leads: z.number(),
  /** Sales the link generated in the window. */
  sales: z.number(),
  /** Revenue of those sales, in cents. */
  saleAmount: z.number(),
  /** The partner's sale commissions from this link created in the window, in cents. */
  earnings: z.number(),
};

/**
 * One of the partner's links and its numbers (`groupBy: "top_links"`, OpenAPI `PartnerAnalyticsTopLinks`). Every
 * link is listed, most-clicked (all time) first; a link with no events in the window shows its all-time counts.
 */
export const partnerAnalyticsTopLinks: ObjectSchema<typeof partnerAnalyticsTopLinksShape> = lenientObject(
  partnerAnalyticsTopLinksShape,
);

/** One of the partner's links and its numbers (`groupBy: "top_links"`). */
export type PartnerAnalyticsTopLinks = z.output<typeof partnerAnalyticsTopLinks>;

/**
 * The 200 body of GET /partners/analytics. Its shape follows the query's `groupBy`: an object of totals
 * (`count`, the default), an array of buckets (`timeseries`) or an array of links (`top_links`).
 */
export const retrievePartnerAnalyticsResponse = z.union([
  partnerAnalyticsCount,
  z.array(partnerAnalyticsTimeseries),
  z.array(partnerAnalyticsTopLinks),
]);

/** Any answer of GET /partners/analytics; `PartnerAnalyticsResult<G>` narrows it by `groupBy`. */
export type RetrievePartnerAnalyticsResponse = z.output<typeof retrievePartnerAnalyticsResponse>;

/**
 * The answer of GET /partners/analytics for `groupBy: G` (`undefined` is the default, `count`), for overloads:
 * `PartnerAnalyticsResult<"timeseries">` is `PartnerAnalyticsTimeseries[]`.
 */
export type PartnerAnalyticsResult<G extends PartnerAnalyticsGroupBy | undefined = "count"> = [G] extends [
  never,
]
  ? // A call that names no groupBy infers nothing for G: the server's default, count.
    PartnerAnalyticsCount
  : G extends "timeseries"
    ? PartnerAnalyticsTimeseries[]
    : G extends "top_links"
      ? PartnerAnalyticsTopLinks[]
      : PartnerAnalyticsCount;

/** `GET /partners/analytics` (rate-limited per second: see `PLANS[plan].analyticsPerSecond`). */
export const retrievePartnerAnalyticsOperation: Operation<
  RetrievePartnerAnalyticsQuery,
  RetrievePartnerAnalyticsResponse
> = defineOperation<RetrievePartnerAnalyticsQuery, RetrievePartnerAnalyticsResponse>({
  id: "retrievePartnerAnalytics",
  method: "GET",
  path: "/partners/analytics",
  query: english(retrievePartnerAnalyticsQuery),
  response: english(retrievePartnerAnalyticsResponse),
});
