// The transport: turns an operation and an input into one validated HTTP call with retries,
// per-attempt timeouts, hooks and a redacted debug log, and the response into a typed value or
// one of dubkit's errors. Side effects live here; the policy pieces are pure modules beside it.

import {
  type ClientOptions,
  ConfigurationError,
  ConnectionError,
  createSDKError,
  type DubError,
  type FetchLike,
  type FetchLikeInit,
  type HeadersLike,
  type Hooks,
  InvalidRequestError,
  type Operation,
  parseRetryAfter,
  RateLimitExceeded,
  RequestAbortedError,
  type RequestContext,
  type RequestOptions,
  RequestTimeoutError,
  ResponseValidationError,
  type RetryConfig,
  type RetryInfo,
} from "@dubkit/core";
import { type DebugSink, resolveDebugSink } from "./debug-log.js";
import { readEnv } from "./environment.js";
import type { DefaultFetchFactory, FetchProvider } from "./fetch-provider.js";
import { toQueryString } from "./query-string.js";
import { redactHeaders, redactSecret } from "./redact.js";
import {
  computeBackoffDelay,
  isRetryableError,
  MAX_RETRY_AFTER_MS,
  RETRY_AFTER_STATUSES,
  type ResolvedRetryConfig,
  resolveRetryConfig,
} from "./retry.js";
import { checkServerURL, DEFAULT_SERVER_URL } from "./server-url.js";
import { sleep } from "./sleep.js";
import type { UserAgentFactory } from "./user-agent.js";
import { validate } from "./validate.js";

/** Default per-attempt timeout. */
export const DEFAULT_TIMEOUT_MS = 60_000;

// setTimeout overflows above this and fires at once.
const MAX_TIMER_MS = 2_147_483_647;

// Older browsers lack Symbol.asyncDispose; this is the fallback TypeScript's own helpers use.
const asyncDispose: typeof Symbol.asyncDispose =
  Symbol.asyncDispose ?? (Symbol.for("Symbol.asyncDispose") as typeof Symbol.asyncDispose);

/** Sends operations to the API. Create one with `createTransport` and share it. */
export interface Transport {
  /**
   * Validates `input` with the operation's `body` or `query` schema (an {@link InvalidRequestError}
   * and nothing sent on failure), sends it, and resolves to the response validated by
   * `operation.response`. Non-2xx responses reject with the matching `SDKError` subclass.
   */
  request<TOutput>(
    operation: Operation<unknown, TOutput>,
    input: unknown,
    options?: RequestOptions,
  ): Promise<TOutput>;
  /** Closes the connection pool the transport created itself (not a `fetch` the caller passed). */
  close(): Promise<void>;
  /** Same as {@link Transport.close}, for `await using`. */
  [Symbol.asyncDispose](): Promise<void>;
  /** The server URL requests go to, without a trailing slash. */
  readonly serverURL: string;
}

/** What one attempt produced: a response with its body read, or the error that stopped it. */
type AttemptOutcome =
  | { kind: "response"; status: number; headers: HeadersLike; text: string }
  | { kind: "failure"; error: DubError };

function describeCause(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause as { code?: unknown; message?: unknown } | undefined;
  const code = (error as { code?: unknown }).code ?? cause?.code;
  const detail = typeof cause?.message === "string" && cause.message !== "" ? `: ${cause.message}` : "";
  const text = `${error.message}${detail}`;
  return typeof code === "string" && !text.includes(code) ? `${code} ${text}` : text;
}

class HttpTransport implements Transport {
  readonly serverURL: string;
  readonly #token: string | undefined;
  readonly #allowInsecureHttp: boolean;
  readonly #retries: RetryConfig | undefined;
  // The client's own policy, resolved once: most calls pass no `retries` of their own.
  readonly #retry: ResolvedRetryConfig;
  readonly #timeoutMs: number;
  readonly #hooks: Hooks[];
  readonly #debug: DebugSink | undefined;
  readonly #userAgent: string | undefined;
  readonly #userFetch: FetchLike | undefined;
  readonly #defaultFetch: DefaultFetchFactory;
  #provider: FetchProvider | undefined;

