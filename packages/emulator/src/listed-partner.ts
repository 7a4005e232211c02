// One item of GET /partners (partners-program-behavior.md §3.4): an enrolled partner with its tags (always present;
// the emulator keeps no partner tags, so `[]`), netRevenue computed from the totals rather than read from the
// stored column, the deprecated copies of the totals, and with `includePartnerPlatforms` the partner's platforms.
import type { Partner, PartnerPlatform } from "@dubkit/contract";
import { PARTNER_PLATFORM_TYPES } from "@dubkit/contract";
import { enrolledPartnerView } from "./enrolled-partner.js";
import type { EnrollmentRecord, LinkRecord, PartnerRecord } from "./records.js";

/**
 * The partner's platforms as `PartnerPlatform` rows: one per website or social account on the profile. The emulator
 * keeps no verification or audience data, so those are null and 0. Dub's counts are BigInts, and with no BigInt
 * serializer in the repository a partner with platforms may well make the server's JSON fail (partners-program-
 * behavior.md open question 8); the emulator answers the intended numbers.
 */
function platforms(partner: PartnerRecord): PartnerPlatform[] {
  return PARTNER_PLATFORM_TYPES.flatMap((type) => {
    const identifier = partner[type];
    if (identifier === null) return [];
    return [
      {
        type,
        identifier,
        verifiedAt: null,
        platformId: null,
        avatarUrl: null,
        subscribers: 0,
        posts: 0,
        views: 0,
      },
    ];
  });
}

/** Renders partner + enrollment + links as GET /partners lists them. */
export function listedPartnerView(
  partner: PartnerRecord,
  enrollment: EnrollmentRecord,
  links: LinkRecord[],
  includePlatforms: boolean,
): Partner {
  const enrolled = enrolledPartnerView(partner, enrollment, links);
  // Rebuilt in the server's key order: `tags` sits after `bannedReason` in EnrolledPartnerSchema.
  const item: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(enrolled)) {
    item[key] = value;
    if (key === "bannedReason") item.tags = [];
  }
  item.netRevenue = enrolled.totalSaleAmount - enrolled.totalCommissions;
  Object.assign(item, {
    clicks: enrolled.totalClicks,
    leads: enrolled.totalLeads,
    conversions: enrolled.totalConversions,
    sales: enrolled.totalSales,
    saleAmount: enrolled.totalSaleAmount,
  });
  if (includePlatforms) item.platforms = platforms(partner);
  return item as Partner;
}
