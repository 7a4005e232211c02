// POST /partners/applications/reject: reject a pending enrollment in the workspace's default program, and choose
// when the partner may apply again. A second rejection is a 400 (no longer pending).

import { defineOperation, type Operation } from "@dubkit/core";
import * as z from "zod/mini";
import { english } from "../english.js";
import { REAPPLICATION_TIMEFRAMES, REJECTION_REASONS } from "../enums.js";
import type { ObjectSchema } from "../object-schema.js";
import { type PartnerIdResult, partnerIdResult } from "../partner-id-result.js";
import { recoverRejection } from "../retry-recovery.js";

/** Bounded to `max` characters, then trimmed; `""` after trimming counts as absent (the server's order). */
const trimmedNote = (max: number) =>
  z.pipe(
    z.optional(z.string().check(z.maxLength(max))),
    z.transform((text: string | undefined) => {
      const trimmed = text?.trim();
      return trimmed === "" ? undefined : trimmed;
    }),
  );

const rejectPartnerApplicationShape = {
  /** The ID on Dub (`pn_…`) of the partner to reject (required). */
  partnerId: z.string(),
  /** The reason for rejecting the application, shared with the partner by email. */
  rejectionReason: z.optional(z.enum(REJECTION_REASONS)),
  /**
   * More details on the rejection, shared with the partner by email: at most 500 characters (counted before
   * trimming); blank counts as absent.
   */
  rejectionNote: trimmedNote(500),
  /**
   * When the partner may apply again: `instant` (at once; the enrollment is deleted), `standard` (after 30 days;
   * the default) or `never`.
   */
  reapplicationTimeframe: z._default(z.enum(REAPPLICATION_TIMEFRAMES), "standard"),
  /**
   * Flag the partner for fraud review by the Dub team. Needs a `flagForFraudReason`, and cannot be combined with
   * `reapplicationTimeframe: "instant"` (the server answers 400 either way).
   */
  flagForFraud: z.optional(z.boolean()),
  /** Why the partner is flagged for fraud: at most 2,000 characters (counted before trimming). */
  flagForFraudReason: trimmedNote(2000),
};

/**
 * The reject body (`rejectPartnerSchema`), in the server's key order; unknown keys are dropped. The output is what
 * gets sent: notes trimmed, `reapplicationTimeframe` filled in with its default.
 */
export const rejectPartnerApplicationBody: ObjectSchema<typeof rejectPartnerApplicationShape> = z.object(
  rejectPartnerApplicationShape,
);

/** What a caller passes to reject an application: the `partnerId`, and optionally the reason and what follows. */
export type RejectPartnerApplicationRequest = z.input<typeof rejectPartnerApplicationBody>;

/** The 200 body of POST /partners/applications/reject: the rejected partner's ID. */
export const rejectPartnerApplicationResponse: typeof partnerIdResult = partnerIdResult;

/** The 200 body of POST /partners/applications/reject. */
export type RejectPartnerApplicationResponse = PartnerIdResult;

/** `POST /partners/applications/reject`. */
export const rejectPartnerApplicationOperation: Operation<
  RejectPartnerApplicationRequest,
  RejectPartnerApplicationResponse
> = defineOperation<RejectPartnerApplicationRequest, RejectPartnerApplicationResponse>({
  id: "rejectPartnerApplication",
  method: "POST",
  path: "/partners/applications/reject",
  body: english(rejectPartnerApplicationBody),
  response: english(rejectPartnerApplicationResponse),
  // A repeat answers "no longer pending" (or 404 after an instant rejection): after an attempt that may have
  // applied, and with the partner now rejected, that is the rejection succeeding.
  retry: "idempotent",
  recover: recoverRejection,
});
