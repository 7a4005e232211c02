// @dubkit/fetch for runtimes with a good built-in fetch (workers, Bun, Deno): the default fetch is
// `globalThis.fetch`. Node resolves to index.node.ts and browsers to index.browser.ts instead (see package.json).

import type { ClientOptions } from "@dubkit/core";
import { globalFetchProvider } from "./fetch-provider.js";
import { createTransportWith, type Transport } from "./transport.js";
import { runtimeUserAgent } from "./user-agent.js";

export * from "./public-api.js";

/**
 * Creates a transport. Without `options.fetch` it sends with `globalThis.fetch` (on Node, with a
 * keep-alive undici pool instead). Throws a `ConfigurationError` for an unusable `serverURL`.
 */
export function createTransport(options: ClientOptions = {}): Transport {
  return createTransportWith(options, globalFetchProvider, runtimeUserAgent);
}
