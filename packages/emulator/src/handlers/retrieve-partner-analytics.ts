// GET /partners/analytics (partners-program-behavior.md §7.1): the per-second analytics rate limit and any role
// (withWorkspace), the default program, the query (start and end read by chrono-node, as on the server), the partner
// (with its own not-found message), then the answer for `groupBy` (see partner-analytics.ts).
import { partnerAnalyticsQuery } from "@dubkit/contract";
import { DubApiError } from "../dub-error.js";
import { findEnrollment, requirePartnerIdentity } from "../enrollment-lookup.js";
import { linksByClicks, partnerAnalytics } from "../partner-analytics.js";
import type { LinkRecord } from "../records.js";
import { type ApiResponse, defaultProgram, json, type RouteContext } from "../route-context.js";
import { readServerDate } from "../server-date.js";
import { parseOrThrow, searchParamsRecord } from "../validation.js";

const analyticsQuery = partnerAnalyticsQuery(readServerDate);

/** A date the query schema accepted, read again as the server's parsed value. */
const dateOf = (text: string | undefined): Date | undefined =>
  text === undefined ? undefined : (readServerDate(text) ?? undefined);

export async function retrievePartnerAnalyticsHandler(context: RouteContext): Promise<ApiResponse> {
  const program = defaultProgram(context);
  const query = parseOrThrow(analyticsQuery, searchParamsRecord(context.url.searchParams));
  requirePartnerIdentity(query);
  const enrollment = findEnrollment(context.store, program.id, query);
  if (!enrollment) {
    // `partnerId ?? tenantId` after a truthiness test: `?partnerId=&tenantId=t1` names the tenantId "" (two spaces).
    const named = query.partnerId ? "partnerId" : "tenantId";
    throw new DubApiError(
      "not_found",
      `The partner with ${named} ${query.partnerId ?? query.tenantId} is not enrolled in your program.`,
    );
  }
  const links = enrollment.linkIds
    .map((id) => context.store.links.get(id))
    .filter((link): link is LinkRecord => link !== undefined);
  const body = partnerAnalytics(
    {
      groupBy: query.groupBy,
      interval: query.interval ?? "all",
      start: dateOf(query.start),
      end: dateOf(query.end),
      timezone: query.timezone ?? "UTC",
      query: query.query,
    },
    linksByClicks(links, context.workspace),
    context.now(),
  );
  await context.store.durable();
  return json(200, body);
}