  constructor(options: ClientOptions, defaultFetch: DefaultFetchFactory, userAgent: UserAgentFactory) {
    this.#allowInsecureHttp = options.allowInsecureHttp ?? false;
    this.serverURL = checkServerURL(options.serverURL ?? DEFAULT_SERVER_URL, this.#allowInsecureHttp);
    this.#token = options.token ?? readEnv("DUB_API_KEY");
    this.#retries = options.retries;
    this.#retry = resolveRetryConfig(options.retries);
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.#hooks = [options.hooks ?? []].flat();
    this.#debug = resolveDebugSink(options.debug);
    this.#userAgent = userAgent(options.userAgent);
    this.#userFetch = options.fetch;
    this.#defaultFetch = defaultFetch;
  }

  async request<TOutput>(
    operation: Operation<unknown, TOutput>,
    input: unknown,
    options: RequestOptions = {},
  ) {
    const token = this.#token;
    if (!token) {
      throw new ConfigurationError("No API token: pass `token` or set DUB_API_KEY.", { option: "token" });
    }
    const serverURL =
      options.serverURL === undefined
        ? this.serverURL
        : checkServerURL(options.serverURL, this.#allowInsecureHttp);
    if (options.signal?.aborted) throw this.#aborted(options.signal.reason);

    let url = serverURL + operation.path;
    let body: string | undefined;
    const schema = operation.body ?? operation.query;
    if (schema) {
      const result = await validate(schema, input);
      if (!result.ok) throw new InvalidRequestError(result.issues);
      if (operation.body) body = JSON.stringify(result.value);
      else url += toQueryString(result.value);
    }

    const headers: Record<string, string> = { accept: "application/json" };
    if (body !== undefined) headers["content-type"] = "application/json";
    if (this.#userAgent) headers["user-agent"] = this.#userAgent;
    Object.assign(headers, options.headers);
    headers.authorization = `Bearer ${token}`;

    const retry =
      options.retries === undefined ? this.#retry : resolveRetryConfig(options.retries, this.#retries);
    const timeoutMs = options.timeoutMs ?? this.#timeoutMs;
    const startedAt = Date.now();

    for (let attempt = 1; ; attempt++) {
      const context: RequestContext = {
        method: operation.method,
        url,
        headers: { ...headers },
        attempt,
        operationId: operation.id,
      };
      if (body !== undefined) context.body = body;
      for (const hook of this.#hooks) await hook.beforeRequest?.(context);

      const outcome = await this.#attempt(context, timeoutMs, options.signal, token);
      let error: DubError;
      let retryAfterMs: number | undefined;
      let status: number | undefined;
      if (outcome.kind === "failure") {
        error = outcome.error;
      } else {
        status = outcome.status;
        for (const hook of this.#hooks)
          await hook.afterResponse?.(context, { status, headers: outcome.headers });
        if (status >= 200 && status < 300) return this.#parse(operation, context, outcome, token);
        error = createSDKError({
          statusCode: status,
          body: redactSecret(outcome.text, token),
          headers: this.#safeHeaders(outcome.headers, token),
          method: context.method,
          url: redactSecret(context.url, token),
        });
        // A RateLimitExceeded has read its Retry-After already.
        if (RateLimitExceeded.isInstance(error)) retryAfterMs = error.retryAfterMs;
        else if (RETRY_AFTER_STATUSES.has(status))
          retryAfterMs = parseRetryAfter(outcome.headers, Date.now());
      }

      const retryable = isRetryableError(error) && (status !== undefined || retry.retryConnectionErrors);
      const delayMs = this.#retryDelay(retry, attempt, retryable, retryAfterMs, startedAt);
      if (delayMs === undefined) throw error;
      const info: RetryInfo = { attempt: attempt + 1, delayMs, error };
      if (status !== undefined) info.status = status;
      for (const hook of this.#hooks) await hook.beforeRetry?.(context, info);
      if (this.#debug) {
        this.#log(
          `dubkit retry ${context.method} ${context.url} attempt=${attempt + 1} in ${delayMs}ms`,
          token,
        );
      }
      try {
        await sleep(delayMs, options.signal);
      } catch (reason) {
        throw this.#aborted(reason);
      }
    }
  }

  /** The wait before the next attempt, or `undefined` when the call should fail now. */
  #retryDelay(
    retry: ResolvedRetryConfig,
    attempt: number,
    retryable: boolean,
    retryAfterMs: number | undefined,
    startedAt: number,
  ): number | undefined {
    if (!retry.enabled || !retryable || attempt > retry.maxRetries) return undefined;
    // A longer wait is capped rather than refused: Dub's reset is the end of the server's minute, so a client
    // clock running behind makes it look longer than a minute away.
    const delayMs =
      retryAfterMs === undefined
        ? computeBackoffDelay(attempt, retry.backoff)
        : Math.min(retryAfterMs, MAX_RETRY_AFTER_MS);
    if (Date.now() - startedAt + delayMs > retry.backoff.maxElapsedTime) return undefined;
    return delayMs;
  }

  /** Sends one attempt and reads its body, within the attempt's timeout. */
  async #attempt(
    context: RequestContext,
    timeoutMs: number,
    signal: AbortSignal | undefined,
    token: string,
  ): Promise<AttemptOutcome> {
    const fetch = this.#fetch();
    const hasDeadline = timeoutMs > 0 && timeoutMs < Number.POSITIVE_INFINITY;
    const init: FetchLikeInit = { method: context.method, headers: context.headers };
    if (context.body !== undefined) init.body = context.body;
    // A fetch that enforces the deadline itself gets it as a number; any other gets a signal that
    // this method aborts on timeout or when the caller's signal fires.
    let timedOut = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let onAbort: (() => void) | undefined;
    if (fetch.handlesTimeout) {
      if (hasDeadline) init.timeoutMs = Math.min(timeoutMs, MAX_TIMER_MS);
      if (signal) init.signal = signal;
    } else {
      const controller = new AbortController();
      init.signal = controller.signal;
      if (hasDeadline) {
        timer = setTimeout(
          () => {
            timedOut = true;
            controller.abort();
          },
          Math.min(timeoutMs, MAX_TIMER_MS),
        );
      }
      if (signal) {
        onAbort = () => controller.abort(signal.reason);
        signal.addEventListener("abort", onAbort, { once: true });
      }
    }
    const debug = this.#debug;
    const started = debug ? performance.now() : 0;
    const trace = (line: string) =>
      this.#log(
        `dubkit ${line} attempt=${context.attempt} ${(performance.now() - started).toFixed(1)}ms`,
        token,
      );
    if (debug)
      trace(`→ ${context.method} ${context.url} headers=${JSON.stringify(redactHeaders(context.headers))}`);
    try {
      const response = await fetch(context.url, init);
      const text = await response.text();
      if (debug) trace(`← ${response.status} ${context.method} ${context.url}`);
      return { kind: "response", status: response.status, headers: response.headers, text };
    } catch (cause) {
      if (ConfigurationError.isInstance(cause)) throw cause;
      if (signal?.aborted) throw this.#aborted(signal.reason);
      const where = `${context.method} ${redactSecret(context.url, token)}`;
      const error =
        timedOut || (fetch.handlesTimeout && (cause as Error | undefined)?.name === "TimeoutError")
          ? new RequestTimeoutError(`${where} timed out after ${timeoutMs} ms (attempt ${context.attempt})`, {
              timeoutMs,
            })
          : new ConnectionError(`Could not reach ${where}: ${redactSecret(describeCause(cause), token)}`, {
              cause: this.#safeCause(cause, token),
            });
      if (debug) trace(`✗ ${error.name} ${where}`);
      return { kind: "failure", error };
    } finally {
      clearTimeout(timer);
      if (onAbort) signal?.removeEventListener("abort", onAbort);
    }
  }

  /** Parses and validates a 2xx body. */
  async #parse<TOutput>(
    operation: Operation<unknown, TOutput>,
    context: RequestContext,
    outcome: { status: number; text: string },
    token: string,
  ): Promise<TOutput> {
    const fail = (issues: { path: string; message: string }[]) =>
      new ResponseValidationError({
        body: redactSecret(outcome.text, token),
        statusCode: outcome.status,
        issues,
        method: context.method,
        url: redactSecret(context.url, token),
      });
    let json: unknown;
    if (outcome.text.trim() !== "") {
      try {
        json = JSON.parse(outcome.text);
      } catch {
        throw fail([{ path: "", message: "Body is not valid JSON" }]);
      }
    }
    const result = await validate(operation.response, json);
    if (!result.ok) throw fail(result.issues);
    return result.value as TOutput;
  }

  #fetch(): FetchLike {
    if (this.#userFetch) return this.#userFetch;
    this.#provider ??= this.#defaultFetch();
    return this.#provider.fetch;
  }

  #aborted(reason: unknown): RequestAbortedError {
    return new RequestAbortedError("Aborted by the caller's AbortSignal.", { reason });
  }

