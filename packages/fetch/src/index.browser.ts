// @dubkit/fetch in browsers: index.ts without a User-Agent. Browsers do not let a page set that header (and a
// custom one would force a CORS preflight), so the runtime detection that builds it is left out of the bundle.

import type { ClientOptions } from "@dubkit/core";
import { globalFetchProvider } from "./fetch-provider.js";
import { createTransportWith, type Transport } from "./transport.js";

export * from "./public-api.js";

/**
 * Creates a transport. Without `options.fetch` it sends with `globalThis.fetch`. No `User-Agent` is sent, and
 * the `userAgent` option is ignored, as browsers forbid the header. Throws a `ConfigurationError` for an
 * unusable `serverURL`.
 */
export function createTransport(options: ClientOptions = {}): Transport {
  return createTransportWith(options, globalFetchProvider, () => undefined);
}
