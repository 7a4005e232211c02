// PUT /partners/links/upsert: find the partner's link with this destination URL and update it, or create one. A
// repeat with the same body changes nothing more, so retrying it is safe.

import { defineOperation, type Operation } from "@dubkit/core";
import * as z from "zod/mini";
import { english } from "../english.js";
import { type Link, link } from "../link.js";
import type { ObjectSchema } from "../object-schema.js";
import { serverUrl } from "../server-url.js";
import { type CreatePartnerLinkShape, createPartnerLinkBody } from "./create-partner-link.js";

/** What upsert changes in the create-partner-link shape. */
const upsertPartnerLinkFields = {
  /**
   * The destination URL to find the link by (required), at most 32,000 characters, normalised as the server does
   * (`a.test/x` → `https://a.test/x`) and refused as `Invalid URL` unless it is one. The match is exact on the
   * normalised URL, among the `partnerId`'s links, or, when only `tenantId` is given, among every link of the
   * program (the server does not narrow it to the partner). Its hostname must be one of the partner group's
   * additional link domains, or the server answers 400.
   */
  url: serverUrl(),
};

/** The upsert shape (declared as a type: a spread loses documentation). */
type UpsertPartnerLinkShape = Omit<CreatePartnerLinkShape, "url"> & typeof upsertPartnerLinkFields;

const upsertPartnerLinkShape: UpsertPartnerLinkShape = {
  ...createPartnerLinkBody.shape,
  ...upsertPartnerLinkFields,
};

/**
 * The upsert body (`upsertPartnerLinkSchema`): the create-partner-link body with `url` required, in the same key
 * order. The output is what gets sent, normalised as for POST /partners/links.
 */
export const upsertPartnerLinkBody: ObjectSchema<UpsertPartnerLinkShape> = z.object(upsertPartnerLinkShape);

/** What a caller passes to upsert a partner link: `url`, `partnerId` or `tenantId`, and optionally link fields. */
export type UpsertPartnerLinkRequest = z.input<typeof upsertPartnerLinkBody>;

/** The 200 body of PUT /partners/links/upsert: the link as found, updated or created. */
export const upsertPartnerLinkResponse: typeof link = link;

/** A partner's link as PUT /partners/links/upsert returns it. */
export type UpsertPartnerLinkResponse = Link;

/** `PUT /partners/links/upsert` (200 whether the link was created, updated or left alone). */
export const upsertPartnerLinkOperation: Operation<UpsertPartnerLinkRequest, Link> = defineOperation<
  UpsertPartnerLinkRequest,
  Link
>({
  id: "upsertPartnerLink",
  method: "PUT",
  path: "/partners/links/upsert",
  body: english(upsertPartnerLinkBody),
  response: english(upsertPartnerLinkResponse),
  retry: "idempotent",
});
