// POST /partners after validation: the quota, create-or-return-existing by tenantId/email, the tenantId upsert
// and its 409, the group, the global partner (reused when the email exists), the enrollment and its links.
// Runs synchronously from lookup to commit, so two concurrent creates of one email can never both insert.
import { buildDefaultLinks, type LinkInput } from "./default-links.js";
import { DubApiError, internalServerError } from "./dub-error.js";
import { groupOrThrow } from "./group-or-throw.js";
import type { IdPrefix } from "./ids.js";
import { type Random, randomLowerAlnum } from "./random.js";
import type { EnrollmentRecord, PartnerRecord, StoreEvent } from "./records.js";
import { slugify } from "./slug.js";
import type { Store } from "./store.js";
import type { Directory, Group, Program, Workspace } from "./workspace.js";

/** The validated request body, as far as the create path reads it. */
export interface CreatePartnerInput extends LinkInput {
  image?: string | null;
  groupId?: string;
  country?: string | null;
  description?: string | null;
  tenantId: string | null;
}

/** What the create path needs from the emulator. */
export interface CreateContext {
  store: Store;
  directory: Directory;
  random: Random;
  newId: (prefix: IdPrefix) => string;
  now: () => number;
}

/** The outcome: the enrollment to render and the change to commit (empty when nothing changed). */
export interface CreateOutcome {
  partner: PartnerRecord;
  enrollment: EnrollmentRecord;
  change: StoreEvent[];
  created: boolean;
}

/** Images already on Dub's storage are kept; anything else is uploaded later by the server, so it reads null now. */
const STORED_IMAGE_PREFIXES = ["https://dubassets.com/", "https://api.dub.co/og/avatar"];

function tenantConflict(tenantId: string): DubApiError {
  return new DubApiError(
    "conflict",
    `The tenantId '${tenantId}' is already in associated with another partner in this program.`,
  );
}

/** Creates (or returns) the enrollment; throws Dub's errors. The caller commits `change`. */
export function createPartner(
  context: CreateContext,
  workspace: Workspace,
  program: Program,
  input: CreatePartnerInput,
): CreateOutcome {
  const { store } = context;
  if (store.usage(program.id) + 1 > workspace.partnersLimit) {
    const limit = workspace.partnersLimit;
    throw new DubApiError(
      "forbidden",
      workspace.trial
        ? `During your free trial you can have at most ${limit} partners in your program. Start a paid plan to add more.`
        : `You've reached your partners limit of ${limit} for your current plan. Upgrade your plan to add more partners.`,
    );
  }

  // The server's findFirst({ OR: [{ tenantId }, { email }] }) has no ORDER BY; the emulator prefers the email
  // match, which is the reading under which the server's tenantId 409 (below) can happen at all.
  const { tenantId } = input;
  const byTenant = tenantId !== null ? store.enrollmentByTenant(program.id, tenantId) : undefined;
  const knownPartner = store.partnerByEmail(input.email);
  const byEmail = knownPartner ? store.enrollmentOf(program.id, knownPartner.id) : undefined;
  const existing = byEmail ?? byTenant;
  if (existing) {
    const partner = store.partners.get(existing.partnerId)!;
    if (tenantId === null || tenantId === existing.tenantId) {
      return { partner, enrollment: existing, change: [], created: false };
    }
    if (byTenant) throw tenantConflict(tenantId);
    // Found by email with a new tenantId: the enrollment moves to it (the "upsert").
    return {
      partner,
      enrollment: { ...existing, tenantId },
      change: [{ type: "enrollment-update", id: existing.id, patch: { tenantId } }],
      created: false,
    };
  }

  const group = resolveGroup(context.directory, program, input.groupId);
  const createdAt = new Date(context.now()).toISOString();
  const change: StoreEvent[] = [];
  let partner = knownPartner;
  if (!partner) {
    partner = newPartner(context, input, createdAt);
    change.push({ type: "partner", partner });
  }
  const enrollment: EnrollmentRecord = {
    id: context.newId("pge_"),
    partnerId: partner.id,
    programId: program.id,
    tenantId,
    status: "approved",
    groupId: group.id,
    clickRewardId: group.clickRewardId,
    leadRewardId: group.leadRewardId,
    saleRewardId: group.saleRewardId,
    referralRewardId: group.referralRewardId,
    discountId: group.discountId,
    applicationId: null,
    bannedAt: null,
    bannedReason: null,
    createdAt,
    linkIds: [],
  };
  const links = buildDefaultLinks({
    group,
    workspaceId: workspace.id,
    partnerId: partner.id,
    input,
    store,
    random: context.random,
    newLinkId: () => context.newId("link_"),
    createdAt,
  });
  enrollment.linkIds = links.map((link) => link.id);
  change.push({ type: "enrollment", enrollment, links });
  return { partner, enrollment, change, created: true };
}

function resolveGroup(directory: Directory, program: Program, requested: string | undefined): Group {
  const groupId = requested || program.defaultGroupId;
  if (!groupId) {
    throw new DubApiError(
      "bad_request",
      "There was no group ID provided, and the program does not have a default group. Please contact support.",
    );
  }
  return groupOrThrow(directory, program, groupId);
}

/** A partner record with Prisma's defaults for everything the create does not set. */
export function partnerRecord(
  fields: Pick<
    PartnerRecord,
    "id" | "name" | "username" | "email" | "image" | "description" | "country" | "createdAt"
  > &
    Partial<Pick<PartnerRecord, "networkStatus">>,
): PartnerRecord {
  return {
    ...fields,
    companyName: null,
    networkStatus: fields.networkStatus ?? "draft",
    defaultPayoutMethod: null,
    paypalEmail: null,
    stripeConnectId: null,
    payoutsEnabledAt: null,
    identityVerifiedAt: null,
    trustedAt: null,
    website: null,
    youtube: null,
    twitter: null,
    linkedin: null,
    instagram: null,
    tiktok: null,
  };
}

function newPartner(context: CreateContext, input: CreatePartnerInput, createdAt: string): PartnerRecord {
  const image =
    input.image && STORED_IMAGE_PREFIXES.some((prefix) => input.image?.startsWith(prefix))
      ? input.image
      : null;
  return partnerRecord({
    id: context.newId("pn_"),
    name: input.name || input.email,
    username: generateUsername(context, input),
    email: input.email,
    image,
    description: input.description ?? null,
    country: input.country ?? null,
    createdAt,
  });
}

/** generate-partner-username.ts: slug of the name or email local part + `-` + 4 random chars; 4 tries, then a 500. */
export function generateUsername(context: CreateContext, input: CreatePartnerInput): string {
  const base =
    (input.name ? slugify(input.name) : "") || slugify(input.email.split("@")[0] ?? "") || "partner";
  for (let attempt = 0; attempt < 4; attempt++) {
    const username = `${base}-${randomLowerAlnum(context.random, 4)}`;
    if (!context.store.usernameTaken(username)) return username;
  }
  throw internalServerError();
}
