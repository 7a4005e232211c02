// POST /partners/applications/reject after validation (`rejectPartner`, partners-program-behavior.md §12): the
// fraud-flag rules before the lookup, the pending enrollment, then the application marked reviewed (with the reason
// and note when given) and either the enrollment deleted (`instant`: the partner may apply again at once) or
// rejected with its timeframe and its rewards cleared. The fraud alert a flag creates has no trace in the API.
import type { ReapplicationTimeframe, RejectionReason } from "@dubkit/contract";
import { DubApiError } from "./dub-error.js";
import { NO_REWARDS } from "./enrollment-rewards.js";
import type { ApplicationRecord, StoreEvent } from "./records.js";
import type { Store } from "./store.js";
import type { Program } from "./workspace.js";

/** The validated body (notes already trimmed, blank ones absent). */
export interface RejectInput {
  partnerId: string;
  rejectionReason?: RejectionReason;
  rejectionNote?: string;
  reapplicationTimeframe: ReapplicationTimeframe;
  flagForFraud?: boolean;
  flagForFraudReason?: string;
}

/** The change that rejects the partner's application at `now` (ISO); throws Dub's 400/404s. */
export function rejectPartner(store: Store, program: Program, input: RejectInput, now: string): StoreEvent[] {
  if (input.flagForFraud && input.reapplicationTimeframe === "instant") {
    throw new DubApiError(
      "bad_request",
      "Cannot flag for fraud when allowing the partner to reapply immediately.",
    );
  }
  if (input.flagForFraud && !input.flagForFraudReason?.trim()) {
    throw new DubApiError("bad_request", "Fraud reason is required when flagging for fraud.");
  }
  const enrollment = store.enrollmentOf(program.id, input.partnerId);
  if (!enrollment) throw new DubApiError("not_found", "Program enrollment not found.");
  // The lookup and the change are one synchronous step, so the server's lost-race errors (the delete's 400 and
  // the update's P2025 404) cannot happen here.
  if (enrollment.status !== "pending") {
    throw new DubApiError(
      "bad_request",
      "This enrollment cannot be rejected because it is no longer pending.",
    );
  }
  const change: StoreEvent[] = [];
  if (enrollment.applicationId !== null && store.applications.has(enrollment.applicationId)) {
    const patch: Partial<ApplicationRecord> = { reviewedAt: now };
    if (input.rejectionReason !== undefined) patch.rejectionReason = input.rejectionReason;
    if (input.rejectionNote !== undefined) patch.rejectionNote = input.rejectionNote;
    change.push({ type: "application-update", id: enrollment.applicationId, patch });
  }
  if (input.reapplicationTimeframe === "instant") {
    change.push({ type: "enrollment-delete", id: enrollment.id });
  } else {
    change.push({
      type: "enrollment-update",
      id: enrollment.id,
      patch: { status: "rejected", reapplicationTimeframe: input.reapplicationTimeframe, ...NO_REWARDS },
    });
  }
  return change;
}
