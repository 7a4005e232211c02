// The response shape of `POST /partners` and of each `GET /partners` item: partner fields, overridden by the
// enrollment's (so `createdAt` is the enrollment's), the partner's id, its links and its stats, in the
// OpenAPI document's key order. `tags`, `referralFormData` and `application` are absent, as on the server.
import type { EnrolledPartner, PartnerLink } from "@dubkit/contract";
import { ZERO_METRICS } from "./enrollment-metrics.js";
import type { EnrollmentRecord, LinkRecord, PartnerRecord } from "./records.js";

/** Renders a link as the API does, with its stored all-time counters. */
export function linkView(link: LinkRecord): PartnerLink {
  return {
    id: link.id,
    domain: link.domain,
    key: link.key,
    shortLink: `https://${link.domain}/${link.key}`,
    url: link.url,
    clicks: link.stats?.clicks ?? 0,
    leads: link.stats?.leads ?? 0,
    conversions: link.stats?.conversions ?? 0,
    sales: link.stats?.sales ?? 0,
    saleAmount: link.stats?.saleAmount ?? 0,
  };
}

/** Renders partner + enrollment + links as the API does. */
export function enrolledPartnerView(
  partner: PartnerRecord,
  enrollment: EnrollmentRecord,
  links: LinkRecord[],
): EnrolledPartner {
  const metrics = enrollment.metrics ?? ZERO_METRICS;
  return {
    id: partner.id,
    name: partner.name,
    username: partner.username,
    email: partner.email,
    image: partner.image,
    description: partner.description,
    country: partner.country,
    companyName: partner.companyName,
    networkStatus: partner.networkStatus,
    defaultPayoutMethod: partner.defaultPayoutMethod,
    paypalEmail: partner.paypalEmail,
    stripeConnectId: partner.stripeConnectId,
    payoutsEnabledAt: partner.payoutsEnabledAt,
    identityVerifiedAt: partner.identityVerifiedAt,
    programId: enrollment.programId,
    groupId: enrollment.groupId,
    partnerId: partner.id,
    tenantId: enrollment.tenantId,
    createdAt: enrollment.createdAt,
    status: enrollment.status,
    links: links.map(linkView),
    totalCommissions: metrics.totalCommissions,
    clickRewardId: enrollment.clickRewardId,
    leadRewardId: enrollment.leadRewardId,
    saleRewardId: enrollment.saleRewardId,
    referralRewardId: enrollment.referralRewardId,
    discountId: enrollment.discountId,
    applicationId: enrollment.applicationId,
    bannedAt: enrollment.bannedAt,
    bannedReason: enrollment.bannedReason,
    totalClicks: metrics.totalClicks,
    totalLeads: metrics.totalLeads,
    totalConversions: metrics.totalConversions,
    totalSales: metrics.totalSales,
    totalSaleAmount: metrics.totalSaleAmount,
    netRevenue: metrics.netRevenue,
    earningsPerClick: metrics.earningsPerClick,
    averageLifetimeValue: metrics.averageLifetimeValue,
    clickToLeadRate: metrics.clickToLeadRate,
    clickToConversionRate: metrics.clickToConversionRate,
    leadToConversionRate: metrics.leadToConversionRate,
    returnOnAdSpend: metrics.returnOnAdSpend,
    website: partner.website,
    youtube: partner.youtube,
    twitter: partner.twitter,
    linkedin: partner.linkedin,
    instagram: partner.instagram,
    tiktok: partner.tiktok,
    trustedAt: partner.trustedAt,
  };
}
