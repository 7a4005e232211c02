// The standalone operations: one function per endpoint, taking a `DubCore`, for the smallest bundles. Each loads
// its definition (method, path, schemas, retry class) from @dubkit/contract on first use. Adding an operation is
// one line here and one line on its resource.

import type { CreatePartnerRequest, EnrolledPartner, ListPartnersQuery, Partner } from "@dubkit/contract";
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

/** The request accepted by {@link createPartner}: the current API's fields, plus the seed-era `programId`. */
export type CreatePartnerInput = CreatePartnerRequest & {
  /**
   * @deprecated The program is now the workspace's default program; the server ignores this field, and dubkit
   * drops it (with a one-time warning) before sending.
   */
  programId?: string | undefined;
};

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
  body: CreatePartnerInput,
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
