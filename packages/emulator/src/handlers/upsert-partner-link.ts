// PUT /partners/links/upsert (partners-program-behavior.md §6): the default program, the body, the partner named
// (before the program checks, unlike POST), the program's domain and URL, the partner, the group and its URL rules,
// then the link with this URL: updated (or left alone), else created. Every 200 carries the rate-limit headers.
import { upsertPartnerLinkBody } from "@dubkit/contract";
import { enrollmentOrNotFound, requirePartnerIdentity } from "../enrollment-lookup.js";
import { fullLinkView } from "../link-view.js";
import { newPartnerLink } from "../partner-link-create.js";
import { partnerGroupOf, programWithSite } from "../partner-link-target.js";
import { updatePartnerLink } from "../partner-link-update.js";
import { validatePartnerLinkUrl } from "../partner-link-url.js";
import type { LinkRecord } from "../records.js";
import { type ApiResponse, defaultProgram, json, jsonBody, type RouteContext } from "../route-context.js";
import type { Store } from "../store.js";
import { parseOrThrow } from "../validation.js";

/**
 * `findFirst({ programId, partnerId: <body partnerId>, url })`: the body's `partnerId`, not the enrollment's, so a
 * request naming the partner by `tenantId` alone matches any link of the program with that URL (another partner's
 * too, which the update then hands to this partner); an explicit null matches only links without a partner.
 */
function linkWithUrl(
  store: Store,
  programId: string,
  partnerId: string | null | undefined,
  url: string,
): LinkRecord | undefined {
  return store
    .linksWithUrl(programId, url)
    .find((link) => partnerId === undefined || link.partnerId === partnerId);
}

export async function upsertPartnerLinkHandler(context: RouteContext): Promise<ApiResponse> {
  const defaultProgramOfWorkspace = defaultProgram(context);
  const body = parseOrThrow(upsertPartnerLinkBody, jsonBody(context));
  requirePartnerIdentity(body);
  const program = programWithSite(defaultProgramOfWorkspace, "upserting a partner link");
  const enrollment = enrollmentOrNotFound(context.store, program.id, body);
  const group = partnerGroupOf(context.directory, enrollment);
  validatePartnerLinkUrl(group, body.url);
  const existing = linkWithUrl(context.store, program.id, body.partnerId, body.url);
  if (existing) {
    const { link, patch } = updatePartnerLink(context, program, enrollment, existing, body);
    if (patch) await context.store.commit([{ type: "link-update", id: link.id, patch }]);
    else await context.store.durable();
    return json(200, fullLinkView(link, context.workspace), patch !== undefined, context.rateLimitHeaders);
  }
  const link = newPartnerLink(context, program, enrollment, group, {
    url: body.url,
    key: body.key,
    linkProps: body.linkProps,
  });
  await context.store.commit([{ type: "link", link }]);
  return json(200, fullLinkView(link, context.workspace), true, context.rateLimitHeaders);
}
