// The server's URL rule for destination URLs (Dub's `parseUrlSchema`): bounded to 32,000 characters, normalised the
// way Dub normalises them (`getUrlFromString`), then refused with `Invalid URL` unless `new URL()` accepts the result.

import * as z from "zod/mini";

/** The longest destination URL Dub stores. */
export const DESTINATION_URL_MAX_LENGTH = 32000;

function isValidUrl(text: string): boolean {
  try {
    new URL(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * A URL as Dub's server normalises it: kept as is when it already parses (`https://a.test` keeps no trailing
 * slash); otherwise, when it has a dot and no space, read as `https://` + text (`a.test/x` → `https://a.test/x`);
 * otherwise unchanged (and then refused as `Invalid URL`).
 */
export function urlFromString(text: string): string {
  if (isValidUrl(text)) return text;
  if (text.includes(".") && !text.includes(" ")) {
    try {
      return new URL(`https://${text}`).toString();
    } catch {
      // not a host either: left as is, and refused by the caller's check
    }
  }
  return text;
}

/** A destination URL: at most 32,000 characters, normalised with `urlFromString`, then `Invalid URL` unless valid. */
/* @__NO_SIDE_EFFECTS__ */
export function serverUrl() {
  return z
    .pipe(
      z.string().check(z.maxLength(DESTINATION_URL_MAX_LENGTH, "Must be 32000 or fewer characters long.")),
      z.transform(urlFromString),
    )
    .check(z.refine(isValidUrl, "Invalid URL"));
}
