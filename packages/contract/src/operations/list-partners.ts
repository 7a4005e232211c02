// GET /partners: the partners enrolled in the workspace's default program, filtered, sorted and paginated. The
// query is the one the server parses (`getPartnersQuerySchemaExtended` plus the legacy `sortBy` values), the
// dashboard's undocumented parameters included.

import { defineOperation, type Operation } from "@dubkit/core";
import * as z from "zod/mini";
import { english } from "../english.js";
import { enrolledPartnerShape, partnerTag } from "../enrolled-partner.js";
import { LEGACY_PARTNER_SORT_FIELDS, PARTNER_SORT_FIELDS, PARTNER_STATUSES, SORT_ORDERS } from "../enums.js";
import { lenientObject } from "../lenient.js";
import { listFilter } from "../list-filter.js";
import type { ObjectSchema } from "../object-schema.js";
import { pageNumber, pageSizeNumber } from "../pagination.js";
import { partnerPlatform } from "../partner-platform.js";
import { queryBoolean, queryCount } from "../query-values.js";

const optionalCount = () => z.optional(queryCount());

const listPartnersQueryShape = {
  /**
   * Only partners in these groups: a group ID (`grp_…`), a comma list, or an array. Start with `-` to exclude
   * instead (`-grp_1,grp_2`); excluding also keeps partners in no group. An array is sent comma-joined, so its
   * items cannot contain commas.
   */
  groupId: listFilter(),
  /** Only partners whose enrollment has this status. Default: every status. */
  status: z.optional(z.enum(PARTNER_STATUSES)),
  /**
   * Only partners from these countries (2-letter codes): one, a comma list (`US,BR`), or an array. Start with `-`
   * to exclude instead (`-US`); excluding also keeps partners with no country.
   */
  country: listFilter(),
  /**
   * Sort by this field. Default `totalSaleAmount`. The legacy values `clicks`, `leads`, `conversions`, `sales`,
   * `saleAmount` and `totalSales` are accepted too (see `LEGACY_PARTNER_SORT_TARGETS`; `sales` sorts by revenue).
   * Ties come back in no defined order.
   */
  sortBy: z.union([
    z._default(z.enum(PARTNER_SORT_FIELDS), "totalSaleAmount"),
    z.enum(LEGACY_PARTNER_SORT_FIELDS),
  ]),
  /** Sort direction. Default `desc`. */
  sortOrder: z._default(z.enum(SORT_ORDERS), "desc"),
  /** Only the partner with this email (exact match). When set, `search` is ignored; `""` means no filter. */
  email: z.optional(z.string()),
  /**
   * Only the partner with this ID in your system (exact match). It is combined with `email` and `search` (all must
   * match), although Dub's documentation says it takes precedence over them.
   */
  tenantId: z.optional(z.string()),
  /**
   * Search: an email (when it contains `@`) or a partner ID (`pn_…`) matches exactly; anything else is a
   * full-text search on whole words of the name, email and company name.
   */
  search: z.optional(z.string()),
  /** The page to return, from 1. Default 1. */
  page: pageNumber(),
  /** Partners per page, from 1 to 100. Default 100 (sent explicitly). */
  pageSize: pageSizeNumber(100),
  /**
   * Only these partners (Dub IDs): a comma list or an array, no `-` exclusion. Undocumented (Dub's dashboard uses
   * it).
   */
  partnerIds: listFilter(),
  /**
   * Only partners with at least one of these partner tags: a tag ID, a comma list or an array; start with `-` to
   * keep only partners with none of them. Undocumented (Dub's dashboard uses it).
   */
  partnerTagId: listFilter(),
  /** Only partners referred by this partner (Dub ID). Undocumented (Dub's dashboard uses it). */
  referredByPartnerId: z.optional(z.string()),
  /** Add each partner's linked website and social accounts (`platforms`). Undocumented (Dub's dashboard uses it). */
  includePartnerPlatforms: z.optional(queryBoolean()),
  /** Only partners with at least this many clicks (inclusive; a minimum above its maximum is swapped). Undocumented. */
  totalClicksMin: optionalCount(),
  /** Only partners with at most this many clicks (inclusive). Undocumented. */
  totalClicksMax: optionalCount(),
  /** Only partners with at least this many leads (inclusive). Undocumented. */
  totalLeadsMin: optionalCount(),
  /** Only partners with at most this many leads (inclusive). Undocumented. */
  totalLeadsMax: optionalCount(),
  /** Only partners with at least this many conversions (inclusive). Undocumented. */
  totalConversionsMin: optionalCount(),
  /** Only partners with at most this many conversions (inclusive). Undocumented. */
  totalConversionsMax: optionalCount(),
  /** Only partners with at least this much revenue, in cents (inclusive). Undocumented. */
  totalSaleAmountMin: optionalCount(),
  /** Only partners with at most this much revenue, in cents (inclusive). Undocumented. */
  totalSaleAmountMax: optionalCount(),
  /** Only partners earning at least this much commission, in cents (inclusive). Undocumented. */
  totalCommissionsMin: optionalCount(),
  /** Only partners earning at most this much commission, in cents (inclusive). Undocumented. */
  totalCommissionsMax: optionalCount(),
};

