// POST /partners/ban: ban a partner from the workspace's default program. Their links are disabled and their
// pending commissions and payouts canceled shortly after the answer. A second ban is a 400 (already banned).

import { defineOperation, type Operation } from "@dubkit/core";
import * as z from "zod/mini";
import { english } from "../english.js";
import { BAN_REASONS } from "../enums.js";
import type { ObjectSchema } from "../object-schema.js";
import { type PartnerIdResult, partnerIdResult } from "../partner-id-result.js";
import { type PartnerIdentityShape, partnerIdentityShape } from "../partner-identity.js";
import { recoverWhenAlreadyDone } from "../retry-recovery.js";

const banPartnerFields = {
  /**
   * Why the partner is banned (required; shown to them in the ban email). A missing and a wrong value get the same
   * message: `Invalid option: expected one of "tos_violation"|…`.
   */
  reason: z.enum(BAN_REASONS),
};

/** The ban shape (declared as a type: a spread loses documentation). */
type BanPartnerShape = PartnerIdentityShape & typeof banPartnerFields;

const banPartnerShape: BanPartnerShape = { ...partnerIdentityShape, ...banPartnerFields };

/** The ban body (`banPartnerApiSchema`), in the server's key order; unknown keys are dropped. */
export const banPartnerBody: ObjectSchema<BanPartnerShape> = z.object(banPartnerShape);

/** What a caller passes to ban a partner: `partnerId` or `tenantId`, and the `reason`. */
export type BanPartnerRequest = z.input<typeof banPartnerBody>;

/** The 200 body of POST /partners/ban: the banned partner's ID. */
export const banPartnerResponse: typeof partnerIdResult = partnerIdResult;

/** The 200 body of POST /partners/ban. */
export type BanPartnerResponse = PartnerIdResult;

/** `POST /partners/ban`: safe to retry (a repeat that meets "already banned" after an ambiguous attempt succeeds). */
export const banPartnerOperation: Operation<BanPartnerRequest, BanPartnerResponse> = defineOperation<
  BanPartnerRequest,
  BanPartnerResponse
>({
  id: "banPartner",
  method: "POST",
  path: "/partners/ban",
  body: english(banPartnerBody),
  response: english(banPartnerResponse),
  // A repeat answers "already banned": after an attempt that may have applied, that is the ban succeeding.
  retry: "idempotent",
  recover: recoverWhenAlreadyDone(/^This partner is already banned from your program\.$/),
});
