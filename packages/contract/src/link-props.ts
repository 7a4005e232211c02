// `linkProps`: the link fields a partner's links may override (createLinkBodySchema without url, domain, key and
// the other keys the server strips), as the server validates them.

import * as z from "zod/mini";
import type { ObjectSchema } from "./object-schema.js";
import { serverUrl } from "./server-url.js";

/** A string or a list of strings; the server splits a comma-separated string into the list. */
const stringList = () =>
  z.optional(
    z.pipe(
      z.union([z.string(), z.array(z.string())]),
      z.transform((value: string | string[]) => (typeof value === "string" ? value.split(",") : value)),
    ),
  );

const testVariantShape = {
  /** The destination URL of this variant. */
  url: z.string(),
  /** The share of traffic sent to it, 10 to 90 (percent). */
  percentage: z.number().check(z.gte(10), z.lte(90)),
};

/** One A/B test variant. */
export const testVariant: ObjectSchema<typeof testVariantShape> = z.object(testVariantShape);

const linkPropsShape = {
  /**
   * The ID of the link in your database. If set, it can be used to identify the link in future API requests (must
   * be prefixed with `ext_` when passed as a query parameter). Unique across the workspace. A leading `ext_` is
   * removed before it is stored.
   */
  externalId: z.pipe(
    z.nullish(z.string().check(z.minLength(1), z.maxLength(255))),
    z.transform((value: string | null | undefined) => (value?.startsWith("ext_") ? value.slice(4) : value)),
  ),
  /** The ID of the tenant that created the link inside your system (the partner's own `tenantId` wins). */
  tenantId: z.nullish(z.string().check(z.maxLength(255))),
  /**
   * Path prefix of a slug the server generates: a random key becomes `c/<7 characters>` with `/c/`. For a new
   * partner's default links (POST /partners) the partner's identity follows it (`c/jane`), with a short random suffix
   * when the group has several default links (`c/jane-a7f2`). Ignored when a `key` is given.
   */
  prefix: z.optional(z.string()),
  /** Whether the short link is archived. Defaults to `false`. */
  archived: z.optional(z.boolean()),
  /** The unique IDs of the tags assigned to the short link (a list, or one comma-separated string). */
  tagIds: stringList(),
  /** The unique names of the tags assigned to the short link, case-insensitive (a list, or one comma-separated string). */
  tagNames: stringList(),
  /** The comments for the short link. */
  comments: z.nullish(z.string()),
  /**
   * The date and time when the short link will expire (ISO 8601 or a natural-language date the server can read;
   * `Invalid expiration date.` otherwise).
   */
  expiresAt: z.nullish(z.string()),
  /** The URL to redirect to when the short link has expired; normalised and checked like a destination URL. */
  expiredUrl: z.nullish(serverUrl()),
  /** The password required to access the destination URL of the short link. */
  password: z.nullish(z.string()),
  /** Whether the short link uses Custom Link Previews. Defaults to `false`. */
  proxy: z.optional(z.boolean()),
  /** The custom link preview title (og:title), used when `proxy` is true. */
  title: z.nullish(z.string()),
  /** The custom link preview description (og:description), used when `proxy` is true. */
  description: z.nullish(z.string()),
  /** The custom link preview image (og:image), used when `proxy` is true. */
  image: z.nullish(z.string()),
  /** The custom link preview video (og:video), used when `proxy` is true. */
  video: z.nullish(z.string()),
  /** Whether the short link uses link cloaking. Defaults to `false`. */
  rewrite: z.optional(z.boolean()),
  /** The iOS destination URL, for iOS device targeting; normalised and checked like a destination URL. */
  ios: z.nullish(serverUrl()),
  /** The Android destination URL, for Android device targeting; normalised and checked like a destination URL. */
  android: z.nullish(serverUrl()),
  /** Allow search engines to index the short link. Defaults to `false`. */
  doIndex: z.optional(z.boolean()),
  /** A/B test URLs and the percentage of traffic to send to each: 2 to 4 variants. */
  testVariants: z.nullish(z.array(testVariant).check(z.minLength(2), z.maxLength(4))),
  /** The date and time when the tests started. */
  testStartedAt: z.nullish(z.string()),
  /** The date and time when the tests were or will be completed. */
  testCompletedAt: z.nullish(z.string()),
};

/** The schema type of `linkProps` (named, so other modules' declarations keep its documentation). */
export type LinkPropsSchema = ObjectSchema<typeof linkPropsShape>;

/** The `linkProps` object of a create-partner or create-link request. */
export const linkProps: LinkPropsSchema = z.object(linkPropsShape);

/** `linkProps` as a caller passes it. */
export type LinkProps = z.input<typeof linkProps>;
