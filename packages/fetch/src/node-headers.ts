// Response headers straight from undici's plain object, without building a WHATWG `Headers`
// per response (a measurable share of the CPU per request).

import type { HeadersLike } from "@dubkit/core";

/** undici's `IncomingHttpHeaders`: lower-case names, repeated headers as arrays. */
export type RawHeaders = Record<string, string | string[] | undefined>;

/** {@link HeadersLike} over undici's header object. */
export class NodeHeaders implements HeadersLike {
  readonly #raw: RawHeaders;

  constructor(raw: RawHeaders) {
    this.#raw = raw;
  }

  get(name: string): string | null {
    const value = this.#raw[name.toLowerCase()];
    if (value === undefined) return null;
    return Array.isArray(value) ? value.join(", ") : value;
  }

  forEach(callback: (value: string, name: string) => void): void {
    for (const name of Object.keys(this.#raw)) {
      const value = this.get(name);
      if (value !== null) callback(value, name);
    }
  }
}
