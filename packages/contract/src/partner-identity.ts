// How the partner-program endpoints name a partner (Dub's `partnerIdTenantIdSchema`): by Dub's ID or by yours. The
// schema accepts neither; the server then answers 400 ``Either `partnerId` or `tenantId` must be provided.``

import * as z from "zod/mini";

/** `partnerId` and `tenantId`, for spreading into a request shape (declared `PartnerIdentityShape & …`). */
export const partnerIdentityShape = {
  /**
   * The partner's ID on Dub (`pn_…`). Wins over `tenantId` when both are given (the two are not checked to name
   * the same partner). An empty string counts as absent.
   */
  partnerId: z.nullish(z.string()),
  /**
   * The partner's ID in your own system (their `tenantId`). Used when `partnerId` is absent; one of the two is
   * required, or the server answers 400 ``Either `partnerId` or `tenantId` must be provided.``
   */
  tenantId: z.nullish(z.string()),
};

/** The type of `partnerIdentityShape`, for declaring a shape that spreads it (spreads lose documentation). */
export type PartnerIdentityShape = typeof partnerIdentityShape;
