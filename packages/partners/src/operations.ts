// The standalone operations: one function per endpoint, taking a `DubCore`, for the smallest bundles. Each loads
// its definition (method, path, schemas, retry class) from @dubkit/contract on first use. Adding an operation is
// one statement here and one method on its resource.

import type {
  CreatePartnerRequest,
  EnrolledPartner,
  ListPartnerApplicationsQuery,
  ListPartnersQuery,
  Partner,
  PartnerAnalyticsGroupBy,
  PartnerAnalyticsResult,
  PartnerApplication,
  RetrievePartnerAnalyticsQuery,
} from "@dubkit/contract";
import type { RequestOptions } from "@dubkit/core";
import { warnOnce } from "./deprecation.js";
import type { DubCore } from "./dub-core.js";
import { lazyOperation } from "./lazy-operation.js";
import { PagePromise } from "./pagination.js";

const create = lazyOperation(() =>
  import("@dubkit/contract/operations/create-partner").then((m) => m.createPartnerOperation),
);
const list = lazyOperation(() =>
  import("@dubkit/contract/operations/list-partners").then((m) => m.listPartnersOperation),
);

/** The seed-era `programId`, still accepted by {@link createPartner} so code written for it compiles. */
interface DeprecatedProgramId {
  /**
   * @deprecated The program is now the workspace's default program; the server ignores this field, and dubkit
   * drops it (with a one-time warning) before sending.
   */
  programId?: string | undefined;
}

/**
 * Creates a partner and enrolls it in the workspace's default program (`POST /partners`). If the email (or
 * `tenantId`) is already enrolled, the server returns that enrollment unchanged (or with its `tenantId` updated),
 * also with 201, so a retry is always safe. Check that the returned `email` is the one you sent: a `tenantId` that
 * belongs to another partner returns that partner.
 *
 * @throws InvalidRequestError before sending if `body` breaks the server's rules (the error names the field).
 * @throws Conflict (409) if `tenantId` belongs to another partner in the program; other `SDKError`s by status.
 */
export function createPartner(
  client: DubCore,
  body: CreatePartnerRequest & DeprecatedProgramId,
  options?: RequestOptions,
): Promise<EnrolledPartner> {
  if (body !== null && typeof body === "object" && "programId" in body) {
    warnOnce(
      "DUBKIT_PROGRAM_ID",
      "`programId` is ignored: partners join the workspace's default program. dubkit drops it.",
    );
  }
  return create(client, body, options);
}

/** The server's page size when the query sets none. */
const DEFAULT_PAGE_SIZE = 100;

/**
 * Lists the program's partners (`GET /partners`). Await the result for one page (`page.data`), or iterate it with
 * `for await` to walk every partner across all pages; `.iterPages()` walks page by page.
 */
export function listPartners(
  client: DubCore,
  query: ListPartnersQuery = {},
  options?: RequestOptions,
): PagePromise<Partner> {
  // Only an object is a query: anything else (null, a string, an array from untyped code) goes to validation as
  // it is, to be refused with an InvalidRequestError, rather than spread into a query of its characters.
  const isQuery = query !== null && typeof query === "object" && !Array.isArray(query);
  return new PagePromise(
    isQuery ? (query.page ?? 1) : 1,
    isQuery ? (query.pageSize ?? DEFAULT_PAGE_SIZE) : DEFAULT_PAGE_SIZE,
    (page) => list(client, isQuery ? { ...query, page } : query, options),
    (partner) => partner.id,
  );
}

/**
 * Creates a short link for a partner (`POST /partners/links`), on the program's domain; the destination defaults
 * to the partner group's first default link. Without a `key`, dubkit draws one (as the server would) before the
 * first attempt, so a retry after a dropped connection meets that key instead of creating a second link.
 *
 * @throws Conflict (409) if `key` (or `linkProps.externalId`) is already taken; BadRequest if the URL's domain is not
 * one of the group's link domains; NotFound if no partner matches.
 */
export const createPartnerLink = /* @__PURE__ */ lazyOperation(() =>
  import("@dubkit/contract/operations/create-partner-link").then((m) => m.createPartnerLinkOperation),
);

