// The stored shapes: a global partner, its enrollment in a program, and its links. They are plain JSON so the
// journal can write them as they are; the value lists are arrays so a replayed record can be checked against them.

/** A partner's status in Dub's partner network. */
export const NETWORK_STATUSES = ["draft", "submitted", "approved", "rejected", "trusted"] as const;

/** How a partner is paid. */
export const PAYOUT_METHODS = ["connect", "stablecoin", "paypal"] as const;

/** A partner account. Partners are global across Dub: one per email, reused by every program. */
export interface PartnerRecord {
  id: string;
  name: string;
  username: string;
  email: string;
  image: string | null;
  description: string | null;
  country: string | null;
  companyName: string | null;
  networkStatus: (typeof NETWORK_STATUSES)[number];
  defaultPayoutMethod: (typeof PAYOUT_METHODS)[number] | null;
  paypalEmail: string | null;
  stripeConnectId: string | null;
  payoutsEnabledAt: string | null;
  identityVerifiedAt: string | null;
  trustedAt: string | null;
  website: string | null;
  youtube: string | null;
  twitter: string | null;
  linkedin: string | null;
  instagram: string | null;
  tiktok: string | null;
  createdAt: string;
}

/** The enrollment statuses. */
export const ENROLLMENT_STATUSES = [
  "pending",
  "approved",
  "rejected",
  "invited",
  "declined",
  "deactivated",
  "banned",
  "archived",
] as const;

/** An enrollment status. */
export type EnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number];

/** The ban reasons. */
export const BANNED_REASONS = [
  "tos_violation",
  "inappropriate_content",
  "fake_traffic",
  "fraud",
  "spam",
  "brand_abuse",
] as const;

/** A ban reason. */
export type BannedReason = (typeof BANNED_REASONS)[number];

/** A partner's enrollment in one program. */
export interface EnrollmentRecord {
  id: string;
  partnerId: string;
  programId: string;
  tenantId: string | null;
  status: EnrollmentStatus;
  groupId: string | null;
  clickRewardId: string | null;
  leadRewardId: string | null;
  saleRewardId: string | null;
  referralRewardId: string | null;
  discountId: string | null;
  applicationId: string | null;
  bannedAt: string | null;
  bannedReason: BannedReason | null;
  createdAt: string;
  linkIds: string[];
}

/** A partner's short link. */
export interface LinkRecord {
  id: string;
  workspaceId: string;
  programId: string;
  partnerId: string;
  domain: string;
  key: string;
  url: string;
  externalId: string | null;
  tenantId: string | null;
  createdAt: string;
  /** The other `linkProps` the request set (title, tags, expiry…), kept as sent. */
  props: Record<string, unknown>;
}

/** One change to the state; a create is one or more of these, applied and journaled together. */
export type StoreEvent =
  | { type: "partner"; partner: PartnerRecord }
  | { type: "enrollment"; enrollment: EnrollmentRecord; links: LinkRecord[] }
  | {
      type: "enrollment-update";
      id: string;
      patch: Partial<Omit<EnrollmentRecord, "id" | "partnerId" | "programId">>;
    }
  | { type: "partner-update"; id: string; patch: Partial<Omit<PartnerRecord, "id" | "email">> }
  | { type: "setting"; name: "apiKey"; value: string };
