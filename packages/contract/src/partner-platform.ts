// A website or social account a partner linked to their profile (`partnerPlatformSchema`), as GET /partners lists it
// with `includePartnerPlatforms=true`. Parsed leniently (see lenient.ts).

import * as z from "zod/mini";
import { PARTNER_PLATFORM_TYPES } from "./enums.js";
import { lenientObject, openEnum } from "./lenient.js";
import type { ObjectSchema } from "./object-schema.js";

/**
 * A count the server keeps as a BigInt. How it reaches JSON is not confirmed (the repository shows no BigInt
 * serialiser), so a number and a numeric string are both accepted.
 */
const bigCount = () => z.union([z.number(), z.string()]);

const partnerPlatformShape = {
  /** The kind of platform. */
  type: openEnum(PARTNER_PLATFORM_TYPES),
  /** The account on it: a username for social platforms, a domain for a website. */
  identifier: z.string(),
  /** When Dub verified that the partner owns the account (ISO 8601), or null. */
  verifiedAt: z.nullable(z.string()),
  /** The platform's own immutable ID for the account (e.g. a YouTube channel ID), when known. */
  platformId: z.nullable(z.string()),
  /** The account's avatar image URL, when known. */
  avatarUrl: z.optional(z.nullable(z.string())),
  /** Subscribers or followers (newsletter subscribers for a website). */
  subscribers: bigCount(),
  /** Posts published on the account. */
  posts: bigCount(),
  /** Views: video views on YouTube, impressions on social platforms, page views for a website. */
  views: bigCount(),
};

/** A website or social account on a partner's profile. */
export const partnerPlatform: PartnerPlatformSchema = lenientObject(partnerPlatformShape);

/** The schema type of `partnerPlatform` (named, so other modules' declarations keep its documentation). */
export type PartnerPlatformSchema = ObjectSchema<typeof partnerPlatformShape>;

/** A website or social account on a partner's profile. */
export type PartnerPlatform = z.output<typeof partnerPlatform>;
