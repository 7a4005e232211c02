// POST /partners/deactivate once the partner is known (`deactivatePartner`, partners-program-behavior.md §9): only
// approved or archived partners; the enrollment deactivated with its rewards cleared, and the partner's links that
// have no expiry expire now (links that already expire keep their date; none is disabled).
import { DubApiError } from "./dub-error.js";
import { programEnrollmentOrThrow } from "./enrollment-or-throw.js";
import { NO_REWARDS } from "./enrollment-rewards.js";
import type { LinkRecord, StoreEvent } from "./records.js";
import type { Store } from "./store.js";
import type { Program } from "./workspace.js";

/** `ACTIVE_ENROLLMENT_STATUSES`: the statuses a deactivation accepts. */
const ACTIVE_STATUSES: readonly string[] = ["approved", "archived"];

/** When the link expires: its own column, or (for a link created with `linkProps.expiresAt`) the date it was given. */
function linkExpiry(link: LinkRecord): unknown {
  return link.expiresAt !== undefined ? link.expiresAt : (link.props.expiresAt ?? null);
}

/** The change that deactivates the partner at `now` (ISO); throws Dub's 404/400s. */
export function deactivatePartner(
  store: Store,
  program: Program,
  partnerId: string,
  now: string,
): StoreEvent[] {
  const enrollment = programEnrollmentOrThrow(store, program, partnerId);
  if (!ACTIVE_STATUSES.includes(enrollment.status)) {
    throw new DubApiError(
      "bad_request",
      `Only partners with an "approved" or "archived" status can be deactivated. The partner's status in this program is "${enrollment.status}".`,
    );
  }
  const change: StoreEvent[] = [
    { type: "enrollment-update", id: enrollment.id, patch: { status: "deactivated", ...NO_REWARDS } },
  ];
  for (const id of enrollment.linkIds) {
    const link = store.links.get(id);
    if (link && linkExpiry(link) === null) {
      change.push({ type: "link-update", id, patch: { expiresAt: now, updatedAt: now } });
    }
  }
  return change;
}
