// POST /partners/applications/approve: approve a pending (or rejected) enrollment in the workspace's default
// program; the group's default links are created shortly after. A second approval is a 400 (already approved).

import { defineOperation } from "@dubkit/core";
import * as z from "zod/mini";
import { english } from "../english.js";
import { type PartnerIdResult, partnerIdResult } from "../partner-id-result.js";

/** The approve body (`approvePartnerSchema`), in the server's key order; unknown keys are dropped. */
export const approvePartnerApplicationBody = z.object({
  /** The ID on Dub (`pn_…`) of the partner to approve (required; there is no `tenantId` here). */
  partnerId: z.string(),
  /**
   * The group to put the partner in: a `grp_…` ID or the group's slug. Default (also for `""`): the group the partner
   * applied to, else the program's default group.
   */
  groupId: z.nullish(z.string()),
});

/** What a caller passes to approve an application: the `partnerId`, and optionally a `groupId`. */
export type ApprovePartnerApplicationRequest = z.input<typeof approvePartnerApplicationBody>;

/** The 200 body of POST /partners/applications/approve: the approved partner's ID. */
export const approvePartnerApplicationResponse = partnerIdResult;

/** The 200 body of POST /partners/applications/approve. */
export type ApprovePartnerApplicationResponse = PartnerIdResult;

/** `POST /partners/applications/approve`. */
export const approvePartnerApplicationOperation = defineOperation<
  ApprovePartnerApplicationRequest,
  ApprovePartnerApplicationResponse
>({
  id: "approvePartnerApplication",
  method: "POST",
  path: "/partners/applications/approve",
  body: english(approvePartnerApplicationBody),
  response: english(approvePartnerApplicationResponse),
});
