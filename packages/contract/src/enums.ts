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

/** `sortBy` values GET /partners still accepts from older clients (undocumented), each sorting as `LEGACY_PARTNER_SORT_TARGETS` says. */
export const LEGACY_PARTNER_SORT_FIELDS = [
  "clicks",
  "leads",
  "conversions",
  "sales",
  "saleAmount",
  "totalSales",
] as const;
/** One of the values in `LEGACY_PARTNER_SORT_FIELDS`. */
export type LegacyPartnerSortField = (typeof LEGACY_PARTNER_SORT_FIELDS)[number];

/** The field the server really sorts by for each legacy `sortBy` value (note `sales` sorts by revenue). */
export const LEGACY_PARTNER_SORT_TARGETS: Readonly<Record<LegacyPartnerSortField, PartnerSortField>> = {
  clicks: "totalClicks",
  leads: "totalLeads",
  conversions: "totalConversions",
  sales: "totalSaleAmount",
  saleAmount: "totalSaleAmount",
  totalSales: "totalSaleAmount",
};

/** Sort directions. */
export const SORT_ORDERS = ["asc", "desc"] as const;
/** One of the values in `SORT_ORDERS`. */
export type SortOrder = (typeof SORT_ORDERS)[number];

/** When a rejected applicant may apply again. */
export const REAPPLICATION_TIMEFRAMES = ["instant", "standard", "never"] as const;
/** One of the values in `REAPPLICATION_TIMEFRAMES`. */
export type ReapplicationTimeframe = (typeof REAPPLICATION_TIMEFRAMES)[number];

/** The shapes GET /partners/analytics can return, chosen by its `groupBy` parameter. */
export const PARTNER_ANALYTICS_GROUP_BY = ["top_links", "timeseries", "count"] as const;
/** One of the values in `PARTNER_ANALYTICS_GROUP_BY`. */
export type PartnerAnalyticsGroupBy = (typeof PARTNER_ANALYTICS_GROUP_BY)[number];

/** The preset time windows of Dub's analytics. */
export const ANALYTICS_INTERVALS = ["24h", "7d", "30d", "90d", "1y", "mtd", "qtd", "ytd", "all"] as const;
/** One of the values in `ANALYTICS_INTERVALS`. */
export type AnalyticsInterval = (typeof ANALYTICS_INTERVALS)[number];

/** The colors a link tag can have. */
export const LINK_TAG_COLORS = ["red", "yellow", "green", "blue", "purple", "brown", "gray", "pink"] as const;
/** One of the values in `LINK_TAG_COLORS`. */
export type LinkTagColor = (typeof LINK_TAG_COLORS)[number];

/** The platforms a partner can link to their profile (website and social accounts). */
export const PARTNER_PLATFORM_TYPES = [
  "website",
  "youtube",
  "twitter",
  "linkedin",
  "instagram",
  "tiktok",
] as const;
/** One of the values in `PARTNER_PLATFORM_TYPES`. */
export type PartnerPlatformType = (typeof PARTNER_PLATFORM_TYPES)[number];
