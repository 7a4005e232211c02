// GET /partners/links: every link of one partner in the workspace's default program, archived, disabled and
// expired ones included, in no defined order.

import { defineOperation, type Operation } from "@dubkit/core";
import * as z from "zod/mini";
import { english } from "../english.js";
import type { ObjectSchema } from "../object-schema.js";
import { type PartnerIdentityShape, partnerIdentityShape } from "../partner-identity.js";
import { type PartnerLink, partnerLink } from "../partner-link.js";

/** The query of GET /partners/links (`retrievePartnerLinksSchema`): which partner. Unknown keys are dropped. */
export const retrievePartnerLinksQuery: ObjectSchema<PartnerIdentityShape> = z.object(partnerIdentityShape);

/** The query of GET /partners/links, as a caller passes it: `partnerId` or `tenantId`. */
export type RetrievePartnerLinksQuery = z.input<typeof retrievePartnerLinksQuery>;

/** The 200 body of GET /partners/links: the partner's links with their all-time stats (`[]` when none). */
export const retrievePartnerLinksResponse = z.array(partnerLink);

/** `GET /partners/links`. */
export const retrievePartnerLinksOperation: Operation<RetrievePartnerLinksQuery, PartnerLink[]> =
  defineOperation<RetrievePartnerLinksQuery, PartnerLink[]>({
    id: "retrievePartnerLinks",
    method: "GET",
    path: "/partners/links",
    query: english(retrievePartnerLinksQuery),
    response: english(retrievePartnerLinksResponse),
  });
