import { ConnectionError, type RequestContext } from "@dubkit/core";
import { describe, expect, it } from "vitest";
import { BODY_LIMIT, loggedBody, requestLogHooks } from "./request-log.js";

it("redacts tokens in a logged body and keeps it on one line", () => {
  expect(loggedBody('{"token":"dub_abcdefghijklmnopqrstuvwx"}\n')).toBe('{"token":"dub_[REDACTED]"}\\n');
});

it("cuts a body past the limit and says how much was left out", () => {
  const body = "x".repeat(BODY_LIMIT + 1234);
  const logged = loggedBody(body);
  expect(logged.startsWith("x".repeat(BODY_LIMIT))).toBe(true);
  expect(logged.endsWith("… (1,234 more characters)")).toBe(true);
  expect(loggedBody("short")).toBe("short");
});

describe("the --debug hooks", () => {
  const context = (): RequestContext => ({
    method: "POST",
    url: "https://api.dub.co/partners",
    headers: { authorization: "Bearer dub_abcdefghijklmnopqrstuvwx" },
    body: '{"email":"jane@example.com"}',
    attempt: 2,
    operationId: "createPartner",
  });

  it("logs an attempt and its answer: method, URL, attempt, status, time, request id and both bodies", async () => {
    const lines: string[] = [];
    const hooks = requestLogHooks((line) => lines.push(line));
    const attempt = context();
    await hooks.beforeRequest?.(attempt);
    await hooks.afterResponse?.(attempt, {
      status: 201,
      headers: new Headers({ "x-request-id": "req_7" }),
      body: '{"id":"pn_1","token":"dub_abcdefghijklmnopqrstuvwx"}',
      durationMs: 12.345,
    });
    expect(lines).toEqual([
      "debug: → POST https://api.dub.co/partners (attempt 2)",
      'debug:   request body: {"email":"jane@example.com"}',
      "debug: ← 201 POST https://api.dub.co/partners (attempt 2, 12.3 ms, request id req_7)",
      'debug:   response body: {"id":"pn_1","token":"dub_[REDACTED]"}',
    ]);
  });

  it("logs an attempt that got no answer with its time and the error, and the retry after it", async () => {
    const lines: string[] = [];
    const hooks = requestLogHooks((line) => lines.push(line));
    const attempt = context();
    await hooks.beforeRequest?.(attempt);
    const error = new ConnectionError("POST https://api.dub.co/partners failed: connect ECONNREFUSED");
    await hooks.afterError?.(attempt, error);
    await hooks.beforeRetry?.(attempt, { attempt: 3, delayMs: 500, error });
    expect(lines[2]).toMatch(
      /^debug: ✗ POST https:\/\/api\.dub\.co\/partners \(attempt 2, [\d.]+ ms\): POST https:\/\/api\.dub\.co\/partners failed: connect ECONNREFUSED$/,
    );
    expect(lines[3]).toBe("debug: ↻ attempt 3 in 500 ms, after ConnectionError");
  });
});
