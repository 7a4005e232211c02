// A partner enrolled in a program (`EnrolledPartnerSchema`), as POST /partners returns it and GET /partners lists
// it. Parsed leniently (see lenient.ts); a missing required field or a wrong type is still an error.

import * as z from "zod/mini";
import {
  BAN_REASONS,
  NETWORK_STATUSES,
  PARTNER_STATUSES,
  PAYOUT_METHODS,
  REJECTION_REASONS,
} from "./enums.js";
import { lenientObject, openEnum } from "./lenient.js";
import type { ObjectSchema } from "./object-schema.js";
import { partnerLink } from "./partner-link.js";

const nullableString = () => z.nullable(z.string());
const optionalString = () => z.optional(z.nullable(z.string()));
const optionalNumber = () => z.optional(z.nullable(z.number()));

const partnerTagShape = {
  /** The tag's ID. */
  id: z.string(),
  /** The tag's name. */
  name: z.string(),
};

/** A tag a program put on a partner. */
export const partnerTag: PartnerTagSchema = lenientObject(partnerTagShape);

/** The schema type of `partnerTag` (named, so other modules' declarations keep its documentation). */
export type PartnerTagSchema = ObjectSchema<typeof partnerTagShape>;

/** A tag a program put on a partner. */
export type PartnerTag = z.output<typeof partnerTag>;

const referralFormDataShape = {
  /** The form's fields and answers. */
  fields: z.array(z.unknown()),
};

/** The answers of a partner's referral form. */
const referralFormData: ObjectSchema<typeof referralFormDataShape> = lenientObject(referralFormDataShape);

const applicationReviewShape = {
  /** The preset reason, when the application was rejected. */
  rejectionReason: z.nullable(openEnum(REJECTION_REASONS)),
  /** The free-form note, when the application was rejected. */
  rejectionNote: nullableString(),
  /** When the application was approved or rejected (ISO 8601). */
  reviewedAt: nullableString(),
};

/** A partner's program application and its review. */
const applicationReview: ObjectSchema<typeof applicationReviewShape> = lenientObject(applicationReviewShape);

/** The fields of an enrolled partner, shared by every response that returns one. */
export const enrolledPartnerShape = {
  /** The partner's unique ID on Dub (`pn_…`). */
  id: z.string(),
  /** The partner's full legal name (the email when none was given). */
  name: z.string(),
  /** The partner's unique username on Dub. */
  username: nullableString(),
  /** The partner's email address, unique across Dub. */
  email: nullableString(),
  /** The partner's avatar image. */
  image: nullableString(),
  /** A brief description of the partner and their background. */
  description: optionalString(),
  /** The partner's country (required for tax purposes). */
  country: nullableString(),
  /** If the partner profile is a company, its legal company name. */
  companyName: nullableString(),
  /** The partner's network status on Dub (not the enrollment's status). */
  networkStatus: openEnum(NETWORK_STATUSES),
  /** The partner's default payout method: `connect` (Stripe Connect), `stablecoin` (USDC), `paypal`. */
  defaultPayoutMethod: z.nullable(openEnum(PAYOUT_METHODS)),
  /** The partner's PayPal email, for PayPal payouts. */
  paypalEmail: nullableString(),
  /** The partner's Stripe Connect ID, for Stripe payouts. */
  stripeConnectId: nullableString(),
  /** When the partner enabled payouts (ISO 8601). */
  payoutsEnabledAt: nullableString(),
  /** When the partner's identity was verified (ISO 8601). */
  identityVerifiedAt: nullableString(),
  /** The program's unique ID on Dub (`prog_…`). */
  programId: z.string(),
  /** The partner's group in the program (`grp_…`). */
  groupId: optionalString(),
  /** The partner's unique ID on Dub (same as `id`). */
  partnerId: z.string(),
  /** The partner's ID in your own system, for finding and updating them later. */
  tenantId: nullableString(),
  /** When the partner was enrolled in the program, or approved (ISO 8601). */
  createdAt: z.string(),
  /** The status of the partner's enrollment in the program. */
  status: openEnum(PARTNER_STATUSES),
  /** The partner's referral links in this program. */
  links: z.nullable(z.array(partnerLink)),
  /** The total commissions paid to the partner for their referrals, in cents. */
  totalCommissions: z.number(),
  /** The click reward that applies to the partner (from their group). */
  clickRewardId: optionalString(),
  /** The lead reward that applies to the partner (from their group). */
  leadRewardId: optionalString(),
  /** The sale reward that applies to the partner (from their group). */
  saleRewardId: optionalString(),
  /** The referral reward that applies to the partner (from their group). */
  referralRewardId: optionalString(),
  /** The discount the partner's referrals get (from their group). */
  discountId: optionalString(),
  /** If the partner applied to join the program, the ID of the application. */
  applicationId: optionalString(),
  /** If the partner was banned from the program, when (ISO 8601). */
  bannedAt: optionalString(),
  /** If the partner was banned from the program, why. */
  bannedReason: z.optional(z.nullable(openEnum(BAN_REASONS))),
  /** The answers of the partner's referral form, when there was one. */
  referralFormData: z.optional(z.nullable(referralFormData)),
  /** The partner's program application, with its review outcome when it was reviewed. */
  application: z.optional(z.nullable(applicationReview)),
  /** The tags associated with the partner in this program (GET /partners always lists them). */
  tags: z.optional(z.array(partnerTag)),
  /** Clicks on the partner's links. */
  totalClicks: z.number(),
  /** Leads generated by the partner's links. */
  totalLeads: z.number(),
  /** Leads that converted to paying customers. */
  totalConversions: z.number(),
  /** Sales generated by the partner's links, recurring sales included. */
  totalSales: z.number(),
  /** Revenue generated by the partner's links, in cents. */
  totalSaleAmount: z.number(),
  /** Net revenue after commissions (total revenue − total commissions), in cents. */
  netRevenue: z.number(),
  /** Earnings per click (total revenue ÷ total clicks). */
  earningsPerClick: optionalNumber(),
  /** Average lifetime value of each paying customer (total revenue ÷ total conversions). */
  averageLifetimeValue: optionalNumber(),
  /** Share of clicks that become leads (total leads ÷ total clicks). */
  clickToLeadRate: optionalNumber(),
  /** Share of clicks that convert to paying customers (total conversions ÷ total clicks). */
  clickToConversionRate: optionalNumber(),
  /** Share of leads that convert to paying customers (total conversions ÷ total leads). */
  leadToConversionRate: optionalNumber(),
  /** Return on ad spend (total revenue ÷ total commissions). */
  returnOnAdSpend: optionalNumber(),
  /** The partner's website URL (with the https protocol). */
  website: optionalString(),
  /** The partner's YouTube channel username (e.g. `johndoe`). */
  youtube: optionalString(),
  /** The partner's Twitter username (e.g. `johndoe`). */
  twitter: optionalString(),
  /** The partner's LinkedIn username (e.g. `johndoe`). */
  linkedin: optionalString(),
  /** The partner's Instagram username (e.g. `johndoe`). */
  instagram: optionalString(),
  /** The partner's TikTok username (e.g. `johndoe`). */
  tiktok: optionalString(),
  /** @deprecated Use `networkStatus` instead. */
  trustedAt: optionalString(),
};

/** A partner enrolled in the workspace's program, as POST /partners returns it. */
export const enrolledPartner: ObjectSchema<typeof enrolledPartnerShape> = lenientObject(enrolledPartnerShape);

/** A partner enrolled in the workspace's program, as POST /partners returns it. */
export type EnrolledPartner = z.output<typeof enrolledPartner>;
