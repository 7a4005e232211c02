// Options shared by every dubkit client and by the transport that serves them.

import type { FetchLike } from "./fetch-like.js";
import type { Hooks } from "./hooks.js";
import type { Limiter } from "./limiter.js";
import type { RetryConfig } from "./retry-config.js";

/** Client configuration. Everything is optional; per-call `RequestOptions` override it. */
export interface ClientOptions {
  /** Dub workspace API key (`dub_…`). Default: `DUB_API_KEY` from the environment, where there is one. */
  token?: string | undefined;
  /** API base URL. Default `https://api.dub.co`. */
  serverURL?: string | undefined;
  /**
   * The fetch to send requests with. Default: an undici keep-alive pool on Node, `globalThis.fetch`
   * elsewhere (Bun, Deno, workers, browsers).
   */
  fetch?: FetchLike | undefined;
  /** Retry behaviour. Default: 2 retries with exponential backoff (see {@link RetryConfig}). */
  retries?: RetryConfig | undefined;
  /** Per-attempt timeout in milliseconds. Default 60000. */
  timeoutMs?: number | undefined;
  /** Request hooks; an array runs in order. */
  hooks?: Hooks | Hooks[] | undefined;
  /**
   * Debug log of method, URL, status, attempt and timing (Authorization redacted): `true` writes
   * to `console.error`, a function receives each line. Also enabled by `DUBKIT_DEBUG=1`.
   */
  debug?: boolean | ((line: string) => void) | undefined;
  /** Allow an `http://` `serverURL` on a host other than loopback. Default false. */
  allowInsecureHttp?: boolean | undefined;
  /** Paces every attempt, e.g. to a plan's rate limit for bulk work; see {@link Limiter}. */
  limiter?: Limiter | undefined;
  /** Product token placed before dubkit's own in `User-Agent`, e.g. `"my-app/1.2.0"`. */
  userAgent?: string | undefined;
}
