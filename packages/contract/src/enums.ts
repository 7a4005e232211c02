// The value lists of Dub's partner-program API, each written once: request schemas take them strictly, response
// schemas openly (see lenient.ts), and the emulator and CLI read them from here.

/** Statuses of a partner's enrollment in a program. */
export const PARTNER_STATUSES = [
  "pending",
  "approved",
  "rejected",
  "invited",
  "declined",
  "deactivated",
  "banned",
  "archived",
] as const;
/** One of the values in `PARTNER_STATUSES`: the status of an enrollment. */
export type PartnerStatus = (typeof PARTNER_STATUSES)[number];

/** A partner's Dub-wide network status (not the enrollment's). */
export const NETWORK_STATUSES = ["draft", "submitted", "approved", "rejected", "trusted"] as const;
/** One of the values in `NETWORK_STATUSES`. */
export type NetworkStatus = (typeof NETWORK_STATUSES)[number];

/** How a partner is paid out. */
export const PAYOUT_METHODS = ["connect", "stablecoin", "paypal", "tremendous"] as const;
/** One of the values in `PAYOUT_METHODS`. */
export type PayoutMethod = (typeof PAYOUT_METHODS)[number];

/** Why a partner was banned. */
export const BAN_REASONS = [
  "tos_violation",
  "inappropriate_content",
  "fake_traffic",
  "fraud",
  "spam",
  "brand_abuse",
] as const;
/** One of the values in `BAN_REASONS`. */
export type BanReason = (typeof BAN_REASONS)[number];

/** Why an application was rejected. */
export const REJECTION_REASONS = [
  "needsMoreDetail",
  "doesNotMeetRequirements",
  "notTheRightFit",
  "other",
] as const;
/** One of the values in `REJECTION_REASONS`. */
export type RejectionReason = (typeof REJECTION_REASONS)[number];

/** Fields GET /partners can sort by. */
export const PARTNER_SORT_FIELDS = [
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
] as const;
/** One of the values in `PARTNER_SORT_FIELDS`. */
export type PartnerSortField = (typeof PARTNER_SORT_FIELDS)[number];
