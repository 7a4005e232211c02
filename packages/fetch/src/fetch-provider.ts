// Where the transport's fetch comes from when the caller gives none. Each entry point supplies
// its own default, so the browser entry never references undici.

import { ConfigurationError, type FetchLike } from "@dubkit/core";

/** A fetch plus a way to release what it holds (a connection pool, or nothing). */
export interface FetchProvider {
  /** Sends one request. */
  fetch: FetchLike;
  /** Releases connections the provider opened itself. */
  close(): Promise<void>;
}

/** Makes a transport's default fetch; called once per transport. */
export type DefaultFetchFactory = () => FetchProvider;

/** `globalThis.fetch`, looked up per call (so polyfills installed later are used) and never closed. */
export const globalFetchProvider: DefaultFetchFactory = () => ({
  fetch: (url, init) => {
    if (typeof globalThis.fetch !== "function") {
      throw new ConfigurationError("No global fetch in this runtime: pass the `fetch` option.", {
        option: "fetch",
      });
    }
    return globalThis.fetch(url, init);
  },
  close: async () => {},
});
