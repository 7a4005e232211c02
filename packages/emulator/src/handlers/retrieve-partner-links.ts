// GET /partners/links (partners-program-behavior.md §5): the default program, the query (which cannot fail on text),
// the partner, then every link of the enrollment with its all-time counters, archived and disabled ones included.
import { retrievePartnerLinksQuery } from "@dubkit/contract";
import { linkView } from "../enrolled-partner.js";
import { enrollmentOrNotFound, requirePartnerIdentity } from "../enrollment-lookup.js";
import type { LinkRecord } from "../records.js";
import { type ApiResponse, defaultProgram, json, type RouteContext } from "../route-context.js";
import { parseOrThrow, searchParamsRecord } from "../validation.js";

export async function retrievePartnerLinksHandler(context: RouteContext): Promise<ApiResponse> {
  const program = defaultProgram(context);
  const query = parseOrThrow(retrievePartnerLinksQuery, searchParamsRecord(context.url.searchParams));
  requirePartnerIdentity(query);
  const enrollment = enrollmentOrNotFound(context.store, program.id, query);
  const links = enrollment.linkIds
    .map((id) => context.store.links.get(id))
    .filter((link): link is LinkRecord => link !== undefined)
    .map(linkView);
  await context.store.durable();
  return json(200, links);
}
