// POST /partners: create a partner and enroll it in the workspace's default program, or return the existing
// enrollment for the same email or tenantId. The server is idempotent by email, so a retry is always safe.

import { defineOperation, type Operation } from "@dubkit/core";
import * as z from "zod/mini";
import { serverEmail } from "../email.js";
import { english } from "../english.js";
import { type EnrolledPartner, enrolledPartner } from "../enrolled-partner.js";
import { isUrlFriendlyKey } from "../link-key.js";
import { linkProps } from "../link-props.js";
import type { ObjectSchema } from "../object-schema.js";

const createPartnerShape = {
  /** The partner's full name. Default: the partner's email. At most 100 characters. */
  name: z.nullish(z.string().check(z.trim(), z.maxLength(100))),
  /**
   * The partner's email address (required). Partners claim their profile by signing up at `partners.dub.co` with
   * it. The format is checked before trimming, as on the server: `" a@b.co "` is refused.
   */
  email: serverEmail().check(z.trim(), z.maxLength(190)),
  /**
   * A URL-friendly key for the partner's default short links (at most 100 characters). Default: derived from the
   * partner's name or email. It does not set the partner's Dub username, which Dub generates.
   */
  username: z.nullish(
    z
      .string()
      .check(
        z.maxLength(100),
        z.refine(isUrlFriendlyKey, "Invalid username. Must be a URL-friendly string."),
      ),
  ),
  /** The partner's avatar image URL. Default: a generated avatar. */
  image: z.nullish(z.string()),
  /**
   * The partner's ID in your own system, for finding them later. A partner already enrolled with this email takes
   * the new `tenantId`; a `tenantId` that belongs to another partner is a `Conflict` (409).
   */
  tenantId: z.optional(z.string()),
  /** The group to add the partner to: a `grp_…` id or the group's slug. Default: the program's default group. */
  groupId: z.optional(z.string()),
  /** The partner's country, as a 2-letter ISO 3166-1 code (the server stores any string as given). */
  country: z.nullish(z.string()),
  /** A brief description of the partner and their background, at most 5,000 characters. */
  description: z.nullish(z.string().check(z.maxLength(5000))),
  /** Properties of the partner's default links, overriding the group's defaults. */
  linkProps: z.optional(linkProps),
};

/**
 * The create-partner body, with the server's rules in the server's key order (Dub reports only the first issue, so
 * the order decides which problem a user hears about first). Only `email` is required; unknown keys (such as the
 * seed-era `programId`) are dropped. The output is what gets sent: `name` and `email` trimmed, a leading `ext_`
 * removed from `linkProps.externalId`, comma-separated tag lists split.
 */
export const createPartnerBody: ObjectSchema<typeof createPartnerShape> = z.object(createPartnerShape);

/** What a caller passes to create a partner: `email` is required, everything else optional. */
export type CreatePartnerRequest = z.input<typeof createPartnerBody>;

/** `POST /partners`, idempotent by email (a repeat returns the same enrollment, 201). */
export const createPartnerOperation: Operation<CreatePartnerRequest, EnrolledPartner> = defineOperation<
  CreatePartnerRequest,
  EnrolledPartner
>({
  id: "createPartner",
  method: "POST",
  path: "/partners",
  body: english(createPartnerBody),
  response: english(enrolledPartner),
  retry: "idempotent",
});
