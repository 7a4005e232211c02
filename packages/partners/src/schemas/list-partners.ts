// GET /partners: the query it accepts and the list it returns.

import {
  array,
  enumOf,
  gt,
  type Infer,
  type Input,
  lte,
  number,
  object,
  optional,
  string,
} from "@dubkit/core/schema";
import { enrolledPartner } from "./enrolled-partner.js";
import { PARTNER_STATUSES } from "./partner-status.js";

/** The query parameters of GET /partners; all optional. Unknown keys are dropped. */
export const listPartnersQuery = object({
  groupId: optional(string()),
  status: optional(enumOf(PARTNER_STATUSES)),
  country: optional(string()),
  sortBy: optional(
    enumOf([
      "createdAt",
      "totalClicks",
      "totalLeads",
      "totalConversions",
      "totalSaleAmount",
      "totalCommissions",
      "netRevenue",
      "earningsPerClick",
      "averageLifetimeValue",
      "clickToLeadRate",
      "clickToConversionRate",
      "leadToConversionRate",
      "returnOnAdSpend",
    ]),
  ),
  sortOrder: optional(enumOf(["asc", "desc"])),
  email: optional(string()),
  tenantId: optional(string()),
  search: optional(string()),
  page: optional(number(gt(0))),
  pageSize: optional(number(gt(0), lte(100))),
});

/** The query of GET /partners, as a caller passes it. */
export type ListPartnersQuery = Input<typeof listPartnersQuery>;

/** The 200 body of GET /partners: one page of partners (same fields as {@link enrolledPartner}). */
export const listPartnersResponse = array(enrolledPartner);

/** One page of partners from GET /partners. */
export type ListPartnersResponse = Infer<typeof listPartnersResponse>;

/** A partner as GET /partners lists it: the same shape as the partner POST /partners returns. */
export type Partner = ListPartnersResponse[number];