/**
 * The query parameters of GET /partners, all optional, in the server's key order: only `status`, `sortBy`,
 * `sortOrder`, `page`, `pageSize`, `includePartnerPlatforms` and the metric bounds can be refused, and the server
 * reports the first of them. Unknown keys are dropped. The output is what gets sent: the server's defaults filled in
 * (`sortBy`, `sortOrder`, `pageSize`), list filters comma-joined.
 */
export const listPartnersQuery: ObjectSchema<typeof listPartnersQueryShape> =
  z.object(listPartnersQueryShape);

/** The query of GET /partners, as a caller passes it. */
export type ListPartnersQuery = z.input<typeof listPartnersQuery>;

/** What GET /partners adds to an enrolled partner, or types differently. */
const listedPartnerFields = {
  /**
   * The tags the program put on the partner (possibly none). GET /partners always sends them; a listing without
   * them (an older emulator) reads as none rather than failing the call.
   */
  tags: z._default(z.array(partnerTag), () => []),
  /** @deprecated Use `totalClicks`: the same number. */
  clicks: z.optional(z.number()),
  /** @deprecated Use `totalLeads`: the same number. */
  leads: z.optional(z.number()),
  /** @deprecated Use `totalConversions`: the same number. */
  conversions: z.optional(z.number()),
  /** @deprecated Use `totalSales`: the same number. */
  sales: z.optional(z.number()),
  /** @deprecated Use `totalSaleAmount`: the same amount, in cents. */
  saleAmount: z.optional(z.number()),
  /** The partner's linked website and social accounts; only with `includePartnerPlatforms: true`. */
  platforms: z.optional(z.array(partnerPlatform)),
};

/** An enrolled partner's fields and the listing's (declared as a type: a spread loses documentation). */
type ListedPartnerShape = Omit<typeof enrolledPartnerShape, keyof typeof listedPartnerFields> &
  typeof listedPartnerFields;

const listedPartnerShape: ListedPartnerShape = { ...enrolledPartnerShape, ...listedPartnerFields };

/** A partner as GET /partners lists it: an enrolled partner with its tags, and the deprecated stat copies. */
export const listedPartner: ObjectSchema<ListedPartnerShape> = lenientObject(listedPartnerShape);

/** A partner as GET /partners lists it. */
export type Partner = z.output<typeof listedPartner>;

/** The 200 body of GET /partners: one page of partners (no total count). */
export const listPartnersResponse = z.array(listedPartner);

/** `GET /partners`. */
export const listPartnersOperation: Operation<ListPartnersQuery, Partner[]> = defineOperation<
  ListPartnersQuery,
  Partner[]
>({
  id: "listPartners",
  method: "GET",
  path: "/partners",
  query: english(listPartnersQuery),
  response: english(listPartnersResponse),
});
