// POST /partners/applications/approve after validation (`approvePartner`, partners-program-behavior.md §11): the
// enrollment (pending or rejected), its group (the request's, else the enrollment's, else the program's default),
// the quota, then the enrollment approved into the group (its createdAt reset), the application marked reviewed,
// one more partner counted, and the group's default links the `partner-approved` workflow creates, skipping those
// the partner already has. Dub runs that workflow after its answer; the emulator puts the links in the same change.
import { buildDefaultLinks, defaultLinkId } from "./default-links.js";
import { DubApiError } from "./dub-error.js";
import { groupRewards } from "./enrollment-rewards.js";
import { groupOrThrow } from "./group-or-throw.js";
import type { IdPrefix } from "./ids.js";
import { throwIfPartnersLimitExceeded } from "./partners-limit.js";
import type { Random } from "./random.js";
import type { EnrollmentRecord, LinkRecord, StoreEvent } from "./records.js";
import type { Store } from "./store.js";
import type { Directory, Group, Program, Workspace } from "./workspace.js";

/** What an approval needs from the emulator. */
export interface ApproveContext {
  store: Store;
  directory: Directory;
  random: Random;
  newId: (prefix: IdPrefix) => string;
}

/** The validated body. */
export interface ApproveInput {
  partnerId: string;
  groupId?: string | null;
}

const APPROVABLE_STATUSES: readonly string[] = ["pending", "rejected"];

/** The change that approves the partner at `now` (ISO); throws Dub's 404/400/403s. */
export function approvePartner(
  context: ApproveContext,
  workspace: Workspace,
  program: Program,
  input: ApproveInput,
  now: string,
): StoreEvent[] {
  const { store } = context;
  const enrollment = store.enrollmentOf(program.id, input.partnerId);
  if (!enrollment) throw new DubApiError("not_found", "Program enrollment not found.");
  if (!APPROVABLE_STATUSES.includes(enrollment.status)) {
    throw new DubApiError(
      "bad_request",
      `This enrollment cannot be approved because it is already ${enrollment.status}.`,
    );
  }
  const groupId = input.groupId || enrollment.groupId || program.defaultGroupId;
  if (!groupId) {
    throw new DubApiError("not_found", "No group ID provided and no default group ID found in the program.");
  }
  const group = groupOrThrow(context.directory, program, groupId);
  throwIfPartnersLimitExceeded(store, workspace, program);

  const change: StoreEvent[] = [
    {
      type: "enrollment-update",
      id: enrollment.id,
      patch: { status: "approved", createdAt: now, groupId: group.id, ...groupRewards(group) },
    },
  ];
  if (enrollment.applicationId !== null && store.applications.has(enrollment.applicationId)) {
    change.push({
      type: "application-update",
      id: enrollment.applicationId,
      patch: { reviewedAt: now, rejectionReason: null, rejectionNote: null },
    });
  }
  change.push({ type: "usage-increment", programId: program.id });
  for (const link of newDefaultLinks(context, workspace, group, enrollment, now)) {
    change.push({ type: "link", link });
  }
  return change;
}

/** The group's default links the partner does not have yet, keyed from their name as the workflow does. */
function newDefaultLinks(
  context: ApproveContext,
  workspace: Workspace,
  group: Group,
  enrollment: EnrollmentRecord,
  now: string,
): LinkRecord[] {
  const { store } = context;
  const existing = new Set(enrollment.linkIds.map((id) => store.links.get(id)?.partnerGroupDefaultLinkId));
  const missing = group.defaultLinks.filter(
    (defaultLink) => !existing.has(defaultLinkId(group, defaultLink)),
  );
  const partner = store.partners.get(enrollment.partnerId);
  if (!partner || missing.length === 0) return [];
  return buildDefaultLinks({
    group: { ...group, defaultLinks: missing },
    workspaceId: workspace.id,
    partnerId: partner.id,
    // The workflow passes the partner's name and email, not their username, so the key is the slugified name.
    input: { name: partner.name, email: partner.email, tenantId: enrollment.tenantId },
    store,
    random: context.random,
    newLinkId: () => context.newId("link_"),
    createdAt: now,
  });
}
