// POST /partners/links (partners-program-behavior.md §4.1): the default program before the body, then validation,
// the program's domain and URL, the partner (after the program checks), the group and its URL rules, the link; a
// 201 without rate-limit headers.
import { createPartnerLinkBody } from "@dubkit/contract";
import { internalServerError } from "../dub-error.js";
import { enrollmentOrNotFound, requirePartnerIdentity } from "../enrollment-lookup.js";
import { fullLinkView } from "../link-view.js";
import { newPartnerLink } from "../partner-link-create.js";
import { partnerGroupOf, programWithSite } from "../partner-link-target.js";
import { validatePartnerLinkUrl } from "../partner-link-url.js";
import { type ApiResponse, defaultProgram, json, jsonBody, type RouteContext } from "../route-context.js";
import { parseOrThrow } from "../validation.js";

export async function createPartnerLinkHandler(context: RouteContext): Promise<ApiResponse> {
  const defaultProgramOfWorkspace = defaultProgram(context);
  const body = parseOrThrow(createPartnerLinkBody, jsonBody(context));
  // getProgramOrThrow cannot fail here: the default program is the workspace's own.
  const program = programWithSite(defaultProgramOfWorkspace, "creating a link");
  requirePartnerIdentity(body);
  const enrollment = enrollmentOrNotFound(context.store, program.id, body);
  const group = partnerGroupOf(context.directory, enrollment);
  validatePartnerLinkUrl(group, body.url);
  const url = body.url || group.defaultLinks[0]?.url;
  // The server reads `partnerGroupDefaultLinks[0].url` of an empty list: a TypeError, answered as its generic 500.
  if (!url) throw internalServerError();
  const link = newPartnerLink(context, program, enrollment, group, {
    url,
    key: body.key,
    linkProps: body.linkProps,
  });
  await context.store.commit([{ type: "link", link }]);
  return json(201, fullLinkView(link, context.workspace), true);
}
