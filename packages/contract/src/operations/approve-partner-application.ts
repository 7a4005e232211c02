// POST /partners/applications/approve: approve a pending (or rejected) enrollment in the workspace's default
// program; the group's default links are created shortly after. A second approval is a 400 (already approved).

import { defineOperation, type Operation } from "@dubkit/core";
import * as z from "zod/mini";
import { english } from "../english.js";
import type { ObjectSchema } from "../object-schema.js";
import { type PartnerIdResult, partnerIdResult } from "../partner-id-result.js";
import { recoverWhenAlreadyDone } from "../retry-recovery.js";

const approvePartnerApplicationShape = {
  /** The ID on Dub (`pn_…`) of the partner to approve (required; there is no `tenantId` here). */
  partnerId: z.string(),
  /**
   * The group to put the partner in: a `grp_…` ID or the group's slug. Default (also for `""`): the group the partner
   * applied to, else the program's default group.
   */
  groupId: z.nullish(z.string()),
};

/** The approve body (`approvePartnerSchema`), in the server's key order; unknown keys are dropped. */
export const approvePartnerApplicationBody: ObjectSchema<typeof approvePartnerApplicationShape> = z.object(
  approvePartnerApplicationShape,
);

/** What a caller passes to approve an application: the `partnerId`, and optionally a `groupId`. */
export type ApprovePartnerApplicationRequest = z.input<typeof approvePartnerApplicationBody>;

/** The 200 body of POST /partners/applications/approve: the approved partner's ID. */
export const approvePartnerApplicationResponse: typeof partnerIdResult = partnerIdResult;

/** The 200 body of POST /partners/applications/approve. */
export type ApprovePartnerApplicationResponse = PartnerIdResult;

/** `POST /partners/applications/approve`. */
export const approvePartnerApplicationOperation: Operation<
  ApprovePartnerApplicationRequest,
  ApprovePartnerApplicationResponse
> = defineOperation<ApprovePartnerApplicationRequest, ApprovePartnerApplicationResponse>({
  id: "approvePartnerApplication",
  method: "POST",
  path: "/partners/applications/approve",
  body: english(approvePartnerApplicationBody),
  response: english(approvePartnerApplicationResponse),
  // A repeat answers "already approved": after an attempt that may have applied, that is the approval succeeding.
  retry: "idempotent",
  recover: recoverWhenAlreadyDone(/^This enrollment cannot be approved because it is already approved\.$/),
});
