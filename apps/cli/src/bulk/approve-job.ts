// The job of bulk approval: each row is a POST /partners/applications/approve by the applicant's partner id (a row
// naming a tenantId is looked up first; one already approved is not sent at all). Dub's "already approved" answer is
// the row done, not a failure: the partner is in the program, whether an earlier run or someone else approved them.
// Other refusals are blamed by Dub's words: the row's own (no such enrollment, banned, an unknown group on its row)
// is final for its content; the workspace's (the token, the role, the partner quota, a `--group-id` that does not
// exist) stops the run.

import { BadRequest, Forbidden, InvalidRequestError, NotFound, UnprocessableEntity } from "@dubkit/core";
import type { ApiClient } from "../api-client.js";
import type { BulkJob } from "../import/bulk-job.js";
import type { SendRow } from "../import/row-decision.js";
import {
  blamedOutcome,
  type FailureScope,
  fieldOf,
  isWorkspaceError,
  type SendOutcome,
  settledWithoutBlame,
} from "../import/send-outcome.js";
import { TenantLookup, tenantNotFoundOutcome } from "./tenant-lookup.js";

/** What an approval's send found: the applicant, and whether they were approved already (nothing was sent). */
export interface Approval {
  partnerId: string;
  already: boolean;
}

const ALREADY_APPROVED = /^This enrollment cannot be approved because it is already approved\.$/;

/** Whose fault a failed approval is, and the row's field it names; `flagGroup`: the `--group-id` given, if any. */
export function approvalFailure(
  error: unknown,
  row: SendRow,
  flagGroup: string | undefined,
): { scope: FailureScope; field?: string | undefined } {
  if (InvalidRequestError.isInstance(error) || UnprocessableEntity.isInstance(error)) {
    return { scope: "row", field: fieldOf(error) };
  }
  const message = messageOf(error);
  if ((NotFound.isInstance(error) || Forbidden.isInstance(error)) && message.startsWith('Group "')) {
    // A group from --group-id fails every row alike: that is the command's fault, not the row's.
    return flagGroup !== undefined && row.body.groupId === flagGroup
      ? { scope: "workspace" }
      : { scope: "row", field: "groupId" };
  }
  if (NotFound.isInstance(error) && message === "Program enrollment not found.") {
    return { scope: "row", field: "partnerId" };
  }
  if (NotFound.isInstance(error) && message.startsWith("No group ID provided")) {
    return { scope: "row", field: "groupId" };
  }
  if (BadRequest.isInstance(error) && message.startsWith("This enrollment cannot be approved")) {
    return { scope: "row", field: "partnerId" };
  }
  if (isWorkspaceError(error) || BadRequest.isInstance(error)) return { scope: "workspace" };
  return { scope: "other" };
}

/** An error's message, or nothing for a value that is not an error. */
function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : "";
}

/** The outcome of a failed approval of `row`. */
function outcomeOfApprovalError(
  error: unknown,
  abandoned: boolean,
  row: SendRow,
  flagGroup: string | undefined,
): SendOutcome {
  const settled = settledWithoutBlame(error, abandoned) ?? tenantNotFoundOutcome(error);
  if (settled) return settled;
  if (BadRequest.isInstance(error) && ALREADY_APPROVED.test(error.message)) {
    const partnerId = typeof row.body.partnerId === "string" ? row.body.partnerId : undefined;
    return { kind: "done", outcome: "existing", id: partnerId };
  }
  const { scope, field } = approvalFailure(error, row, flagGroup);
  return blamedOutcome(error, scope, field);
}

/** The approval job on `client`; `flagGroup` is `--group-id`; `lookups()` counts the tenantId lookups. */
export function approveJob(
  client: ApiClient,
  flagGroup: string | undefined,
): BulkJob<Approval> & { lookups(): number } {
  const tenants = new TenantLookup(client);
  return {
    send: async (body, signal) => {
      let partnerId = typeof body.partnerId === "string" ? body.partnerId : undefined;
      if (partnerId === undefined) {
        const partner = await tenants.find(String(body.tenantId), signal);
        if (partner.status === "approved") return { partnerId: partner.id, already: true };
        partnerId = partner.id;
      }
      const groupId = typeof body.groupId === "string" ? body.groupId : undefined;
      await client.dub.partnerApplications.approve(
        { partnerId, ...(groupId === undefined ? {} : { groupId }) },
        { signal },
      );
      return { partnerId, already: false };
    },
    outcomeOf: (approval) => ({
      kind: "done",
      outcome: approval.already ? "existing" : "approved",
      id: approval.partnerId,
    }),
    outcomeOfError: (error, abandoned, row) => outcomeOfApprovalError(error, abandoned, row, flagGroup),
    lookups: () => tenants.requests,
  };
}
