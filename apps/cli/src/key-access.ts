// Whether a key may change the program or only read it, found with one request that changes nothing: GET
// /partners/links naming no partner is a 400 ("Either `partnerId` or `tenantId` must be provided.") for an owner's
// or member's key, and a 403 (the role check runs first) for a viewer's or a billing member's.

import { BadRequest, Forbidden } from "@dubkit/core";
import type { Dub } from "@dubkit/partners";

/** What a key may do with the program. */
export type KeyAccess = "write" | "read-only";

/** The key's access, or `undefined` when the answer says neither (an API that does not behave as Dub's). */
export async function probeKeyAccess(dub: Dub): Promise<KeyAccess | undefined> {
  try {
    await dub.partners.retrieveLinks({});
    return undefined;
  } catch (error) {
    if (BadRequest.isInstance(error) && /partnerId.*tenantId/.test(error.message)) return "write";
    if (Forbidden.isInstance(error) && /required role/i.test(error.message)) return "read-only";
    return undefined;
  }
}

/** How whoami and login say it. */
export function describeKeyAccess(access: KeyAccess): string {
  return access === "write" ? "can write" : "read-only (viewer or billing)";
}