  /** A `Headers` copy of the response headers with the token masked, for errors. */
  #safeHeaders(headers: HeadersLike, token: string): Headers {
    const copy = new Headers();
    headers.forEach((value, name) => {
      copy.append(name, redactSecret(value, token));
    });
    return copy;
  }

  /** The underlying error, or a stand-in without the token if its text somehow holds it. */
  #safeCause(cause: unknown, token: string): unknown {
    if (!(cause instanceof Error)) return cause;
    const text = `${cause.message}${cause.stack}${(cause.cause as Error | undefined)?.message}`;
    return text.includes(token) ? new Error(redactSecret(cause.message, token)) : cause;
  }

  #log(line: string, token: string): void {
    this.#debug?.(redactSecret(line, token));
  }

  async close(): Promise<void> {
    const provider = this.#provider;
    this.#provider = undefined;
    await provider?.close();
  }

  [asyncDispose](): Promise<void> {
    return this.close();
  }
}

/**
 * Builds a transport whose default fetch (when `options.fetch` is unset) comes from `defaultFetch`, and whose
 * `User-Agent` comes from `userAgent`. Each entry point passes its runtime's, so the browser build carries no
 * runtime detection.
 */
export function createTransportWith(
  options: ClientOptions,
  defaultFetch: DefaultFetchFactory,
  userAgent: UserAgentFactory,
): Transport {
  return new HttpTransport(options, defaultFetch, userAgent);
}
