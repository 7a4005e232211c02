// POST /partners/ban once the partner is known (`banPartner`, partners-program-behavior.md §8): the status rules,
// then the enrollment banned with its rewards cleared, and every link of the partner in the program disabled and
// expired. Dub does the links in a queued job right after its answer; the emulator does them in the same change,
// so whatever reads after the 200 sees them.
import type { BanReason } from "@dubkit/contract";
import { DubApiError } from "./dub-error.js";
import { programEnrollmentOrThrow } from "./enrollment-or-throw.js";
import { NO_REWARDS } from "./enrollment-rewards.js";
import type { StoreEvent } from "./records.js";
import type { Store } from "./store.js";
import type { Program } from "./workspace.js";

/** The change that bans the partner at `now` (ISO); throws Dub's 404/400s. */
export function banPartner(
  store: Store,
  program: Program,
  partnerId: string,
  reason: BanReason,
  now: string,
): StoreEvent[] {
  const enrollment = programEnrollmentOrThrow(store, program, partnerId);
  if (enrollment.status === "pending") {
    throw new DubApiError("bad_request", "This partner is not approved yet to be banned.");
  }
  if (enrollment.status === "banned") {
    throw new DubApiError("bad_request", "This partner is already banned from your program.");
  }
  return [
    {
      type: "enrollment-update",
      id: enrollment.id,
      patch: { status: "banned", bannedAt: now, bannedReason: reason, ...NO_REWARDS },
    },
    ...enrollment.linkIds.map(
      (id): StoreEvent => ({
        type: "link-update",
        id,
        patch: { disabledAt: now, expiresAt: now, updatedAt: now },
      }),
    ),
  ];
}
