// What GET /partners/analytics answers from the emulator's state (partners-program-behavior.md §7.3, §7.5). The
// emulator records no click, lead or sale events (Tinybird's side) and no commissions, only each link's all-time
// counters (the `Link` row's, set with `setLinkStats`). So it answers as the server would over an empty event store:
// - count: the sums of the counters on the server's fast path (no start, end or query, interval `all`: the SDK's
//   default call), which reads them from the links; zeros for any other window, whose events are none;
// - timeseries: every bucket of the window, all zeros;
// - top_links: every link of the partner, most-clicked first, with its counters (the server falls back to them for
//   a link without events in the window);
// and earnings are 0 everywhere.
import type {
  PartnerAnalyticsCount,
  PartnerAnalyticsTimeseries,
  PartnerAnalyticsTopLinks,
} from "@dubkit/contract";
import { type AnalyticsWindow, analyticsWindow } from "./analytics-window.js";
import { type LinkColumns, linkColumns } from "./link-columns.js";
import type { LinkRecord } from "./records.js";
import { bucketLabels } from "./timeseries-buckets.js";
import type { Workspace } from "./workspace.js";

/** The validated query, `start`/`end` read as dates. */
export interface AnalyticsQuery {
  groupBy: "count" | "timeseries" | "top_links";
  interval: string;
  start?: Date | undefined;
  end?: Date | undefined;
  timezone: string;
  query?: string | undefined;
}

/** The enrollment's links, most-clicked first (`orderBy: { clicks: "desc" }`; ties keep their creation order). */
export function linksByClicks(links: LinkRecord[], workspace: Workspace): LinkColumns[] {
  return links.map((link) => linkColumns(link, workspace)).sort((a, b) => b.clicks - a.clicks);
}

/**
 * `groupBy=count`. The server's fast path has broken since 2026-05-04 (its SQL binds an undefined workspace id, so
 * it answers 422 `saleAmount … received null`, or a 500 for a partner without links: §7.6); the emulator returns
 * the sums that path was written to return, as it did before, since that is the answer a client is built for.
 */
function count(query: AnalyticsQuery, links: LinkColumns[]): PartnerAnalyticsCount {
  const fastPath = query.interval === "all" && !query.start && !query.end && !query.query;
  const sum = (field: "clicks" | "leads" | "sales" | "saleAmount") =>
    fastPath ? links.reduce((total, link) => total + link[field], 0) : 0;
  return {
    clicks: sum("clicks"),
    leads: sum("leads"),
    sales: sum("sales"),
    saleAmount: sum("saleAmount"),
    earnings: 0,
  };
}

function timeseries(window: AnalyticsWindow, timezone: string): PartnerAnalyticsTimeseries[] {
  return bucketLabels(window, timezone).map((start) => ({
    start,
    clicks: 0,
    leads: 0,
    sales: 0,
    saleAmount: 0,
    earnings: 0,
  }));
}

function topLinks(links: LinkColumns[]): PartnerAnalyticsTopLinks[] {
  return links.map((link) => ({
    link: link.id,
    id: link.id,
    domain: link.domain,
    key: link.key,
    shortLink: link.shortLink,
    url: link.url,
    title: link.title,
    comments: link.comments,
    folderId: link.folderId,
    partnerId: link.partnerId,
    createdAt: link.createdAt,
    clicks: link.clicks,
    leads: link.leads,
    sales: link.sales,
    saleAmount: link.saleAmount,
    earnings: 0,
  }));
}

/** The 200 body for the partner's links (ordered by `linksByClicks`) at `now`. */
export function partnerAnalytics(
  query: AnalyticsQuery,
  links: LinkColumns[],
  now: number,
): PartnerAnalyticsCount | PartnerAnalyticsTimeseries[] | PartnerAnalyticsTopLinks[] {
  if (query.groupBy === "count") return count(query, links);
  if (query.groupBy === "timeseries") return timeseries(analyticsWindow(query, now), query.timezone);
  return topLinks(links);
}
