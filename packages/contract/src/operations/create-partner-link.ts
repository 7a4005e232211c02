// POST /partners/links: create a short link for a partner enrolled in the workspace's default program, on the
// program's domain. Not idempotent: every call without a `key` creates another link.

import { defineOperation, type Operation } from "@dubkit/core";
import * as z from "zod/mini";
import { english } from "../english.js";
import { type Link, link } from "../link.js";
import { linkProps } from "../link-props.js";
import { randomLinkKey, recoverCreatedLink } from "../link-recovery.js";
import type { ObjectSchema } from "../object-schema.js";
import { type PartnerIdentityShape, partnerIdentityShape } from "../partner-identity.js";
import { serverUrl } from "../server-url.js";

/** The fields after the partner's identity. */
const createPartnerLinkFields = {
  /**
   * The destination URL, at most 32,000 characters. Default: the URL of the partner group's first default link.
   * Normalised as the server does (`a.test/x` → `https://a.test/x`), then refused as `Invalid URL` unless it is one.
   * Its hostname must be one of the group's additional link domains (and in exact mode its path must match too), or
   * the server answers 400.
   */
  url: z.nullish(serverUrl()),
  /**
   * The short link slug, at most 190 characters. Default (or `""`): 7 random characters, after `linkProps.prefix`
   * when set. A slug that is not URL-friendly is the server's 422 `Invalid key.`; one already taken, a 409.
   */
  key: z.optional(z.string().check(z.maxLength(190))),
  /** Accepted and ignored by the server: comments are stored from `linkProps.comments`. */
  comments: z.nullish(z.string()),
  /**
   * More properties of the link (tags, expiry, previews, A/B tests…). `linkProps.tenantId` is replaced by the
   * partner's own `tenantId`.
   */
  linkProps: z.optional(linkProps),
};

/** The create-partner-link shape (declared as a type: a spread loses documentation). */
export type CreatePartnerLinkShape = PartnerIdentityShape & typeof createPartnerLinkFields;

const createPartnerLinkShape: CreatePartnerLinkShape = {
  ...partnerIdentityShape,
  ...createPartnerLinkFields,
};

/**
 * The create-partner-link body (`createPartnerLinkSchema`), in the server's key order. Every field is optional to the
 * schema; naming no partner is the server's 400, after validation. Unknown keys are dropped. The output is what gets
 * sent: `url` normalised, a leading `ext_` removed from `linkProps.externalId`, comma-separated tag lists split.
 */
export const createPartnerLinkBody: ObjectSchema<CreatePartnerLinkShape> = z.object(createPartnerLinkShape);

/** What a caller passes to create a partner link: `partnerId` or `tenantId`, and optionally the link's fields. */
export type CreatePartnerLinkRequest = z.input<typeof createPartnerLinkBody>;

/** The 201 body of POST /partners/links: the new link. */
export const createPartnerLinkResponse: typeof link = link;

/** A partner's link as POST /partners/links and PUT /partners/links/upsert return it. */
export type CreatePartnerLinkResponse = Link;

/** `POST /partners/links` (201). */
export const createPartnerLinkOperation: Operation<CreatePartnerLinkRequest, Link> = defineOperation<
  CreatePartnerLinkRequest,
  Link
>({
  id: "createPartnerLink",
  method: "POST",
  path: "/partners/links",
  body: english(createPartnerLinkBody),
  response: english(createPartnerLinkResponse),
  // Without a key, a repeat would create a second link: the key is chosen here, once per call, so every attempt
  // sends the same one and a repeat meets a 409 instead of a duplicate.
  retry: "idempotent",
  prepare: (input) => (input.key ? input : { ...input, key: randomLinkKey(input.linkProps?.prefix) }),
  // The repeat's 409 for that key, when the partner's own links hold it, is the link the first attempt created.
  recover: recoverCreatedLink,
});
