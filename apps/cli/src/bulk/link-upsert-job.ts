// The job of `partners links upsert FILE`: each row is a PUT /partners/links/upsert, always by the partner's id (a
// row naming a tenantId is looked up first), and its outcome is read from the link's timestamps as the single
// command reads it: created, updated, or unchanged. Failures are blamed by Dub's answer: the row's own (a URL off
// the group's link domains, a key taken, an unknown partner) is final for its content; the workspace's (the
// program's domain unset, a key without `links.write`) stops the run.

import type { UpsertPartnerLinkRequest } from "@dubkit/contract";
import {
  BadRequest,
  Conflict,
  Forbidden,
  InvalidRequestError,
  NotFound,
  UnprocessableEntity,
} from "@dubkit/core";
import type { ApiClient } from "../api-client.js";
import { upsertOutcome } from "../commands/links-upsert.js";
import type { BulkJob } from "../import/bulk-job.js";
import { bulkUpsertLinkOperation, type LinkHead } from "../import/import-operation.js";
import {
  blamedOutcome,
  type FailureScope,
  fieldOf,
  isWorkspaceError,
  settledWithoutBlame,
} from "../import/send-outcome.js";
import { TenantLookup, tenantNotFoundOutcome } from "./tenant-lookup.js";

/** Whose fault a failed upsert is, and the row's field it names when it is the row's. */
export function linkFailure(error: unknown): { scope: FailureScope; field?: string | undefined } {
  if (InvalidRequestError.isInstance(error) || UnprocessableEntity.isInstance(error)) {
    return { scope: "row", field: fieldOf(error) };
  }
  if (Conflict.isInstance(error)) {
    return { scope: "row", field: /externalId/.test(error.message) ? "linkProps.externalId" : "key" };
  }
  if (
    NotFound.isInstance(error) &&
    /^(Partner not found|This partner is not part of a partner group)/.test(error.message)
  ) {
    return { scope: "row", field: "partnerId" };
  }
  if (Forbidden.isInstance(error) && /is a reserved path/.test(error.message))
    return { scope: "row", field: "key" };
  if (BadRequest.isInstance(error)) {
    // The program without a domain or URL refuses every row; anything else is about the row's URL.
    return /set a domain and url for this program/.test(error.message)
      ? { scope: "workspace" }
      : { scope: "row", field: "url" };
  }
  if (isWorkspaceError(error)) return { scope: "workspace" };
  return { scope: "other" };
}

/** The upsert job on `client`; `lookups()` counts the tenantId lookups it made. */
export function linkUpsertJob(client: ApiClient): BulkJob<LinkHead> & { lookups(): number } {
  const tenants = new TenantLookup(client);
  return {
    send: async (body, signal) => {
      const { partnerId, tenantId, ...link } = body;
      const id =
        typeof partnerId === "string" && partnerId !== ""
          ? partnerId
          : (await tenants.find(String(tenantId), signal)).id;
      const request = { ...link, partnerId: id } as UpsertPartnerLinkRequest;
      return client.dub.transport.request(bulkUpsertLinkOperation, request, { signal });
    },
    outcomeOf: (link, _row, firstSentAt) => ({
      kind: "done",
      outcome: upsertOutcome(link, firstSentAt),
      id: link.id,
    }),
    outcomeOfError: (error, abandoned) => {
      const settled = settledWithoutBlame(error, abandoned) ?? tenantNotFoundOutcome(error);
      if (settled) return settled;
      const { scope, field } = linkFailure(error);
      return blamedOutcome(error, scope, field);
    },
    lookups: () => tenants.requests,
  };
}
