// A `fetch` for tests that sends every request to the real server (the emulator) and rewrites what comes back:
// how a test shows the client meeting a server that changed (an additive field, a broken field, a proxy that
// drops the query string) without a hand-written fake of Dub.

import type { FetchLike } from "@dubkit/core";

/** Edits one response body (parsed JSON) in place, or returns a replacement. */
export type BodyRewrite = (body: unknown, url: string) => unknown;

/** A fetch that forwards to `globalThis.fetch`, optionally rewriting the URL and the JSON body of each response. */
export function rewritingFetch(options: { body?: BodyRewrite; url?: (url: string) => string }): FetchLike {
  return async (url, init) => {
    const response = await globalThis.fetch(options.url ? options.url(url) : url, init);
    const text = await response.text();
    let rewritten = text;
    if (options.body && text !== "") {
      const parsed: unknown = JSON.parse(text);
      const result = options.body(parsed, url);
      rewritten = JSON.stringify(result === undefined ? parsed : result);
    }
    return { status: response.status, headers: response.headers, text: async () => rewritten };
  };
}
