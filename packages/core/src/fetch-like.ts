// The smallest fetch the transport needs, so any WHATWG fetch works and a lighter one (undici's
// `request` in `@dubkit/fetch/node`) can stand in for it.

import type { HeadersLike } from "./headers-like.js";

/** Request options the transport passes to {@link FetchLike}. */
export interface FetchLikeInit {
  /** HTTP method. */
  method: string;
  /** Request headers, lower- or mixed-case names. */
  headers: Record<string, string>;
  /** JSON text, for requests with a body. */
  body?: string | undefined;
  /** Fires when the caller aborts (and, for fetches without `handlesTimeout`, when the attempt times out). */
  signal?: AbortSignal | undefined;
  /**
   * The attempt's deadline in milliseconds, set only for fetches with `handlesTimeout`; such a
   * fetch rejects with an error named `"TimeoutError"` when it passes.
   */
  timeoutMs?: number | undefined;
}

/** The response fields the transport reads. */
export interface FetchLikeResponse {
  /** HTTP status code. */
  status: number;
  /** Response headers. */
  headers: HeadersLike;
  /** Reads the whole body as text. The transport always calls it, which releases the connection. */
  text(): Promise<string>;
}

/**
 * A `fetch`-shaped function. `globalThis.fetch` satisfies it. A fetch that sets `handlesTimeout`
 * enforces `init.timeoutMs` itself, which spares the transport an `AbortController` and a timer
 * per attempt (a measurable share of the CPU per request on Node).
 */
export type FetchLike = ((url: string, init: FetchLikeInit) => Promise<FetchLikeResponse>) & {
  /** True when the fetch enforces `init.timeoutMs` and rejects with a `"TimeoutError"` itself. */
  readonly handlesTimeout?: boolean;
};
