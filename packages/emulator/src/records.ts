// The stored shapes: a global partner, its enrollment in a program, and its links. They are plain JSON so the
// journal can write them as they are.
import type {
  BanReason,
  NetworkStatus,
  PartnerStatus,
  PayoutMethod,
  ReapplicationTimeframe,
  RejectionReason,
} from "@dubkit/contract";
import type { ApplicationFormData } from "./application-form.js";
import type { EnrollmentMetrics } from "./enrollment-metrics.js";

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
  /** When a rejected partner may apply again; set by a rejection (absent: the column's default, `standard`). */
  reapplicationTimeframe?: ReapplicationTimeframe;
  /** The enrollment's stats columns; absent: all 0 (the emulator records no events; a test may set them). */
  metrics?: EnrollmentMetrics;
}

/** A partner's application to a program (`ProgramApplication`); its pending enrollment points at it. */
export interface ApplicationRecord {
  id: string;
  programId: string;
  /** The applicant (Dub links them through the enrollment; kept here so the application outlives a deleted one). */
  partnerId: string;
  groupId: string | null;
  name: string;
  email: string;
  country: string | null;
  /** The answers to the group's application form, as Dub stores them; null without a form. */
  formData: ApplicationFormData | null;
  createdAt: string;
  /** When the program approved or rejected it. */
  reviewedAt: string | null;
  rejectionReason: RejectionReason | null;
  rejectionNote: string | null;
  /** The partner whose referral link brought the applicant (Dub's application event); null when none. */
  referredByPartnerId: string | null;
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
  /** The group default link this link was made from (so an approval skips the ones a partner already has). */
  partnerGroupDefaultLinkId?: string | null;
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
  | { type: "setting"; name: "apiKey"; value: string }
  /** An application and its pending enrollment; a pending enrollment does not count towards the partner quota. */
  | { type: "application"; application: ApplicationRecord; enrollment: EnrollmentRecord }
  | {
      type: "application-update";
      id: string;
      patch: Partial<Omit<ApplicationRecord, "id" | "programId" | "partnerId">>;
    }
  /** An enrollment removed (an instant rejection); its application and links stay. */
  | { type: "enrollment-delete"; id: string }
  /** One more partner counted against the program's quota (`partnersUsage += 1`, as an approval does). */
  | { type: "usage-increment"; programId: string };
