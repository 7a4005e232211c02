// A partner enrolled in a program, as POST /partners returns it and GET /partners lists it. Parsed
// leniently: unknown fields are kept and enums are open, so an additive API change never turns a
// successful call into an error; a missing required field or a wrong type still is one.

import {
  array,
  type Infer,
  looseObject,
  nullable,
  number,
  openEnum,
  optional,
  string,
  unknown,
} from "@dubkit/core/schema";
import type { PartnerStatus } from "./partner-status.js";

const nullableString = nullable(string());
const optionalString = optional(nullable(string()));
const optionalNumber = optional(nullable(number()));

/** One of the partner's short links, with its stats. */
const partnerLink = looseObject({
  id: string(),
  domain: string(),
  key: string(),
  shortLink: string(),
  url: string(),
  clicks: number(),
  leads: number(),
  conversions: number(),
  sales: number(),
  saleAmount: number(),
});

/** The 201 body of POST /partners (OpenAPI `required` fields required, the rest optional). */
export const enrolledPartner = looseObject({
  id: string(),
  name: string(),
  username: nullableString,
  email: nullableString,
  image: nullableString,
  description: optionalString,
  country: nullableString,
  companyName: nullableString,
  networkStatus: openEnum<"draft" | "submitted" | "approved" | "rejected" | "trusted">(),
  defaultPayoutMethod: nullable(openEnum<"connect" | "stablecoin" | "paypal">()),
  paypalEmail: nullableString,
  stripeConnectId: nullableString,
  payoutsEnabledAt: nullableString,
  identityVerifiedAt: nullableString,
  programId: string(),
  groupId: optionalString,
  partnerId: string(),
  tenantId: nullableString,
  createdAt: string(),
  status: openEnum<PartnerStatus>(),
  links: nullable(array(partnerLink)),
  totalCommissions: number(),
  clickRewardId: optionalString,
  leadRewardId: optionalString,
  saleRewardId: optionalString,
  referralRewardId: optionalString,
  discountId: optionalString,
  applicationId: optionalString,
  bannedAt: optionalString,
  bannedReason: optional(
    nullable(
      openEnum<
        "tos_violation" | "inappropriate_content" | "fake_traffic" | "fraud" | "spam" | "brand_abuse"
      >(),
    ),
  ),
  referralFormData: optional(nullable(looseObject({ fields: array(unknown()) }))),
  application: optional(
    nullable(
      looseObject({
        rejectionReason: nullable(
          openEnum<"needsMoreDetail" | "doesNotMeetRequirements" | "notTheRightFit" | "other">(),
        ),
        rejectionNote: nullableString,
        reviewedAt: nullableString,
      }),
    ),
  ),
  tags: optional(array(looseObject({ id: string(), name: string() }))),
  totalClicks: number(),
  totalLeads: number(),
  totalConversions: number(),
  totalSales: number(),
  totalSaleAmount: number(),
  netRevenue: number(),
  earningsPerClick: optionalNumber,
  averageLifetimeValue: optionalNumber,
  clickToLeadRate: optionalNumber,
  clickToConversionRate: optionalNumber,
  leadToConversionRate: optionalNumber,
  returnOnAdSpend: optionalNumber,
  website: optionalString,
  youtube: optionalString,
  twitter: optionalString,
  linkedin: optionalString,
  instagram: optionalString,
  tiktok: optionalString,
  /** @deprecated Dub no longer uses this field. */
  trustedAt: optionalString,
});

/** A partner enrolled in the workspace's program, as POST /partners returns it. */
export type EnrolledPartner = Infer<typeof enrolledPartner>;
