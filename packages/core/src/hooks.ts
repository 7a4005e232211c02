// Hooks let callers observe and adjust requests by composition (as in Octokit) instead of
// subclassing the client.

import type { DubError } from "./errors/dub-error.js";
import type { HeadersLike } from "./headers-like.js";
import type { HttpMethod } from "./operation.js";

/** One attempt of a request, as hooks see it. A fresh context is built for every attempt. */
export interface RequestContext {
  /** HTTP method. */
  method: HttpMethod;
  /** Full URL including the query string; `beforeRequest` may replace it. */
  url: string;
  /** Request headers, including `authorization`; `beforeRequest` may change them. */
  headers: Record<string, string>;
  /** JSON body text, when the operation has a body. */
  body?: string | undefined;
  /** 1 for the first attempt, 2 for the first retry, and so on. */
  attempt: number;
  /** The operation's id, e.g. `"createPartner"`. */
  operationId: string;
}

/** The response as `afterResponse` sees it, before its body is parsed. */
export interface ResponseInfo {
  /** HTTP status code. */
  status: number;
  /** Response headers. */
  headers: HeadersLike;
  /** The body text, as received (it may contain whatever the server sent back). */
  body: string;
  /** Milliseconds from sending the attempt to having the whole body. */
  durationMs: number;
}

/** Why and when the next attempt happens. */
export interface RetryInfo {
  /** The number of the attempt about to be made (2 for the first retry). */
  attempt: number;
  /** How long the transport waits before it, in milliseconds. */
  delayMs: number;
  /** The error the failed attempt produced (thrown if no retry were made). */
  error?: DubError | undefined;
  /** The failed attempt's HTTP status, when there was a response. */
  status?: number | undefined;
}

/**
 * Hooks, all optional, may be async; a hook that throws fails the call with its error.
 *
 * Order for each attempt: every `beforeRequest` (in array order) → send → every `afterResponse`
 * (when a response arrived) or every `afterError` (when none did) → when the attempt failed and will be
 * retried: every `beforeRetry`,
 * then the wait, then the next attempt starts again with `beforeRequest`. With several hook
 * objects, each phase runs them in the order given.
 */
export interface Hooks {
  /** Runs before each attempt is sent; may mutate `context.headers` and `context.url`. */
  beforeRequest?(context: RequestContext): void | Promise<void>;
  /** Runs when a response arrives (any status), before its body is parsed or validated. */
  afterResponse?(context: RequestContext, response: ResponseInfo): void | Promise<void>;
  /** Runs when an attempt gets no response at all (connection error, timeout), with the error it produced. */
  afterError?(context: RequestContext, error: DubError): void | Promise<void>;
  /** Runs before the wait that precedes a retry. */
  beforeRetry?(context: RequestContext, retry: RetryInfo): void | Promise<void>;
}
