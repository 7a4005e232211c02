// GET /links/info: one short link of the workspace by its domain and key, with all its fields. Not a partner-program
// endpoint; the client reads a link back with it when it cannot tell whether a create went through.

import { defineOperation, type Operation } from "@dubkit/core";
import * as z from "zod/mini";
import { english } from "../english.js";
import { type Link, link } from "../link.js";
import type { ObjectSchema } from "../object-schema.js";

/** Dub's `validDomainRegex`: dot-separated labels of letters, digits and inner hyphens, then a TLD of letters. */
const VALID_DOMAIN = /^([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]{2,}$/;

const getLinkInfoQueryShape = {
  /**
   * The domain of the link, without protocol: for `d.to/github`, `d.to`. Refused as `Domain is required.` when
   * empty and as `Invalid domain format` unless it is a host name with a top-level domain of letters.
   */
  domain: z.string().check(
    z.minLength(1, "Domain is required."),
    z.refine((value: string) => VALID_DOMAIN.test(value), "Invalid domain format"),
  ),
  /** The key of the link (the path after the domain): for `d.to/github`, `github`. `Key is required.` when empty. */
  key: z.string().check(z.minLength(1, "Key is required.")),
};

/**
 * The query of GET /links/info as the client sends it: `domain` and `key`, with the server's checks and messages
 * (`domainKeySchema`). The server also takes `linkId` or `externalId` instead; the client does not need them.
 * Unknown keys are dropped.
 */
export const getLinkInfoQuery: ObjectSchema<typeof getLinkInfoQueryShape> = z.object(getLinkInfoQueryShape);

/** Which link to read: its `domain` and `key`. */
export type GetLinkInfoQuery = z.input<typeof getLinkInfoQuery>;

/** The 200 body of GET /links/info: the link with all its fields. */
export const getLinkInfoResponse: typeof link = link;

/** A link as GET /links/info returns it. */
export type GetLinkInfoResponse = Link;

/**
 * `GET /links/info` (needs the `links.read` permission, on any plan). 404 `Link not found.` when the workspace has
 * no link with that domain and key.
 */
export const getLinkInfoOperation: Operation<GetLinkInfoQuery, Link> = defineOperation<
  GetLinkInfoQuery,
  Link
>({
  id: "getLinkInfo",
  method: "GET",
  path: "/links/info",
  query: english(getLinkInfoQuery),
  response: english(getLinkInfoResponse),
});
