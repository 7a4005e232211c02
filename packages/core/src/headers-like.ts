// The part of a response's headers dubkit reads. WHATWG `Headers` satisfies it, and so does the
// light object the undici transport builds, which avoids the cost of a real `Headers` per response.

/** Read-only access to response headers; names are case-insensitive. */
export interface HeadersLike {
  /** The header's value, or `null` when it is absent. */
  get(name: string): string | null;
  /** Calls `callback` once per header, with the header's value and lower-case name. */
  forEach(callback: (value: string, name: string) => void): void;
}
