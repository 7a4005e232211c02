// One of a partner's short links with its stats (`ProgramPartnerLinkSchema`): what GET /partners/links lists and
// what `links` holds in a partner.

import * as z from "zod/mini";
import { lenientObject } from "./lenient.js";
import type { ObjectSchema } from "./object-schema.js";

const partnerLinkShape = {
  /** The link's unique ID on Dub (`link_…`). */
  id: z.string(),
  /** The domain of the short link. */
  domain: z.string(),
  /** The short link's key (the path after the domain). */
  key: z.string(),
  /** The full short link: `https://<domain>/<key>`. */
  shortLink: z.string(),
  /** The destination URL. */
  url: z.string(),
  /** Clicks on the link. */
  clicks: z.number(),
  /** Leads the link generated. */
  leads: z.number(),
  /** Leads that converted to paying customers. */
  conversions: z.number(),
  /** Sales the link generated. */
  sales: z.number(),
  /** Revenue of those sales, in cents. */
  saleAmount: z.number(),
};

/** A partner's short link and its all-time stats. */
export const partnerLink: PartnerLinkSchema = lenientObject(partnerLinkShape);

/** The schema type of `partnerLink` (named, so other modules' declarations keep its documentation). */
export type PartnerLinkSchema = ObjectSchema<typeof partnerLinkShape>;

/** A partner's short link and its all-time stats. */
export type PartnerLink = z.output<typeof partnerLink>;
