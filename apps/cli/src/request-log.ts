// `--debug`: one line per request attempt (method, URL, attempt), per answer (status, time, request id), per attempt
// that got no answer, and per retry, each with its body, redacted and cut at BODY_LIMIT characters. All of it comes
// from the SDK's hooks, which see every attempt, its response body and its timing.

import type { Hooks, RequestContext } from "@dubkit/core";
import { redact } from "./redact.js";

/** Bodies longer than this many characters are cut, with a note of how much was left out. */
export const BODY_LIMIT = 2048;

/** A body as the log shows it: redacted, on one line, cut past {@link BODY_LIMIT}. */
export function loggedBody(text: string, limit = BODY_LIMIT): string {
  const flat = redact(text).replace(/\r?\n/g, "\\n");
  if (flat.length <= limit) return flat;
  return `${flat.slice(0, limit)}… (${(flat.length - limit).toLocaleString("en-US")} more characters)`;
}

/** The hooks that write the debug log, one line at a time, to `write`. */
export function requestLogHooks(write: (line: string) => void): Hooks {
  // An attempt that gets no response has no duration from the transport: its start is kept per attempt context.
  const started = new WeakMap<RequestContext, number>();
  const log = (line: string) => write(`debug: ${redact(line)}`);
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  return {
    beforeRequest(context) {
      started.set(context, performance.now());
      log(`→ ${context.method} ${context.url} (attempt ${context.attempt})`);
      if (context.body !== undefined) log(`  request body: ${loggedBody(context.body)}`);
    },
    afterResponse(context, response) {
      const requestId = response.headers.get("x-request-id");
      log(
        `← ${response.status} ${context.method} ${context.url} (attempt ${context.attempt}, ${ms(response.durationMs)}` +
          `${requestId ? `, request id ${requestId}` : ""})`,
      );
      if (response.body !== "") log(`  response body: ${loggedBody(response.body)}`);
    },
    afterError(context, error) {
      const start = started.get(context);
      const elapsed = start === undefined ? "" : `, ${ms(performance.now() - start)}`;
      log(`✗ ${context.method} ${context.url} (attempt ${context.attempt}${elapsed}): ${error.message}`);
    },
    beforeRetry(_context, retry) {
      const why = retry.status === undefined ? (retry.error?.name ?? "a failure") : `status ${retry.status}`;
      log(`↻ attempt ${retry.attempt} in ${retry.delayMs} ms, after ${why}`);
    },
  };
}