/** Lists a partner's links with their stats (`GET /partners/links`), by `partnerId` or `tenantId`. */
export const retrievePartnerLinks = /* @__PURE__ */ lazyOperation(() =>
  import("@dubkit/contract/operations/retrieve-partner-links").then((m) => m.retrievePartnerLinksOperation),
);

/**
 * Creates a partner's link to `url`, or updates the one the partner already has to that URL
 * (`PUT /partners/links/upsert`): safe to retry. Needs the `links.write` permission.
 */
export const upsertPartnerLink = /* @__PURE__ */ lazyOperation(() =>
  import("@dubkit/contract/operations/upsert-partner-link").then((m) => m.upsertPartnerLinkOperation),
);

const analytics = /* @__PURE__ */ lazyOperation(() =>
  import("@dubkit/contract/operations/retrieve-partner-analytics").then(
    (m) => m.retrievePartnerAnalyticsOperation,
  ),
);

/**
 * A partner's analytics (`GET /partners/analytics`): totals (`groupBy: "count"`, the default), buckets over time
 * (`"timeseries"`) or per link (`"top_links"`); the result's type follows `groupBy`. Rate-limited per second.
 */
export function retrievePartnerAnalytics<G extends PartnerAnalyticsGroupBy | undefined = undefined>(
  client: DubCore,
  query: RetrievePartnerAnalyticsQuery & { groupBy?: G },
  options?: RequestOptions,
): Promise<PartnerAnalyticsResult<G>> {
  return analytics(client, query, options) as Promise<PartnerAnalyticsResult<G>>;
}

/**
 * Bans a partner from the program (`POST /partners/ban`), by `partnerId` or `tenantId`, with a `reason`: their links
 * are disabled and pending commissions canceled. Safe to retry: after a dropped connection, a repeat that meets
 * "already banned" resolves as the ban.
 *
 * @throws BadRequest if the partner is pending (not approved yet) or already banned.
 */
export const banPartner = /* @__PURE__ */ lazyOperation(() =>
  import("@dubkit/contract/operations/ban-partner").then((m) => m.banPartnerOperation),
);

/**
 * Deactivates a partner (`POST /partners/deactivate`): their links stop working, commissions and payouts stay. Safe
 * to retry, as {@link banPartner}.
 *
 * @throws BadRequest unless the partner's status is approved or archived.
 */
export const deactivatePartner = /* @__PURE__ */ lazyOperation(() =>
  import("@dubkit/contract/operations/deactivate-partner").then((m) => m.deactivatePartnerOperation),
);

const applications = /* @__PURE__ */ lazyOperation(() =>
  import("@dubkit/contract/operations/list-partner-applications").then(
    (m) => m.listPartnerApplicationsOperation,
  ),
);

/**
 * Lists the program's pending applications (`GET /partners/applications`), newest first. Await the result for one
 * page, or `for await` over it for every application.
 */
export function listPartnerApplications(
  client: DubCore,
  query: ListPartnerApplicationsQuery = {},
  options?: RequestOptions,
): PagePromise<PartnerApplication> {
  return new PagePromise(
    query.page ?? 1,
    query.pageSize ?? DEFAULT_PAGE_SIZE,
    (page) => applications(client, { ...query, page }, options),
    (application) => application.id,
  );
}

/**
 * Approves a pending (or rejected) enrollment (`POST /partners/applications/approve`): the partner joins the group
 * and gets its default links. Safe to retry, as {@link banPartner}.
 */
export const approvePartnerApplication = /* @__PURE__ */ lazyOperation(() =>
  import("@dubkit/contract/operations/approve-partner-application").then(
    (m) => m.approvePartnerApplicationOperation,
  ),
);

/**
 * Rejects a pending enrollment (`POST /partners/applications/reject`), choosing when the partner may apply again.
 * Safe to retry, as {@link banPartner}.
 */
export const rejectPartnerApplication = /* @__PURE__ */ lazyOperation(() =>
  import("@dubkit/contract/operations/reject-partner-application").then(
    (m) => m.rejectPartnerApplicationOperation,
  ),
);
