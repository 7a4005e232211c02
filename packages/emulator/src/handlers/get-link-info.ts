// GET /links/info (apps/web/app/api/links/info/route.ts; not a partner-program route): the workspace's link by
// domain and key (or by id, or by `ext_`-prefixed externalId), with its tags. Any plan and role with `links.read`;
// the 200 carries the rate-limit headers. `includeUser` is accepted but adds nothing: the emulator keeps no users.
import type * as z from "zod/mini";
import { DubApiError } from "../dub-error.js";
import { verifyFolderAccess } from "../folder-access.js";
import { linkInfoQuery } from "../link-info-query.js";
import { fullLinkView } from "../link-view.js";
import type { LinkRecord } from "../records.js";
import { type ApiResponse, json, type RouteContext } from "../route-context.js";
import { parseOrThrow, searchParamsRecord } from "../validation.js";

/** A Dub error whose `doc_url` is a page of its own rather than the errors page. */
class DocumentedError extends DubApiError {
  constructor(
    code: "bad_request",
    message: string,
    private readonly docUrl: string,
  ) {
    super(code, message);
  }

  override toBody() {
    return { error: { ...super.toBody().error, doc_url: this.docUrl } };
  }
}

/** `getLinkOrThrow`: by id or `ext_` externalId when given, else by domain and key (`_root` without a key). */
function findLink(context: RouteContext, query: z.output<typeof linkInfoQuery>): LinkRecord {
  const { store, workspace } = context;
  const linkId = query.linkId || query.externalId || undefined;
  let link: LinkRecord | undefined;
  if (linkId) {
    link = linkId.startsWith("ext_")
      ? store.linkByExternalId(workspace.id, linkId.replace("ext_", ""))
      : store.links.get(linkId);
  } else if (query.domain) {
    link = store.linkByDomainKey(query.domain, query.key || "_root");
  }
  if (!link) {
    if (query.externalId && !query.externalId.startsWith("ext_")) {
      throw new DubApiError("bad_request", "Invalid externalId. Did you forget to prefix it with `ext_`?");
    }
    throw new DubApiError("not_found", "Link not found.");
  }
  if (link.workspaceId !== workspace.id) {
    const id = workspace.id.startsWith("ws_") ? workspace.id : `ws_${workspace.id}`;
    throw new DubApiError("unauthorized", `Link does not belong to workspace ${id}.`);
  }
  return link;
}

export async function getLinkInfoHandler(context: RouteContext): Promise<ApiResponse> {
  const query = parseOrThrow(linkInfoQuery, searchParamsRecord(context.url.searchParams));
  if (!query.domain && !query.key && !query.linkId && !query.externalId) {
    throw new DocumentedError(
      "bad_request",
      "You must provide a domain and a key or a linkId or an externalId to retrieve a link.",
      "https://dub.co/docs/api-reference/endpoint/retrieve-a-link",
    );
  }
  const link = findLink(context, query);
  const folderId = link.folderId === undefined ? context.workspace.program?.defaultFolderId : link.folderId;
  if (folderId) verifyFolderAccess(context.directory, context.workspace, folderId, "folders.read");
  await context.store.durable();
  return json(200, fullLinkView(link, context.workspace), false, context.rateLimitHeaders);
}
