// Reading "when may I retry" from response headers. Dub sends `Retry-After` and `X-RateLimit-Reset`
// as Unix epoch *milliseconds* (partners-behavior.md §5); other servers use delta seconds or an
// HTTP-date, and some send `X-RateLimit-Reset` as epoch seconds. All of them are accepted.

import type { HeadersLike } from "./headers-like.js";

// Numbers at or above these are points in time rather than delays: 1e12 ms is September 2001,
// 1e9 s is September 2001 too. No server asks a client to wait 31 years.
const EPOCH_MS_THRESHOLD = 1e12;
const EPOCH_S_THRESHOLD = 1e9;

/**
 * Converts one header value to the epoch millisecond at which it expires, or `undefined` when it
 * cannot be read. Numbers are delta seconds, epoch seconds or epoch milliseconds (by magnitude);
 * anything else is tried as an HTTP-date.
 */
export function parseResetTime(value: string | null, nowMs: number): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (trimmed === "") return undefined;
  if (/^\d+(\.\d+)?$/.test(trimmed)) {
    const n = Number(trimmed);
    if (n >= EPOCH_MS_THRESHOLD) return n;
    if (n >= EPOCH_S_THRESHOLD) return n * 1000;
    return nowMs + n * 1000;
  }
  // An HTTP-date always names its day and month; this keeps Date.parse from reading "-3" as a year.
  if (!/[a-z]/i.test(trimmed)) return undefined;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : date;
}

/**
 * How long the server asks the client to wait before retrying, in milliseconds (never negative),
 * from `Retry-After` or else `X-RateLimit-Reset`; `undefined` when neither can be read.
 *
 * Accepts delta seconds (`"120"`), an HTTP-date (`"Wed, 21 Oct 2026 07:28:00 GMT"`) and Dub's
 * epoch milliseconds (`"1763900460000"`).
 */
export function parseRetryAfter(headers: HeadersLike, nowMs: number): number | undefined {
  const at =
    parseResetTime(headers.get("retry-after"), nowMs) ??
    parseResetTime(headers.get("x-ratelimit-reset"), nowMs);
  return at === undefined ? undefined : Math.max(0, Math.ceil(at - nowMs));
}
