// Query parameters from a validated object, the way Dub's list endpoints read them.

function stringify(value: unknown): string {
  return value instanceof Date ? value.toISOString() : String(value);
}

/**
 * Encodes `params` with `URLSearchParams`: `undefined` and `null` are skipped, arrays repeat the
 * key (`?tag=a&tag=b`), dates become ISO-8601. Returns `""` or a string starting with `?`.
 */
export function toQueryString(params: unknown): string {
  if (typeof params !== "object" || params === null) return "";
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) {
      for (const item of value) if (item !== undefined && item !== null) search.append(key, stringify(item));
    } else {
      search.append(key, stringify(value));
    }
  }
  const query = search.toString();
  return query === "" ? "" : `?${query}`;
}
