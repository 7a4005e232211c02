// The transport: turns an operation and an input into one validated HTTP call with retries,
// per-attempt timeouts, pacing, hooks and a redacted debug log, and the response into a typed value
// or one of dubkit's errors. Side effects live here; the policy pieces are pure modules beside it.

import {
  type AnyOperation,
  asyncDispose,
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
  isIdempotent,
  type Limiter,
  type Operation,
  type OperationInput,
  type OperationOutput,
  parseRetryAfter,
  RateLimitExceeded,
  RequestAbortedError,
  type RequestContext,
  type RequestOptions,
  RequestTimeoutError,
  ResponseValidationError,
  type RetryConfig,
  type RetryInfo,
  type ValidationIssue,
} from "@dubkit/core";
import { type DebugSink, resolveDebugSink } from "./debug-log.js";
import { readEnv } from "./environment.js";
import type { DefaultFetchFactory, FetchProvider } from "./fetch-provider.js";
import { toQueryString } from "./query-string.js";
import { redactHeaders, redactSecret, redactTokens } from "./redact.js";
import {
  computeBackoffDelay,
  isRetryableError,
  MAX_RETRY_AFTER_MS,
  mayHaveBeenApplied,
  NOT_SENT_CODES,
  RETRY_AFTER_STATUSES,
  type ResolvedRetryConfig,
  resolveRetryConfig,
} from "./retry.js";
import { checkServerURL, DEFAULT_SERVER_URL } from "./server-url.js";
import { sleep } from "./sleep.js";
import { checkToken } from "./token.js";
import type { UserAgentFactory } from "./user-agent.js";
import { validate } from "./validate.js";

/** Default per-attempt timeout. */
export const DEFAULT_TIMEOUT_MS = 60_000;

/** Consecutive 429s a call may meet under a limiter before it fails, unless the limiter says otherwise. */
const DEFAULT_MAX_RATE_LIMIT_RETRIES = 20;

// setTimeout overflows above this and fires at once.
const MAX_TIMER_MS = 2_147_483_647;

/** Sends operations to the API. Create one with `createTransport` and share it. */
export interface Transport {
  /**
   * Validates `input` with the operation's `body` or `query` schema (an {@link InvalidRequestError}
   * and nothing sent on failure), sends it, and resolves to the response validated by
   * `operation.response`. Non-2xx responses reject with the matching `SDKError` subclass.
   */
  request<O extends AnyOperation>(
    operation: O,
    input: OperationInput<O>,
    options?: RequestOptions,
  ): Promise<OperationOutput<O>>;
  /** Closes the connection pool the transport created itself (not a `fetch` the caller passed). */
  close(): Promise<void>;
  /** Same as {@link Transport.close}, for `await using`. */
  [Symbol.asyncDispose](): Promise<void>;
  /** The server URL requests go to, without a trailing slash. */
  readonly serverURL: string;
}

/** What one attempt produced: a response with its body read, or the error that stopped it. */
type AttemptOutcome =
  | { kind: "response"; status: number; headers: HeadersLike; text: string; durationMs: number }
  | { kind: "failure"; error: DubError };

/** Everything fixed for the whole of one call. */
interface Call {
  operation: Operation<unknown, unknown>;
  /** The input after `prepare`, for `recover`. */
  input: unknown;
  url: string;
  body: string | undefined;
  headers: Record<string, string>;
  token: string;
  retry: ResolvedRetryConfig;
  timeoutMs: number;
  options: RequestOptions;
  startedAt: number;
}

function describeCause(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause as { code?: unknown; message?: unknown } | undefined;
  const code = (error as { code?: unknown }).code ?? cause?.code;
  const detail = typeof cause?.message === "string" && cause.message !== "" ? `: ${cause.message}` : "";
  const text = `${error.message}${detail}`;
  return typeof code === "string" && !text.includes(code) ? `${code} ${text}` : text;
}

