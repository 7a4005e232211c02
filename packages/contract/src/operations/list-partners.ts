// GET /partners: the partners enrolled in the workspace's default program, filtered, sorted and paginated.

import { defineOperation } from "@dubkit/core";
import * as z from "zod/mini";
import { english } from "../english.js";
import { type EnrolledPartner, enrolledPartner } from "../enrolled-partner.js";
import { PARTNER_SORT_FIELDS, PARTNER_STATUSES } from "../enums.js";
import { pageQuery } from "../pagination.js";

/** The query parameters of GET /partners, in the server's key order; all optional, unknown keys dropped. */
export const listPartnersQuery = z.object({
  /** Only partners whose enrollment has this status. Default: every status. */
  status: z.optional(z.enum(PARTNER_STATUSES)),
  /** Sort by this field. Default `totalSaleAmount`. */
  sortBy: z.optional(z.enum(PARTNER_SORT_FIELDS)),
  /** Sort direction. Default `desc`. */
  sortOrder: z.optional(z.enum(["asc", "desc"])),
  ...pageQuery(100),
  /** Only partners in this group (`grp_…`). */
  groupId: z.optional(z.string()),
  /** Only partners from this country (2-letter code). */
  country: z.optional(z.string()),
  /** Only the partner with this email (exact match; `search` is then ignored). */
  email: z.optional(z.string()),
  /** Only the partner with this ID in your system. */
  tenantId: z.optional(z.string()),
  /** Search by email (when it contains `@`), partner ID (`pn_…`), or words of the name, email or company name. */
  search: z.optional(z.string()),
});

/** The query of GET /partners, as a caller passes it. */
export type ListPartnersQuery = z.input<typeof listPartnersQuery>;

/** The 200 body of GET /partners: one page of partners. */
export const listPartnersResponse = z.array(enrolledPartner);

/** A partner as GET /partners lists it. */
export type Partner = EnrolledPartner;

/** `GET /partners`. */
export const listPartnersOperation = defineOperation<ListPartnersQuery, Partner[]>({
  id: "listPartners",
  method: "GET",
  path: "/partners",
  query: english(listPartnersQuery),
  response: english(listPartnersResponse),
});
