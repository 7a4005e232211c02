// The query of GET /links/info as the server reads it (`getLinkInfoQuerySchemaExtended`): the contract's domain and
// key, both optional here, or a link id or externalId, and the two `include…` flags.
import { getLinkInfoQuery } from "@dubkit/contract";
import * as z from "zod/mini";

/** Dub's `booleanQuerySchema` with its default: `"true"`/`"false"` only. */
const queryFlag = () => z._default(z.stringbool({ truthy: ["true"], falsy: ["false"] }), false);

/** The server's schema for the /links/info query, in its key order. */
export const linkInfoQuery = z.object({
  domain: z.optional(getLinkInfoQuery.shape.domain),
  key: z.optional(getLinkInfoQuery.shape.key),
  linkId: z.optional(z.string()),
  externalId: z.optional(z.string()),
  includeUser: queryFlag(),
  includeWebhooks: queryFlag(),
});
