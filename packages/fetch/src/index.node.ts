// @dubkit/fetch on Node: the default fetch is an undici keep-alive pool (several times cheaper
// than WHATWG fetch), loaded on the first request so importing this module stays cheap.

import type { ClientOptions, FetchLike, FetchLikeInit } from "@dubkit/core";
import type { DefaultFetchFactory } from "./fetch-provider.js";
import type { NodeFetch } from "./node.js";
import { createTransportWith, type Transport } from "./transport.js";
import { runtimeUserAgent } from "./user-agent.js";

export * from "./public-api.js";

// Each transport gets its own pool, created on its first request; the module that holds undici
// is imported only then.
const nodePoolProvider: DefaultFetchFactory = () => {
  let pool: NodeFetch | undefined;
  let loading: Promise<NodeFetch> | undefined;
  const load = () => {
    loading ??= import("./node.js").then((module) => {
      pool = module.createNodeFetch();
      return pool;
    });
    return loading;
  };
  const fetch: FetchLike = Object.assign(
    (url: string, init: FetchLikeInit) =>
      pool ? pool(url, init) : load().then((loaded) => loaded(url, init)),
    { handlesTimeout: true },
  );
  return {
    fetch,
    close: async () => {
      const current = pool ?? (await loading);
      pool = undefined;
      loading = undefined;
      await current?.close();
    },
  };
};

/**
 * Creates a transport. Without `options.fetch` it sends through an undici keep-alive pool (with
 * proxy support from `HTTPS_PROXY`/`HTTP_PROXY`/`NO_PROXY`) that `close()` shuts down.
 * Throws a `ConfigurationError` for an unusable `serverURL`.
 */
export function createTransport(options: ClientOptions = {}): Transport {
  return createTransportWith(options, nodePoolProvider, runtimeUserAgent);
}
