// `--debug`: one line per request attempt (method, URL, attempt), per answer (status, time, request
// id) and per retry, each with its body, redacted and cut at BODY_LIMIT characters. Requests are seen
// through the SDK's hooks; answers through a fetch that wraps the SDK's own Node fetch, because
// hooks never see a response body (see the report to the lead: an `afterResponse` body would do).

import type { FetchLike, FetchLikeInit, FetchLikeResponse, Hooks } from "@dubkit/core";
import { redact } from "./redact.js";

/** Bodies longer than this many characters are cut, with a note of how much was left out. */
export const BODY_LIMIT = 2048;

/** A body as the log shows it: redacted, on one line, cut past {@link BODY_LIMIT}. */
export function loggedBody(text: string, limit = BODY_LIMIT): string {
  const flat = redact(text).replace(/\r?\n/g, "\\n");
  if (flat.length <= limit) return flat;
  return `${flat.slice(0, limit)}… (${(flat.length - limit).toLocaleString("en-US")} more characters)`;
}

/** A fetch that can be closed (the SDK's Node fetch is). */
export type ClosableFetch = FetchLike & { close(): Promise<void> };

/** The hooks and the fetch that together write the debug log, and how to close the fetch. */
export interface RequestLog {
  hooks: Hooks;
  fetch: FetchLike;
  close(): Promise<void>;
}

/** Builds the debug log around `base` (the fetch requests really go through), writing lines to `write`. */
export function requestLog(base: ClosableFetch, write: (line: string) => void): RequestLog {
  // The transport hands each attempt's headers object to fetch; it ties an answer to its attempt.
  const attempts = new WeakMap<object, number>();
  const log = (line: string) => write(`debug: ${redact(line)}`);
  const hooks: Hooks = {
    beforeRequest(context) {
      attempts.set(context.headers, context.attempt);
      log(`→ ${context.method} ${context.url} (attempt ${context.attempt})`);
      if (context.body !== undefined) log(`  request body: ${loggedBody(context.body)}`);
    },
    beforeRetry(_context, retry) {
      const why = retry.status === undefined ? (retry.error?.name ?? "a failure") : `status ${retry.status}`;
      log(`↻ attempt ${retry.attempt} in ${retry.delayMs} ms, after ${why}`);
    },
  };
  const fetch = async (url: string, init: FetchLikeInit): Promise<FetchLikeResponse> => {
    const attempt = attempts.get(init.headers);
    const started = performance.now();
    const tail = () =>
      `(${attempt === undefined ? "" : `attempt ${attempt}, `}${(performance.now() - started).toFixed(1)} ms`;
    let response: FetchLikeResponse;
    let text: string;
    try {
      response = await base(url, init);
      text = await response.text();
    } catch (error) {
      log(`✗ ${init.method} ${url} ${tail()}): ${error instanceof Error ? error.message : String(error)}`);
      throw error;
    }
    const requestId = response.headers.get("x-request-id");
    log(
      `← ${response.status} ${init.method} ${url} ${tail()}${requestId ? `, request id ${requestId}` : ""})`,
    );
    if (text !== "") log(`  response body: ${loggedBody(text)}`);
    return { status: response.status, headers: response.headers, text: async () => text };
  };
  return {
    hooks,
    fetch: Object.assign(fetch, { handlesTimeout: base.handlesTimeout === true }),
    close: () => base.close(),
  };
}
