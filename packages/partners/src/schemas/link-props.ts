// `linkProps` of the create request: the link fields a partner's default links may override. Keys
// outside this list (url, domain, key, programId, utm_*, ...) are dropped, as the server drops them.

import {
  array,
  boolean,
  gte,
  lte,
  maxLength,
  minLength,
  nullish,
  number,
  object,
  optional,
  string,
  transform,
  union,
} from "@dubkit/core/schema";

const nullableString = nullish(string());

/**
 * The server (Dub's `parseUrlSchemaAllowEmpty`) only bounds these URLs' length, with its own message,
 * and normalizes them itself; it does not reject a string that is not a URL, so neither do we.
 */
const linkUrl = nullish(string(maxLength(32000, "Must be 32000 or fewer characters long.")));

/** A string or a list of strings; the server splits a comma-separated string into the list. */
const stringList = optional(
  transform(union([string(), array(string())]), (value) =>
    typeof value === "string" ? value.split(",") : value,
  ),
);

const testVariant = object({ url: string(), percentage: number(gte(10), lte(90)) });

/** The `linkProps` object of a create-partner request. */
export const linkProps = object({
  externalId: transform(nullish(string(minLength(1), maxLength(255))), (value) =>
    value?.startsWith("ext_") ? value.slice(4) : value,
  ),
  tenantId: nullish(string(maxLength(255))),
  prefix: optional(string()),
  archived: optional(boolean()),
  tagIds: stringList,
  tagNames: stringList,
  comments: nullableString,
  expiresAt: nullableString,
  expiredUrl: linkUrl,
  password: nullableString,
  proxy: optional(boolean()),
  title: nullableString,
  description: nullableString,
  image: nullableString,
  video: nullableString,
  rewrite: optional(boolean()),
  ios: linkUrl,
  android: linkUrl,
  doIndex: optional(boolean()),
  testVariants: nullish(array(testVariant, minLength(2), maxLength(4))),
  testStartedAt: nullableString,
  testCompletedAt: nullableString,
});