function causeCode(error: unknown): string | undefined {
  const own = (error as { code?: unknown } | undefined)?.code;
  const nested = (
    (error as { cause?: { code?: unknown } } | undefined)?.cause as { code?: unknown } | undefined
  )?.code;
  const code = own ?? nested;
  return typeof code === "string" ? code : undefined;
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
  readonly #limiter: Limiter | undefined;
  readonly #debug: DebugSink | undefined;
  readonly #userAgent: string | undefined;
  readonly #userFetch: FetchLike | undefined;
  readonly #defaultFetch: DefaultFetchFactory;
  #provider: FetchProvider | undefined;

  constructor(options: ClientOptions, defaultFetch: DefaultFetchFactory, userAgent: UserAgentFactory) {
    this.#allowInsecureHttp = options.allowInsecureHttp ?? false;
    this.serverURL = checkServerURL(options.serverURL ?? DEFAULT_SERVER_URL, this.#allowInsecureHttp);
    const token = options.token ?? readEnv("DUB_API_KEY");
    this.#token = token === undefined ? undefined : checkToken(token);
    this.#retries = options.retries;
    this.#retry = resolveRetryConfig(options.retries);
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.#hooks = [options.hooks ?? []].flat();
    this.#limiter = options.limiter;
    this.#debug = resolveDebugSink(options.debug);
    this.#userAgent = userAgent(options.userAgent);
    this.#userFetch = options.fetch;
    this.#defaultFetch = defaultFetch;
  }

  async request<O extends AnyOperation>(
    operation: O,
    input: OperationInput<O>,
    options: RequestOptions = {},
  ): Promise<OperationOutput<O>> {
    const call = await this.#prepare(operation as unknown as Operation<unknown, unknown>, input, options);
    return (await this.#send(call)) as OperationOutput<O>;
  }

  /** Checks the configuration, validates and encodes the input: everything that happens once per call. */
  async #prepare(
    operation: Operation<unknown, unknown>,
    rawInput: unknown,
    options: RequestOptions,
  ): Promise<Call> {
    const token = this.#token;
    if (!token) {
      throw new ConfigurationError("No API token: pass `token` or set DUB_API_KEY.", { option: "token" });
    }
    const serverURL =
      options.serverURL === undefined
        ? this.serverURL
        : checkServerURL(options.serverURL, this.#allowInsecureHttp);
    if (options.signal?.aborted) throw this.#aborted(options.signal.reason);

    const input = operation.prepare ? operation.prepare(rawInput) : rawInput;
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
    if (options.headers) Object.assign(headers, options.headers);
    headers.authorization = `Bearer ${token}`;
    return {
      operation,
      input,
      url,
      body,
      headers,
      token,
      retry: options.retries === undefined ? this.#retry : resolveRetryConfig(options.retries, this.#retries),
      timeoutMs: options.timeoutMs ?? this.#timeoutMs,
      options,
      startedAt: Date.now(),
    };
  }

  /** The retry loop: one attempt after another until a success, an error not worth retrying, or the budget ends. */
  async #send(call: Call): Promise<unknown> {
    const { operation, options } = call;
    const idempotent = isIdempotent(operation);
    const hooks = this.#hooks;
    const limiter = this.#limiter;
    let failures = 0;
    let rateLimited = 0;
    let ambiguous = false;
    for (let attempt = 1; ; attempt++) {
      if (limiter) await this.#acquire(limiter, options.signal);
      const context: RequestContext = {
        method: operation.method,
        url: call.url,
        // Hooks may change the headers of one attempt; without hooks the call's own object is never touched.
        headers: hooks.length > 0 ? { ...call.headers } : call.headers,
        attempt,
        operationId: operation.id,
      };
      if (call.body !== undefined) context.body = call.body;
      for (const hook of hooks) await hook.beforeRequest?.(context);

      const outcome = await this.#attempt(context, call.timeoutMs, options.signal, call.token);
      let error: DubError;
      let status: number | undefined;
      let retryAfterMs: number | undefined;
      if (outcome.kind === "failure") {
        error = outcome.error;
        for (const hook of hooks) await hook.afterError?.(context, error);
      } else {
        status = outcome.status;
        const ok = status >= 200 && status < 300;
        if (!ok) {
          error = this.#responseError(context, outcome, call.token);
          // A RateLimitExceeded has read its Retry-After already.
          if (RateLimitExceeded.isInstance(error)) retryAfterMs = error.retryAfterMs;
          else if (RETRY_AFTER_STATUSES.has(status))
            retryAfterMs = parseRetryAfter(outcome.headers, Date.now());
        }
        limiter?.observe?.({ status, headers: outcome.headers, retryAfterMs });
        for (const hook of hooks) {
          await hook.afterResponse?.(context, {
            status,
            headers: outcome.headers,
            body: outcome.text,
            durationMs: outcome.durationMs,
          });
        }
        if (ok) return this.#parse(operation, context, outcome, call.token);
        error = error!;
      }

      const rateLimitRetry = limiter !== undefined && status === 429;
      if (rateLimitRetry) rateLimited++;
      else failures++;
      const delayMs = this.#retryDelay(call, error, {
        status,
        retryAfterMs,
        idempotent,
        failures,
        rateLimited,
        rateLimitRetry,
      });
      if (delayMs === undefined) {
        if (ambiguous && operation.recover && !isRetryableError(error)) {
          const recovered = await operation.recover(error, {
            input: call.input,
            request: (next, nextInput) =>
              this.request(next as AnyOperation, nextInput as never, {
                signal: options.signal,
                headers: options.headers,
                serverURL: options.serverURL,
              }) as never,
          });
          if (recovered !== undefined) {
            this.#log(
              `dubkit recovered ${operation.id}: ${error.name} after an attempt that may have applied`,
              call.token,
            );
            return recovered;
          }
        }
        throw error;
      }
      if (mayHaveBeenApplied(error)) ambiguous = true;
      const info: RetryInfo = { attempt: attempt + 1, delayMs, error };
      if (status !== undefined) info.status = status;
      for (const hook of hooks) await hook.beforeRetry?.(context, info);
      if (this.#debug) {
        this.#log(
          `dubkit retry ${context.method} ${context.url} attempt=${attempt + 1} in ${delayMs}ms`,
          call.token,
        );
      }
      if (delayMs > 0) {
        try {
          await sleep(delayMs, options.signal);
        } catch (reason) {
          throw this.#aborted(reason);
        }
      }
    }
  }

  /** The wait before the next attempt, or `undefined` when the call should fail now. */
  #retryDelay(
    call: Call,
    error: DubError,
    state: {
      status: number | undefined;
      retryAfterMs: number | undefined;
      idempotent: boolean;
      failures: number;
      rateLimited: number;
      rateLimitRetry: boolean;
    },
  ): number | undefined {
    const { retry } = call;
    if (!retry.enabled || !isRetryableError(error)) return undefined;
    if (state.status === undefined && !retry.retryConnectionErrors) return undefined;
    // Sending a non-idempotent request again is only safe when the failed attempt cannot have been applied.
    if (!state.idempotent && mayHaveBeenApplied(error)) return undefined;
    if (state.rateLimitRetry) {
      const limit = this.#limiter?.maxRateLimitRetries ?? DEFAULT_MAX_RATE_LIMIT_RETRIES;
      // The limiter holds the next acquire() until the server's reset: no wait of our own.
      return state.rateLimited <= limit ? 0 : undefined;
    }
    if (state.failures > retry.maxRetries) return undefined;
    // A longer wait is capped rather than refused: Dub's reset is the end of the server's minute, so a client
    // clock running behind makes it look longer than a minute away.
    const delayMs =
      state.retryAfterMs === undefined
        ? computeBackoffDelay(state.failures, retry.backoff)
        : Math.min(state.retryAfterMs, MAX_RETRY_AFTER_MS);
    if (Date.now() - call.startedAt + delayMs > retry.backoff.maxElapsedTime) return undefined;
    return delayMs;
  }

  async #acquire(limiter: Limiter, signal: AbortSignal | undefined): Promise<void> {
    if (signal?.aborted) throw this.#aborted(signal.reason);
    try {
      await limiter.acquire(signal);
    } catch (reason) {
      if (signal?.aborted) throw this.#aborted(signal.reason);
      throw reason;
    }
    if (signal?.aborted) throw this.#aborted(signal.reason);
  }

  #responseError(
    context: RequestContext,
    outcome: { status: number; headers: HeadersLike; text: string },
    token: string,
  ): DubError {
    return createSDKError({
      statusCode: outcome.status,
      body: redactSecret(outcome.text, token),
      headers: this.#safeHeaders(outcome.headers, token),
      method: context.method,
      url: redactSecret(context.url, token),
    });
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
    const started = performance.now();
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
      return {
        kind: "response",
        status: response.status,
        headers: response.headers,
        text,
        durationMs: performance.now() - started,
      };
    } catch (cause) {
      if (ConfigurationError.isInstance(cause)) throw cause;
      if (signal?.aborted) throw this.#aborted(signal.reason);
      const where = `${context.method} ${redactSecret(context.url, token)}`;
      const error =
        timedOut || (fetch.handlesTimeout && (cause as Error | undefined)?.name === "TimeoutError")
          ? new RequestTimeoutError(
              `${where} timed out after ${timeoutMs} ms (attempt ${context.attempt}); the server may still have applied it`,
              { timeoutMs },
            )
          : this.#connectionError(where, cause, token);
      if (debug) trace(`✗ ${error.name} ${where}`);
      return { kind: "failure", error };
    } finally {
      clearTimeout(timer);
      if (onAbort) signal?.removeEventListener("abort", onAbort);
    }
  }

  #connectionError(where: string, cause: unknown, token: string): ConnectionError {
    const detail = redactSecret(describeCause(cause), token);
    const code = causeCode(cause);
    const options = { cause: this.#safeCause(cause, token), code };
    // Say so when the request may have reached the server: a create may have happened though no answer came.
    return code !== undefined && NOT_SENT_CODES.has(code)
      ? new ConnectionError(`Could not reach ${where}: ${detail}`, options)
      : new ConnectionError(
          `The connection to ${where} failed before an answer arrived (${detail}); the server may have applied the request`,
          options,
        );
  }

  /** Parses and validates a 2xx body. */
  async #parse(
    operation: Operation<unknown, unknown>,
    context: RequestContext,
    outcome: { status: number; text: string },
    token: string,
  ): Promise<unknown> {
    const fail = (issues: ValidationIssue[]) =>
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
    return result.value;
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
    this.#debug?.(redactTokens(redactSecret(line, token)));
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
