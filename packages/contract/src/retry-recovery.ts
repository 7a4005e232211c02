// What a repeat of a partner-program action means after an attempt whose outcome is unknown (the connection broke
// after the request left, a timeout, a 5XX). Ban, deactivate, approve and reject change a status the server then
// refuses to change again, so the repeat answers "already …": after an ambiguous attempt, that answer is the
// success the first attempt had. (Links: link-recovery.ts.)

import { BadRequest, type DubError, defineOperation, NotFound, type RecoveryContext } from "@dubkit/core";
import * as z from "zod/mini";
import { english } from "./english.js";
import { lenientObject } from "./lenient.js";
import type { PartnerIdResult } from "./partner-id-result.js";

/** The lookup's query: one partner, by tenantId or by id. */
interface PartnerLookupQuery {
  tenantId?: string | undefined;
  search?: string | undefined;
  pageSize: number;
}

/** GET /partners reduced to what recovery reads (a partner's id and status), so an action's bundle stays small. */
const partnerLookup = defineOperation<PartnerLookupQuery, { id: string; status: string }[]>({
  id: "listPartners",
  method: "GET",
  path: "/partners",
  query: english(
    lenientObject({ tenantId: z.optional(z.string()), search: z.optional(z.string()), pageSize: z.number() }),
  ),
  response: english(z.array(lenientObject({ id: z.string(), status: z.string() }))),
});

/** The enrolled partner found by `tenantId`, or by its id with `search` (an exact match for a `pn_` id). */
async function findPartner(
  request: RecoveryContext<unknown>["request"],
  by: { tenantId: string } | { partnerId: string },
): Promise<{ id: string; status: string } | undefined> {
  const query =
    "tenantId" in by ? { tenantId: by.tenantId, pageSize: 1 } : { search: by.partnerId, pageSize: 1 };
  const [partner] = await request(partnerLookup, query);
  return partner;
}

/** The identity fields of a request that names a partner by Dub's id or by yours. */
export interface PartnerIdentity {
  partnerId?: string | null | undefined;
  tenantId?: string | null | undefined;
}

/**
 * A `recover` for an action whose repeat answers a 400 matching `alreadyDone` once the action happened: returns
 * the `{ partnerId }` the first attempt would have (looked up by `tenantId` when only that was given).
 */
export function recoverWhenAlreadyDone<I extends PartnerIdentity>(alreadyDone: RegExp) {
  return async (
    error: DubError,
    { input, request }: RecoveryContext<I>,
  ): Promise<PartnerIdResult | undefined> => {
    if (!BadRequest.isInstance(error) || !alreadyDone.test(error.message)) return undefined;
    if (input.partnerId) return { partnerId: input.partnerId };
    if (!input.tenantId) return undefined;
    const partner = await findPartner(request, { tenantId: input.tenantId });
    return partner ? { partnerId: partner.id } : undefined;
  };
}

/**
 * A `recover` for a rejection: the repeat of an applied rejection answers 400 "no longer pending" (confirmed by the
 * partner's status now being `rejected`), or, after an `instant` rejection deleted the enrollment, 404. That 404 cannot
 * be told from a partner that never had a pending enrollment (nothing left to look at), so after an ambiguous attempt
 * an instant rejection resolves; either way no pending enrollment remains.
 */
export async function recoverRejection(
  error: DubError,
  { input, request }: RecoveryContext<{ partnerId: string; reapplicationTimeframe?: string | undefined }>,
): Promise<PartnerIdResult | undefined> {
  if (NotFound.isInstance(error) && error.message === "Program enrollment not found.") {
    return input.reapplicationTimeframe === "instant" ? { partnerId: input.partnerId } : undefined;
  }
  if (!BadRequest.isInstance(error) || !/no longer pending/.test(error.message)) return undefined;
  const partner = await findPartner(request, { partnerId: input.partnerId });
  return partner?.status === "rejected" ? { partnerId: input.partnerId } : undefined;
}
