// The stored shapes: a global partner, its enrollment in a program, and its links. They are plain JSON so the
// journal can write them as they are.
import type { BanReason, NetworkStatus, PartnerStatus, PayoutMethod } from "@dubkit/contract";

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
  networkStatus: NetworkStatus;
  defaultPayoutMethod: PayoutMethod | null;
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

/** An enrollment status. */
export type EnrollmentStatus = PartnerStatus;

/** A ban reason. */
export type BannedReason = BanReason;

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
  /** When the link last changed; the creation time until then. */
  updatedAt?: string;
  /** When the link expires (a deactivation sets it on links without one). */
  expiresAt?: string | null;
  /** When the link was disabled (a ban sets it). */
  disabledAt?: string | null;
  /** All-time counters, 0 until set (the emulator records no click events; a test may set them). */
  stats?: LinkStats;
  /** The user who created or last updated the link (the API key's); absent on links from POST /partners. */
  userId?: string | null;
  /** The link's folder (the program's default folder); absent on links from POST /partners. */
  folderId?: string | null;
  /** The ids of the link's tags, oldest first; absent on links from POST /partners. */
  tagIds?: string[];
}

/** A link's all-time counters, as `Link` stores them. */
export interface LinkStats {
  clicks: number;
  leads: number;
  conversions: number;
  sales: number;
  /** In cents. */
  saleAmount: number;
}

/** One change to the state; a create is one or more of these, applied and journaled together. */
export type StoreEvent =
  | { type: "partner"; partner: PartnerRecord }
  | { type: "enrollment"; enrollment: EnrollmentRecord; links: LinkRecord[] }
  /** A link created on its own (POST /partners/links, an upsert's create branch); joins its enrollment's links. */
  | { type: "link"; link: LinkRecord }
  | { type: "link-update"; id: string; patch: Partial<Omit<LinkRecord, "id" | "workspaceId" | "programId">> }
  | {
      type: "enrollment-update";
      id: string;
      patch: Partial<Omit<EnrollmentRecord, "id" | "partnerId" | "programId">>;
    }
  | { type: "partner-update"; id: string; patch: Partial<Omit<PartnerRecord, "id" | "email">> }
  | { type: "setting"; name: "apiKey"; value: string };
