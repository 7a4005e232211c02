// GET /partners: the partners enrolled in the workspace's default program, filtered, sorted and paginated.
import { defineOperation, type RequestOptions } from "@dubkit/core";
import type { DubCore } from "../dub-core.js";
import { PagePromise } from "../pagination.js";
// From the schema's own file, not the schemas.ts barrel: the build then gives each operation a chunk of its own.
import {
  type ListPartnersQuery,
  listPartnersQuery,
  listPartnersResponse,
  type Partner,
} from "../schemas/list-partners.js";

/** The operation definition: method, path, query and response schemas. */
export const listPartnersOperation = defineOperation({
  id: "listPartners",
  method: "GET",
  path: "/partners",
  query: listPartnersQuery,
  response: listPartnersResponse,
});

/** The server's page size when the query sets none. */
const DEFAULT_PAGE_SIZE = 100;

/**
 * Lists partners. Await the result for one page (`page.data`), or iterate it with `for await` to walk every
 * partner across all pages; `.iterPages()` walks page by page.
 */
export function listPartners(
  client: DubCore,
  query: ListPartnersQuery = {},
  options?: RequestOptions,
): PagePromise<Partner> {
  return new PagePromise(query.page ?? 1, query.pageSize ?? DEFAULT_PAGE_SIZE, (page) =>
    client.transport.request(listPartnersOperation, { ...query, page }, options),
  );
}
