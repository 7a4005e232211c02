// @dubkit/fetch/node: a FetchLike for Node built directly on an undici dispatcher with a keep-alive
// pool. Node only; nothing else in dubkit imports undici, so browser bundles never contain it.
// It talks to the dispatcher's handler API rather than `request()`: no body stream and no
// AbortSignal per request, which halves undici's CPU per call.

import type { FetchLike, FetchLikeInit, FetchLikeResponse } from "@dubkit/core";
import { Agent, type Dispatcher, EnvHttpProxyAgent } from "undici";
import { NodeHeaders, type RawHeaders } from "./node-headers.js";

/** Options for {@link createNodeFetch}. */
export interface NodeFetchOptions {
  /** Most connections per origin. Default: no limit. */
  connections?: number;
  /** How long an idle connection stays open, in milliseconds. Default 4000 (undici's). */
  keepAliveTimeoutMs?: number;
  /**
   * Route through the proxy named by `HTTPS_PROXY`/`HTTP_PROXY` (either case), skipping hosts in
   * `NO_PROXY`, using undici's `EnvHttpProxyAgent`. Default true.
   */
  proxy?: boolean;
}

/** A {@link FetchLike} backed by an undici pool, plus `close()` to shut the pool down. */
export interface NodeFetch extends FetchLike {
  /** Closes every pooled connection once in-flight requests finish. */
  close(): Promise<void>;
  /** Always true: `init.timeoutMs` is enforced here. */
  readonly handlesTimeout: true;
}

const PROXY_VARIABLES = ["HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy"];

function createDispatcher(options: NodeFetchOptions): Dispatcher {
  const agentOptions: Agent.Options = {};
  if (options.connections !== undefined) agentOptions.connections = options.connections;
  if (options.keepAliveTimeoutMs !== undefined) agentOptions.keepAliveTimeout = options.keepAliveTimeoutMs;
  // EnvHttpProxyAgent parses every request's origin to apply NO_PROXY; without a proxy variable
  // that work buys nothing, so a plain Agent serves instead.
  const proxied = options.proxy !== false && PROXY_VARIABLES.some((name) => process.env[name]);
  return proxied ? new EnvHttpProxyAgent(agentOptions) : new Agent(agentOptions);
}

function timeoutError(timeoutMs: number): Error {
  const error = new Error(`The attempt did not complete within ${timeoutMs} ms.`);
  error.name = "TimeoutError";
  return error;
}

/** Sends one request through `dispatcher` and buffers the whole response body. */
function send(dispatcher: Dispatcher, url: string, init: FetchLikeInit): Promise<FetchLikeResponse> {
  return new Promise((resolve, reject) => {
    const { signal, timeoutMs } = init;
    let controller: Dispatcher.DispatchController | undefined;
    let stopped: Error | undefined;
    let status = 0;
    let headers: RawHeaders = {};
    const chunks: Buffer[] = [];

    const stop = (reason: Error) => {
      if (stopped) return;
      stopped = reason;
      finish();
      reject(reason);
      controller?.abort(reason);
    };
    const onAbort = () =>
      stop(signal?.reason instanceof Error ? signal.reason : new Error(String(signal?.reason)));
    const timer =
      timeoutMs !== undefined && timeoutMs > 0 && timeoutMs < 2_147_483_647
        ? setTimeout(() => stop(timeoutError(timeoutMs)), timeoutMs)
        : undefined;
    const finish = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
    };
    if (signal?.aborted) return onAbort();
    signal?.addEventListener("abort", onAbort, { once: true });

    try {
      const { origin, pathname, search } = new URL(url);
      dispatcher.dispatch(
        {
          origin,
          path: pathname + search,
          method: init.method as Dispatcher.HttpMethod,
          headers: init.headers,
          body: init.body ?? null,
        },
        {
          onRequestStart(started) {
            controller = started;
            if (stopped) started.abort(stopped);
          },
          onResponseStart(_, statusCode, responseHeaders) {
            status = statusCode;
            headers = responseHeaders;
          },
          onResponseData(_, chunk) {
            chunks.push(chunk);
          },
          onResponseEnd() {
            if (stopped) return;
            finish();
            const text =
              chunks.length === 1 ? chunks[0]!.toString("utf8") : Buffer.concat(chunks).toString("utf8");
            resolve({ status, headers: new NodeHeaders(headers), text: async () => text });
          },
          onResponseError(_, error) {
            if (stopped) return;
            finish();
            reject(error);
          },
        },
      );
    } catch (error) {
      finish();
      reject(error);
    }
  });
}

/**
 * Creates a fetch for Node on an undici keep-alive connection pool, with proxy support from the
 * environment. Pass it as `fetch` to share one pool between clients; call `close()` when done so
 * no socket keeps the process alive.
 */
export function createNodeFetch(options: NodeFetchOptions = {}): NodeFetch {
  const dispatcher = createDispatcher(options);
  const fetch = (url: string, init: FetchLikeInit) => send(dispatcher, url, init);
  return Object.assign(fetch, { close: () => dispatcher.close(), handlesTimeout: true as const });
}
