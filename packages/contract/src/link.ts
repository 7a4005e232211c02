// A short link with all its fields (OpenAPI `LinkSchema`, plus `identifier` and `linkRetentionCleanupDisabledAt`,
// which the server also sends): what POST /partners/links and PUT /partners/links/upsert return. Parsed leniently.

import * as z from "zod/mini";
import { LINK_TAG_COLORS } from "./enums.js";
import { lenientObject, openEnum } from "./lenient.js";
import type { ObjectSchema } from "./object-schema.js";

const nullableString = () => z.nullable(z.string());

const linkTagShape = {
  /** The unique ID of the tag. */
  id: z.string(),
  /** The name of the tag. */
  name: z.string(),
  /** The color of the tag. */
  color: openEnum(LINK_TAG_COLORS),
};

/** A tag on a short link. */
export const linkTag: ObjectSchema<typeof linkTagShape> = lenientObject(linkTagShape);

/** A tag on a short link. */
export type LinkTag = z.output<typeof linkTag>;

const linkTestVariantShape = {
  /** The destination URL of this variant. */
  url: z.string(),
  /** The share of traffic sent to it (percent). */
  percentage: z.number(),
};

/** One A/B test variant of a short link. */
const linkTestVariant: ObjectSchema<typeof linkTestVariantShape> = lenientObject(linkTestVariantShape);

const linkShape = {
  /** The unique ID of the short link (`link_…`). */
  id: z.string(),
  /** The domain of the short link (for a partner link, the program's domain). */
  domain: z.string(),
  /** The short link slug (the path after the domain). */
  key: z.string(),
  /** The destination URL of the short link. */
  url: z.string(),
  /** Whether conversions are tracked for the short link (always `true` for partner links). */
  trackConversion: z.boolean(),
  /** The ID of the link in your database, or null. Unique across the workspace. */
  externalId: nullableString(),
  /** The ID of the tenant that created the link in your system (for a partner link, the partner's `tenantId`). */
  tenantId: nullableString(),
  /** The ID of the program the short link belongs to (`prog_…`). */
  programId: nullableString(),
  /** The ID of the partner the short link belongs to (`pn_…`). */
  partnerId: nullableString(),
  /** Whether the short link is archived. */
  archived: z.boolean(),
  /** When the short link expires (ISO 8601), or null. */
  expiresAt: nullableString(),
  /** The URL to redirect to once the short link has expired, or null. */
  expiredUrl: nullableString(),
  /**
   * When the short link was disabled (ISO 8601), or null. A disabled link redirects to its domain's not-found URL
   * and its stats are left out of the workspace's totals.
   */
  disabledAt: nullableString(),
  /** The password required to reach the destination URL, or null. */
  password: nullableString(),
  /** Whether the short link uses Custom Link Previews. */
  proxy: z.boolean(),
  /** The custom link preview title (og:title), used when `proxy` is true; cut to 120 characters. */
  title: nullableString(),
  /** The custom link preview description (og:description), used when `proxy` is true; cut to 240 characters. */
  description: nullableString(),
  /** The custom link preview image (og:image), used when `proxy` is true. */
  image: nullableString(),
  /** The custom link preview video (og:video), used when `proxy` is true. */
  video: nullableString(),
  /** Whether the short link uses link cloaking. */
  rewrite: z.boolean(),
  /** Whether search engines may index the short link. */
  doIndex: z.boolean(),
  /** The iOS destination URL, for iOS device targeting, or null. */
  ios: nullableString(),
  /** The Android destination URL, for Android device targeting, or null. */
  android: nullableString(),
  /** Geo targeting: a destination URL per 2-letter country code (`{ "US": "https://…" }`), or null. */
  geo: z.nullable(z.record(z.string(), z.string())),
  /** @deprecated Whether the short link's stats are public; Dub replaced it with link dashboards. */
  publicStats: z.boolean(),
  /** The tags on the short link, oldest first. */
  tags: z.nullable(z.array(linkTag)),
  /** The ID of the folder the short link is in (for a partner link, the program's default folder), or null. */
  folderId: nullableString(),
  /** @deprecated The IDs of the webhooks the short link triggers (`[]` unless the server loaded them). */
  webhookIds: z.array(z.string()),
  /** The comments on the short link, or null. */
  comments: nullableString(),
  /** The full short link, with the https protocol (e.g. `https://dub.sh/try`). */
  shortLink: z.string(),
  /** The URL of the short link's QR code (e.g. `https://api.dub.co/qr?url=https://dub.sh/try?qr=1`). */
  qrCode: z.string(),
  /** The UTM source, read from the destination URL's query, or null. */
  utm_source: nullableString(),
  /** The UTM medium, read from the destination URL's query, or null. */
  utm_medium: nullableString(),
  /** The UTM campaign, read from the destination URL's query, or null. */
  utm_campaign: nullableString(),
  /** The UTM term, read from the destination URL's query, or null. */
  utm_term: nullableString(),
  /** The UTM content, read from the destination URL's query, or null. */
  utm_content: nullableString(),
  /** The A/B test variants (2 to 4 URLs and their share of traffic), or null. */
  testVariants: z.optional(z.nullable(z.array(linkTestVariant))),
  /** When the A/B tests started (ISO 8601), or null. */
  testStartedAt: z.optional(nullableString()),
  /** When the A/B tests were or will be completed (ISO 8601), or null. */
  testCompletedAt: z.optional(nullableString()),
  /** The ID of the user who created or last updated the short link (the API key's user), or null. */
  userId: nullableString(),
  /** The workspace's ID (`ws_…`). */
  workspaceId: z.string(),
  /** Clicks on the short link. */
  clicks: z.number(),
  /** Leads the short link generated. */
  leads: z.number(),
  /** Leads that converted to paying customers. */
  conversions: z.number(),
  /** Sales the short link generated, recurring sales included. */
  sales: z.number(),
  /** Revenue of those sales, in cents. */
  saleAmount: z.number(),
  /** When the short link was last clicked (ISO 8601), or null. */
  lastClicked: nullableString(),
  /** When the short link was created (ISO 8601). */
  createdAt: z.string(),
  /** When the short link was last updated (ISO 8601). */
  updatedAt: z.string(),
  /** @deprecated Use `tags`: the ID of the first tag, or null. */
  tagId: nullableString(),
  /** @deprecated Use `workspaceId`: the workspace's database ID (without `ws_` for older workspaces). */
  projectId: z.string(),
  /** @deprecated Always null; kept by the server for backwards compatibility (not in Dub's documentation). */
  identifier: z.optional(nullableString()),
  /**
   * When link-retention cleanup was explicitly turned off for this link (ISO 8601), or null. Sent by the server
   * but not in Dub's documentation.
   */
  linkRetentionCleanupDisabledAt: z.optional(nullableString()),
};

/** A short link, as the link-creating endpoints return it. */
export const link: ObjectSchema<typeof linkShape> = lenientObject(linkShape);

/** A short link with all its fields. */
export type Link = z.output<typeof link>;
