// The analytics time zone rule of Dub's server (`sanitizeTimezone`): a zone the runtime's Intl does not know
// becomes UTC, silently, instead of being refused.

/** `zone` if `Intl` knows it as a time zone, else `"UTC"` (also for `""`). */
export function sanitizeTimeZone(zone: string | undefined): string {
  if (!zone) return "UTC";
  try {
    Intl.DateTimeFormat(undefined, { timeZone: zone });
    return zone;
  } catch {
    return "UTC";
  }
}
