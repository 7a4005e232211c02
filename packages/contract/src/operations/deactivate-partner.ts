// POST /partners/deactivate: deactivate an approved or archived partner in the workspace's default program. Their
// links without an expiry expire now; commissions and payouts stay. A second call is a 400 (already deactivated).

import { defineOperation, type Operation } from "@dubkit/core";
import * as z from "zod/mini";
import { english } from "../english.js";
import type { ObjectSchema } from "../object-schema.js";
import { type PartnerIdResult, partnerIdResult } from "../partner-id-result.js";
import { type PartnerIdentityShape, partnerIdentityShape } from "../partner-identity.js";
import { recoverWhenAlreadyDone } from "../retry-recovery.js";

/** The deactivate body (`deactivatePartnerApiSchema`): which partner. Unknown keys are dropped. */
export const deactivatePartnerBody: ObjectSchema<PartnerIdentityShape> = z.object(partnerIdentityShape);

/** What a caller passes to deactivate a partner: `partnerId` or `tenantId`. */
export type DeactivatePartnerRequest = z.input<typeof deactivatePartnerBody>;

/** The 200 body of POST /partners/deactivate: the deactivated partner's ID. */
export const deactivatePartnerResponse: typeof partnerIdResult = partnerIdResult;

/** The 200 body of POST /partners/deactivate. */
export type DeactivatePartnerResponse = PartnerIdResult;

/** `POST /partners/deactivate`. */
export const deactivatePartnerOperation: Operation<DeactivatePartnerRequest, DeactivatePartnerResponse> =
  defineOperation<DeactivatePartnerRequest, DeactivatePartnerResponse>({
    id: "deactivatePartner",
    method: "POST",
    path: "/partners/deactivate",
    body: english(deactivatePartnerBody),
    response: english(deactivatePartnerResponse),
    // A repeat answers that the status is now "deactivated": after an attempt that may have applied, a success.
    retry: "idempotent",
    recover: recoverWhenAlreadyDone(
      /^Only partners with an "approved" or "archived" status can be deactivated\. The partner's status in this program is "deactivated"\.$/,
    ),
  });
