import { inspect } from "node:util";
import {
  BadRequest,
  ConfigurationError,
  Conflict,
  ConnectionError,
  defineOperation,
  type Hooks,
  InternalServerError,
  InvalidRequestError,
  RequestAbortedError,
  RequestTimeoutError,
  ResponseValidationError,
  type RetryConfig,
  SDKError,
  type StandardSchemaV1,
  UnprocessableEntity,
} from "@dubkit/core";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { version } from "../package.json";
import { createTransport } from "./index.node.js";
import { sendJson, startTestServer, type TestHandler, type TestServer } from "./test-server.js";

const TOKEN = "dub_TESTtoken0123456789abcd";

// Idempotent, as a create the server deduplicates by email: every retryable failure is retried.
const createThing = defineOperation({
  id: "createThing",
  method: "POST",
  path: "/things",
  body: z.object({ email: z.email(), name: z.string().optional() }),
  response: z.object({ id: z.string(), email: z.string() }),
  retry: "idempotent",
});

// A POST that a repeat would apply twice: retried only when the failed attempt cannot have been applied.
const chargeThing = defineOperation({
  id: "chargeThing",
  method: "POST",
  path: "/charges",
  body: z.object({ amount: z.number() }),
  response: z.object({ id: z.string() }),
});

const listThings = defineOperation({
  id: "listThings",
  method: "GET",
  path: "/things",
  query: z.object({
    status: z.string().optional(),
    tag: z.array(z.string()).optional(),
    page: z.number().nullish(),
  }),
  response: z.array(z.object({ id: z.string() })),
});

const FAST: RetryConfig = { strategy: "backoff", backoff: { initialInterval: 1, maxInterval: 4 } };

let server: TestServer | undefined;
const transports: { close(): Promise<void> }[] = [];

async function serve(handler: TestHandler): Promise<TestServer> {
  server = await startTestServer(handler);
  return server;
}

function transport(options: Parameters<typeof createTransport>[0] = {}) {
  const created = createTransport({ token: TOKEN, serverURL: server?.url, retries: FAST, ...options });
  transports.push(created);
  return created;
}

function created(): TestHandler {
  return (request, response) => sendJson(response, 201, { id: "pn_1", ...JSON.parse(request.body || "{}") });
}

afterEach(async () => {
  for (const t of transports.splice(0)) await t.close();
  await server?.close();
  server = undefined;
});

describe("request", () => {
  it("sends JSON with bearer auth, accept and user agent, and returns the validated response", async () => {
    const srv = await serve(created());
    const result = await transport().request(createThing, { email: "jane@example.com" });
    expect(result).toEqual({ id: "pn_1", email: "jane@example.com" });
    const [sent] = srv.requests;
    expect(sent?.method).toBe("POST");
    expect(sent?.url).toBe("/things");
    expect(sent?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(sent?.headers["content-type"]).toBe("application/json");
    expect(sent?.headers.accept).toBe("application/json");
    expect(sent?.headers["user-agent"]).toBe(`dubkit/${version} (node/${process.versions.node})`);
    expect(JSON.parse(sent?.body ?? "")).toEqual({ email: "jane@example.com" });
  });

  it("sends the schema's output, so keys the schema strips are not sent", async () => {
    const srv = await serve(created());
    // @ts-expect-error `password` is not a field of the body: a JavaScript caller can still pass it.
    await transport().request(createThing, { email: "jane@example.com", password: "hunter2" });
    expect(JSON.parse(srv.requests[0]?.body ?? "")).toEqual({ email: "jane@example.com" });
  });

  it("puts a product token before its own user agent", async () => {
    const srv = await serve(created());
    await transport({ userAgent: "dubkit-cli/0.1.0" }).request(createThing, { email: "a@b.co" });
    expect(srv.requests[0]?.headers["user-agent"]).toMatch(/^dubkit-cli\/0\.1\.0 dubkit\/\S+ \(node\//);
  });

  it("encodes query parameters, skipping null and repeating arrays, with no body", async () => {
    const srv = await serve((_, response) => sendJson(response, 200, [{ id: "pn_1" }]));
    const result = await transport().request(listThings, {
      status: "approved",
      tag: ["a", "b c"],
      page: null,
    });
    expect(result).toEqual([{ id: "pn_1" }]);
    expect(srv.requests[0]?.method).toBe("GET");
    expect(srv.requests[0]?.url).toBe("/things?status=approved&tag=a&tag=b+c");
    expect(srv.requests[0]?.body).toBe("");
    expect(srv.requests[0]?.headers["content-type"]).toBeUndefined();
  });

  it("merges per-call headers and serverURL", async () => {
    const srv = await serve(created());
    const t = createTransport({ token: TOKEN, serverURL: "http://127.0.0.1:9" });
    transports.push(t);
    await t.request(createThing, { email: "a@b.co" }, { serverURL: srv.url, headers: { "x-extra": "1" } });
    expect(srv.requests[0]?.headers["x-extra"]).toBe("1");
  });

  it("works with a WHATWG fetch passed as an option", async () => {
    const srv = await serve(created());
    const result = await transport({ fetch: globalThis.fetch }).request(createThing, { email: "a@b.co" });
    expect(result.email).toBe("a@b.co");
    expect(srv.requests).toHaveLength(1);
  });

  it("accepts any Standard Schema, sync or async", async () => {
    await serve(created());
    const asyncSchema: StandardSchemaV1<unknown, { id: string }> = {
      "~standard": {
        version: 1,
        vendor: "test",
        validate: async (value) => ({ value: value as { id: string } }),
      },
    };
    const op = defineOperation({
      id: "x",
      method: "POST",
      path: "/x",
      body: asyncSchema,
      response: asyncSchema,
    });
    expect(await transport().request(op, { name: "q" })).toEqual({ id: "pn_1", name: "q" });
  });
});

describe("validation", () => {
  it("rejects invalid input with InvalidRequestError naming the field, sending nothing", async () => {
    const srv = await serve(created());
    const error = await transport()
      // @ts-expect-error `name` must be a string: a JavaScript caller can still pass a number.
      .request(createThing, { email: "not-an-email", name: 5 })
      .catch((e: unknown) => e);
    expect(InvalidRequestError.isInstance(error)).toBe(true);
    expect((error as InvalidRequestError).issues.map((i) => i.path)).toEqual(["email", "name"]);
    expect((error as Error).message).toMatch(/^Invalid request: email: Invalid email address; name: /);
    expect(srv.requests).toHaveLength(0);
  });

  it("rejects a 2xx body that breaks the contract with ResponseValidationError and the raw body", async () => {
    const body = JSON.stringify({ id: 42 });
    await serve((_, response) => {
      response.writeHead(201, { "content-type": "application/json" });
      response.end(body);
    });
    const error = await transport()
      .request(createThing, { email: "a@b.co" })
      .catch((e: unknown) => e);
    expect(ResponseValidationError.isInstance(error)).toBe(true);
    const rve = error as ResponseValidationError;
    expect(rve.body).toBe(body);
    expect(rve.statusCode).toBe(201);
    expect(rve.issues.map((i) => i.path)).toEqual(["id", "email"]);
  });

  it("rejects a 2xx body that is not JSON with ResponseValidationError", async () => {
    await serve((_, response) => {
      response.writeHead(200, { "content-type": "text/html" });
      response.end("<html>ok</html>");
    });
    const error = await transport()
      .request(createThing, { email: "a@b.co" })
      .catch((e: unknown) => e);
    expect(ResponseValidationError.isInstance(error)).toBe(true);
    expect((error as ResponseValidationError).body).toBe("<html>ok</html>");
    expect((error as ResponseValidationError).issues).toEqual([
      { path: "", message: "Body is not valid JSON" },
    ]);
  });
});

describe("errors by status", () => {
  const statuses = [400, 401, 403, 404, 409, 410, 422, 429, 500, 502, 503, 418];

  it.each(statuses)(
    "maps %i with Dub's body, an HTML body and an empty body to the same class",
    async (status) => {
      const bodies = [
        JSON.stringify({
          error: { code: "some_code", message: "Dub says no.", doc_url: "https://dub.co/docs" },
        }),
        "<html><body>Bad gateway</body></html>",
        "",
      ];
      await serve((_, response, index) => {
        response.writeHead(status, { "content-type": "text/plain", "x-request-id": `req_${index}` });
        response.end(bodies[index]);
      });
      const t = transport({ retries: { strategy: "none" } });
      const errors = [];
      for (const _ of bodies)
        errors.push(await t.request(createThing, { email: "a@b.co" }).catch((e: unknown) => e));
      for (const [index, error] of errors.entries()) {
        expect(SDKError.isInstance(error)).toBe(true);
        const sdkError = error as SDKError;
        expect(sdkError.statusCode).toBe(status);
        expect(sdkError.body).toBe(bodies[index]);
        expect(sdkError.requestId).toBe(`req_${index}`);
        expect(sdkError.name).toBe(errors[0] && (errors[0] as Error).name);
      }
      expect((errors[0] as SDKError).code).toBe("some_code");
      expect((errors[0] as SDKError).message).toBe("Dub says no.");
      expect((errors[0] as SDKError).docUrl).toBe("https://dub.co/docs");
    },
  );

  it("picks the documented class for each status", async () => {
    await serve((request, response) => response.writeHead(Number(request.url.slice(1))).end());
    const t = transport({ retries: { strategy: "none" } });
    const at = (status: number) =>
      t
        .request({ ...createThing, path: `/${status}` }, { email: "a@b.co" })
        .catch((e: unknown) => e as Error);
    expect(BadRequest.isInstance(await at(400))).toBe(true);
    expect(Conflict.isInstance(await at(409))).toBe(true);
    expect(UnprocessableEntity.isInstance(await at(422))).toBe(true);
    expect(InternalServerError.isInstance(await at(500))).toBe(true);
    expect((await at(418)).constructor).toBe(SDKError);
  });
});

describe("retries", () => {
  it.each([408, 429, 500, 502, 503, 504])("retries %i twice by default, then throws", async (status) => {
    const srv = await serve((_, response) => response.writeHead(status).end());
    const delays: number[] = [];
    const error = await transport({ hooks: { beforeRetry: (_, retry) => void delays.push(retry.delayMs) } })
      .request(createThing, { email: "a@b.co" })
      .catch((e: unknown) => e);
    expect(srv.requests).toHaveLength(3);
    expect((error as SDKError).statusCode).toBe(status);
    expect(delays).toHaveLength(2);
    expect(delays[0]).toBeGreaterThanOrEqual(0.8 * 1 - 0.5);
    expect(delays[1]).toBeLessThanOrEqual(2);
  });

  it("succeeds when a retry succeeds", async () => {
    const srv = await serve((request, response, index) =>
      index < 2 ? response.writeHead(503).end() : created()(request, response, index),
    );
    expect(await transport().request(createThing, { email: "a@b.co" })).toEqual({
      id: "pn_1",
      email: "a@b.co",
    });
    expect(srv.requests).toHaveLength(3);
  });

  it.each([400, 401, 403, 404, 409, 410, 422])("never retries %i", async (status) => {
    const srv = await serve((_, response) => response.writeHead(status).end());
    await expect(transport().request(createThing, { email: "a@b.co" })).rejects.toThrow(SDKError);
    expect(srv.requests).toHaveLength(1);
  });

  it("does not retry with { strategy: 'none' }, per client or per call", async () => {
    const srv = await serve((_, response) => response.writeHead(503).end());
    await expect(
      transport({ retries: { strategy: "none" } }).request(createThing, { email: "a@b.co" }),
    ).rejects.toThrow();
    await expect(
      transport().request(createThing, { email: "a@b.co" }, { retries: { strategy: "none" } }),
    ).rejects.toThrow();
    expect(srv.requests).toHaveLength(2);
  });

  it("honours maxRetries and the backoff schedule given per call", async () => {
    const srv = await serve((_, response) => response.writeHead(500).end());
    const delays: number[] = [];
    const t = transport({ hooks: { beforeRetry: (_, retry) => void delays.push(retry.delayMs) } });
    await expect(
      t.request(
        createThing,
        { email: "a@b.co" },
        {
          retries: {
            strategy: "backoff",
            maxRetries: 4,
            backoff: { initialInterval: 2, exponent: 2, maxInterval: 8 },
          },
        },
      ),
    ).rejects.toThrow(InternalServerError);
    expect(srv.requests).toHaveLength(5);
    const steps = [2, 4, 8, 8];
    for (const [index, delay] of delays.entries()) {
      expect(delay).toBeGreaterThanOrEqual(Math.round(0.8 * (steps[index] ?? 0)));
      expect(delay).toBeLessThanOrEqual(steps[index] ?? 0);
    }
  });

  it("retries connection resets, and stops when retryConnectionErrors is false", async () => {
    const srv = await serve((request, response, index) => {
      if (index === 0 || index >= 2) {
        response.socket?.destroy();
        return;
      }
      created()(request, response, index);
    });
    expect(await transport().request(createThing, { email: "a@b.co" })).toMatchObject({ id: "pn_1" });
    expect(srv.requests).toHaveLength(2);
    const error = await transport({ retries: { ...FAST, retryConnectionErrors: false } as RetryConfig })
      .request(createThing, { email: "a@b.co" })
      .catch((e: unknown) => e);
    expect(ConnectionError.isInstance(error)).toBe(true);
    expect(srv.requests).toHaveLength(3);
  });

  it("turns an unreachable server into ConnectionError after retrying", async () => {
    const srv = await serve(created());
    const url = srv.url;
    await srv.close();
    server = undefined;
    const retries: number[] = [];
    const error = await transport({
      serverURL: url,
      hooks: { beforeRetry: (_, r) => void retries.push(r.attempt) },
    })
      .request(createThing, { email: "a@b.co" })
      .catch((e: unknown) => e);
    expect(ConnectionError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain("ECONNREFUSED");
    expect(retries).toEqual([2, 3]);
  });

  it("waits for Retry-After in Dub's epoch milliseconds", async () => {
    const srv = await serve((request, response, index) => {
      if (index > 0) return created()(request, response, index);
      const at = String(Date.now() + 200);
      sendJson(
        response,
        429,
        { error: { code: "rate_limit_exceeded", message: "Too many requests." } },
        {
          "retry-after": at,
          "x-ratelimit-reset": at,
        },
      );
    });
    const delays: number[] = [];
    const t = transport({
      retries: { strategy: "backoff", backoff: { initialInterval: 5000 } },
      hooks: { beforeRetry: (_, retry) => void delays.push(retry.delayMs) },
    });
    await t.request(createThing, { email: "a@b.co" });
    expect(srv.requests).toHaveLength(2);
    // Backoff would have waited 4-5 s; the header asked for at most 200 ms.
    expect(delays[0]).toBeLessThanOrEqual(200);
  });

  it("waits for Retry-After as delta seconds and as an HTTP-date", async () => {
    const values = ["0", new Date(Date.now() - 1000).toUTCString()];
    const srv = await serve((request, response, index) =>
      index % 2 === 0
        ? response.writeHead(503, { "retry-after": values[index / 2] ?? "" }).end()
        : created()(request, response, index),
    );
    const delays: number[] = [];
    const t = transport({
      retries: { strategy: "backoff", backoff: { initialInterval: 5000 } },
      hooks: { beforeRetry: (_, retry) => void delays.push(retry.delayMs) },
    });
    await t.request(createThing, { email: "a@b.co" });
    await t.request(createThing, { email: "a@b.co" });
    expect(srv.requests).toHaveLength(4);
    expect(delays).toEqual([0, 0]);
  });

  it("ignores Dub's rate-limit headers on a 500 and backs off instead", async () => {
    const at = String(Date.now() + 45_000);
    const srv = await serve((request, response, index) =>
      index === 0
        ? response.writeHead(500, { "retry-after": at, "x-ratelimit-reset": at }).end()
        : created()(request, response, index),
    );
    const delays: number[] = [];
    await transport({ hooks: { beforeRetry: (_, retry) => void delays.push(retry.delayMs) } }).request(
      createThing,
      {
        email: "a@b.co",
      },
    );
    expect(srv.requests).toHaveLength(2);
    expect(delays[0]).toBeLessThanOrEqual(1);
  });

  it("falls back to X-RateLimit-Reset on a 429 without Retry-After", async () => {
    const srv = await serve((request, response, index) =>
      index === 0
        ? response.writeHead(429, { "x-ratelimit-reset": String(Date.now() + 20) }).end()
        : created()(request, response, index),
    );
    const delays: number[] = [];
    await transport({
      retries: { strategy: "backoff", backoff: { initialInterval: 5000 } },
      hooks: { beforeRetry: (_, retry) => void delays.push(retry.delayMs) },
    }).request(createThing, { email: "a@b.co" });
    expect(srv.requests).toHaveLength(2);
    expect(delays[0]).toBeLessThanOrEqual(20);
  });

  it("waits at most 60 s when Retry-After asks for longer (a client clock behind Dub's makes its reset look far)", async () => {
    // An hour, not just over a minute: the client reads the header later than the server wrote it, and on a
    // loaded machine "60.5 s from now" could already be under 60 s by then.
    const srv = await serve((_, response) =>
      response.writeHead(429, { "retry-after": String(Date.now() + 3_600_000) }).end(),
    );
    const controller = new AbortController();
    const delays: number[] = [];
    const error = await transport({
      hooks: {
        beforeRetry: (_, retry) => {
          delays.push(retry.delayMs);
          controller.abort();
        },
      },
    })
      .request(createThing, { email: "a@b.co" }, { signal: controller.signal })
      .catch((e: unknown) => e);
    expect(delays).toEqual([60_000]);
    expect(RequestAbortedError.isInstance(error)).toBe(true);
    expect(srv.requests).toHaveLength(1);
  });

  it("stops retrying once maxElapsedTime would be exceeded", async () => {
    const srv = await serve((_, response) => response.writeHead(503).end());
    await expect(
      transport({
        retries: { strategy: "backoff", backoff: { initialInterval: 50, maxElapsedTime: 20 } },
      }).request(createThing, { email: "a@b.co" }),
    ).rejects.toThrow(SDKError);
    expect(srv.requests).toHaveLength(1);
  });
});

describe("timeouts and aborts", () => {
  const hang: TestHandler = () => {};

  it("times an attempt out with RequestTimeoutError, retries it, and leaves no socket open", async () => {
    const srv = await serve(hang);
    // Attempts are counted at the client: on a loaded machine a 20 ms attempt can time out before the
    // server has read its request.
    let attempts = 0;
    const t = transport({ timeoutMs: 20, hooks: { beforeRequest: () => void attempts++ } });
    const error = await t.request(createThing, { email: "a@b.co" }).catch((e: unknown) => e);
    expect(RequestTimeoutError.isInstance(error)).toBe(true);
    expect((error as RequestTimeoutError).timeoutMs).toBe(20);
    expect(attempts).toBe(3);
    expect(srv.requests.length).toBeGreaterThan(0);
    await t.close();
    await vi.waitFor(() => expect(srv.openSockets()).toBe(0));
  });

  it("times out and aborts through a plain WHATWG fetch too", async () => {
    const srv = await serve(hang);
    const t = transport({ fetch: globalThis.fetch, timeoutMs: 20, retries: { strategy: "none" } });
    await expect(t.request(createThing, { email: "a@b.co" })).rejects.toThrow(RequestTimeoutError);
    const controller = new AbortController();
    const pending = t.request(
      createThing,
      { email: "a@b.co" },
      { signal: controller.signal, timeoutMs: 60_000, headers: { "x-call": "second" } },
    );
    // Matched by header, not by count: the timed-out first call may never have reached the server.
    await vi.waitFor(() => expect(srv.requests.some((r) => r.headers["x-call"] === "second")).toBe(true));
    controller.abort("stop");
    await expect(pending).rejects.toThrow(RequestAbortedError);
  });

  it("leaves no timer behind after a timeout or a success", async () => {
    await serve((request, response, index) =>
      request.headers["x-hang"] ? undefined : created()(request, response, index),
    );
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === "Timeout").length;
    const before = timers();
    const t = transport({ timeoutMs: 20, retries: { strategy: "none" } });
    await expect(t.request(createThing, { email: "a@b.co" }, { headers: { "x-hang": "1" } })).rejects.toThrow(
      RequestTimeoutError,
    );
    await t.request(createThing, { email: "a@b.co" }, { timeoutMs: 60_000 });
    await t.close();
    expect(timers()).toBeLessThanOrEqual(before);
  });

  it("maps the caller's abort to RequestAbortedError with the reason, without retrying", async () => {
    const srv = await serve(hang);
    const controller = new AbortController();
    const pending = transport().request(createThing, { email: "a@b.co" }, { signal: controller.signal });
    await vi.waitFor(() => expect(srv.requests).toHaveLength(1));
    controller.abort("user cancelled");
    const error = await pending.catch((e: unknown) => e);
    expect(RequestAbortedError.isInstance(error)).toBe(true);
    expect((error as RequestAbortedError).reason).toBe("user cancelled");
    expect(srv.requests).toHaveLength(1);
    await vi.waitFor(() => expect(srv.openSockets()).toBe(0));
  });

  it("sends nothing when the signal is already aborted", async () => {
    const srv = await serve(created());
    await expect(
      transport().request(createThing, { email: "a@b.co" }, { signal: AbortSignal.abort() }),
    ).rejects.toThrow(RequestAbortedError);
    expect(srv.requests).toHaveLength(0);
  });

  it("cuts the wait between retries short when the caller aborts", async () => {
    const srv = await serve((_, response) => response.writeHead(503).end());
    const controller = new AbortController();
    const t = transport({
      retries: { strategy: "backoff", backoff: { initialInterval: 600_000, maxInterval: 600_000 } },
      hooks: { beforeRetry: () => controller.abort(new Error("stop")) },
    });
    const error = await t
      .request(createThing, { email: "a@b.co" }, { signal: controller.signal })
      .catch((e: unknown) => e);
    expect(RequestAbortedError.isInstance(error)).toBe(true);
    expect(srv.requests).toHaveLength(1);
  });
});

describe("hooks", () => {
  it("runs beforeRequest, afterResponse and beforeRetry in order, each array in order", async () => {
    await serve((request, response, index) =>
      index === 0 ? response.writeHead(503).end() : created()(request, response, index),
    );
    const events: string[] = [];
    const hooks = (name: string): Hooks => ({
      beforeRequest: (ctx) => void events.push(`${name}.beforeRequest#${ctx.attempt}`),
      afterResponse: (ctx, res) => void events.push(`${name}.afterResponse#${ctx.attempt}:${res.status}`),
      beforeRetry: (ctx, retry) =>
        void events.push(`${name}.beforeRetry#${ctx.attempt}->${retry.attempt}:${retry.status}`),
    });
    await transport({ hooks: [hooks("a"), hooks("b")] }).request(createThing, { email: "a@b.co" });
    expect(events).toEqual([
      "a.beforeRequest#1",
      "b.beforeRequest#1",
      "a.afterResponse#1:503",
      "b.afterResponse#1:503",
      "a.beforeRetry#1->2:503",
      "b.beforeRetry#1->2:503",
      "a.beforeRequest#2",
      "b.beforeRequest#2",
      "a.afterResponse#2:201",
      "b.afterResponse#2:201",
    ]);
  });

  it("lets beforeRequest change headers and the URL", async () => {
    const srv = await serve(created());
    await transport({
      hooks: {
        beforeRequest: async (ctx) => {
          ctx.headers["x-trace"] = `${ctx.operationId}-${ctx.attempt}`;
          ctx.url += "?via=hook";
        },
      },
    }).request(createThing, { email: "a@b.co" });
    expect(srv.requests[0]?.headers["x-trace"]).toBe("createThing-1");
    expect(srv.requests[0]?.url).toBe("/things?via=hook");
  });

  it("gives beforeRetry the error of a failed connection", async () => {
    await serve((request, response, index) =>
      index === 0 ? response.socket?.destroy() : created()(request, response, index),
    );
    const seen: unknown[] = [];
    await transport({
      hooks: { beforeRetry: (_, retry) => void seen.push(retry.error, retry.status) },
    }).request(createThing, { email: "a@b.co" });
    expect(ConnectionError.isInstance(seen[0])).toBe(true);
    expect(seen[1]).toBeUndefined();
  });

  it("shows afterResponse the body text and timing, and afterError the failed attempt's error", async () => {
    await serve((request, response, index) =>
      index === 0 ? response.socket?.destroy() : created()(request, response, index),
    );
    const seen: string[] = [];
    await transport({
      hooks: {
        afterError: (ctx, error) => void seen.push(`error#${ctx.attempt}:${error.name}`),
        afterResponse: (ctx, res) => {
          seen.push(`response#${ctx.attempt}:${res.status}:${JSON.parse(res.body).id}`);
          expect(res.durationMs).toBeGreaterThan(0);
        },
      },
    }).request(createThing, { email: "a@b.co" });
    expect(seen).toEqual(["error#1:ConnectionError", "response#2:201:pn_1"]);
  });
});

describe("configuration", () => {
  let savedKey: string | undefined;
  beforeEach(() => {
    savedKey = process.env.DUB_API_KEY;
    delete process.env.DUB_API_KEY;
  });
  afterEach(() => {
    if (savedKey === undefined) delete process.env.DUB_API_KEY;
    else process.env.DUB_API_KEY = savedKey;
  });

  it("fails before sending when there is no token, naming token and DUB_API_KEY", async () => {
    const srv = await serve(created());
    const t = createTransport({ serverURL: srv.url });
    transports.push(t);
    const error = await t.request(createThing, { email: "a@b.co" }).catch((e: unknown) => e);
    expect(ConfigurationError.isInstance(error)).toBe(true);
    expect((error as ConfigurationError).option).toBe("token");
    expect((error as Error).message).toContain("`token`");
    expect((error as Error).message).toContain("DUB_API_KEY");
    expect(srv.requests).toHaveLength(0);
  });

  it("reads the token from DUB_API_KEY", async () => {
    const srv = await serve(created());
    process.env.DUB_API_KEY = "dub_fromenv";
    const t = createTransport({ serverURL: srv.url });
    transports.push(t);
    await t.request(createThing, { email: "a@b.co" });
    expect(srv.requests[0]?.headers.authorization).toBe("Bearer dub_fromenv");
  });

  it("defaults to https://api.dub.co", () => {
    expect(createTransport({ token: TOKEN }).serverURL).toBe("https://api.dub.co");
  });

  it("refuses http:// to a remote host unless allowInsecureHttp is set", async () => {
    expect(() => createTransport({ token: TOKEN, serverURL: "http://api.example.com" })).toThrow(
      /Refusing to send the API token over plain http/,
    );
    expect(
      createTransport({ token: TOKEN, serverURL: "http://api.example.com/", allowInsecureHttp: true })
        .serverURL,
    ).toBe("http://api.example.com");
    for (const local of ["http://localhost:8787", "http://127.0.0.1:1", "http://[::1]:3000"]) {
      expect(createTransport({ token: TOKEN, serverURL: local }).serverURL).toBe(local);
    }
    // The system resolver decides where a *.localhost name goes: it gets no token in clear.
    for (const named of [
      "http://app.localhost",
      "http://anything.localhost:8787",
      "http://localhost.example.com",
    ]) {
      expect(() => createTransport({ token: TOKEN, serverURL: named })).toThrow(
        /Refusing to send the API token/,
      );
    }
    await expect(
      createTransport({ token: TOKEN }).request(
        createThing,
        { email: "a@b.co" },
        { serverURL: "http://evil.example" },
      ),
    ).rejects.toThrow(ConfigurationError);
    expect(() => createTransport({ token: TOKEN, serverURL: "ftp://x" })).toThrow(ConfigurationError);
    // Paths are appended to the base URL: a query, a fragment or credentials in it would garble or leak them.
    for (const garbled of [
      `http://127.0.0.1:9/?key=${TOKEN}`,
      "https://api.dub.co/#top",
      `https://user:${TOKEN}@api.dub.co`,
    ]) {
      let error: unknown;
      try {
        createTransport({ token: TOKEN, serverURL: garbled });
      } catch (caught) {
        error = caught;
      }
      expect(ConfigurationError.isInstance(error), garbled).toBe(true);
      expect((error as Error).message).toMatch(/without a query string, #fragment or credentials/);
      expect((error as Error).message).not.toContain(TOKEN.slice(4));
    }
    expect(() => createTransport({ token: TOKEN, serverURL: "not a url" })).toThrow(/serverURL/);
  });
});

describe("the token", () => {
  it("is trimmed, so a token file saved with CRLF still authenticates", async () => {
    const srv = await serve(created());
    await transport({ token: `${TOKEN}\r\n` }).request(createThing, { email: "a@b.co" });
    expect(srv.requests[0]?.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it("is refused before anything is sent when a header cannot carry it, without showing it", async () => {
    const srv = await serve(created());
    for (const bad of ["dub_abc\ndef", "dub_abc def", "dub_\u0000x", "dub_ünicodé✓"]) {
      let error: unknown;
      try {
        createTransport({ token: bad, serverURL: srv.url });
      } catch (caught) {
        error = caught;
      }
      expect(ConfigurationError.isInstance(error)).toBe(true);
      expect((error as ConfigurationError).option).toBe("token");
      expect((error as Error).message).toMatch(/characters an HTTP header cannot carry/);
      expect((error as Error).message).not.toContain("abc");
    }
    expect(srv.requests).toHaveLength(0);
  });

  it("is never quoted back when passed where the server URL goes", () => {
    let error: unknown;
    try {
      createTransport({ token: TOKEN, serverURL: TOKEN });
    } catch (caught) {
      error = caught;
    }
    expect(ConfigurationError.isInstance(error)).toBe(true);
    expect((error as Error).message).not.toContain(TOKEN.slice(4));
    expect((error as Error).message).toMatch(/looks like an API token/);
  });
});

describe("secrets", () => {
  it("never shows the token in errors, their inspect or JSON output, or the debug log", async () => {
    // A misbehaving proxy that echoes the Authorization header back in body and headers.
    await serve((request, response, index) => {
      const auth = request.headers.authorization ?? "";
      if (index === 2) return response.socket?.destroy();
      response.writeHead(index === 0 ? 502 : 200, { "x-echo": auth, "content-type": "text/html" });
      response.end(`<html>${auth}</html>`);
    });
    const lines: string[] = [];
    const t = transport({ debug: (line) => lines.push(line), retries: { strategy: "none" } });
    const errors = [];
    for (let i = 0; i < 3; i++)
      errors.push(await t.request(createThing, { email: "a@b.co" }).catch((e: unknown) => e));
    expect(SDKError.isInstance(errors[0])).toBe(true);
    expect(ResponseValidationError.isInstance(errors[1])).toBe(true);
    expect(ConnectionError.isInstance(errors[2])).toBe(true);
    expect((errors[0] as SDKError).body).toBe("<html>Bearer [REDACTED]</html>");
    for (const error of errors) {
      const renderings = [
        String(error),
        (error as Error).message,
        JSON.stringify(error),
        inspect(error, { depth: 10 }),
      ];
      for (const text of renderings) expect(text).not.toContain(TOKEN);
    }
    expect(lines.length).toBeGreaterThanOrEqual(6);
    expect(lines.join("\n")).not.toContain(TOKEN);
    expect(lines[0]).toContain('"authorization":"Bearer [REDACTED]"');
    expect(lines[0]).toMatch(
      /^dubkit → POST http:\/\/127\.0\.0\.1:\d+\/things headers=\{.*\} attempt=1 \d+\.\dms$/,
    );
    expect(lines[1]).toMatch(/^dubkit ← 502 POST http:\/\/127\.0\.0\.1:\d+\/things attempt=1 \d+\.\dms$/);
  });

  it("logs to console.error when DUBKIT_DEBUG=1", async () => {
    await serve(created());
    const logged: string[] = [];
    const spy = vi.spyOn(console, "error").mockImplementation((line) => void logged.push(String(line)));
    vi.stubEnv("DUBKIT_DEBUG", "1");
    try {
      await transport().request(createThing, { email: "a@b.co" });
      await transport({ debug: false }).request(createThing, { email: "a@b.co" });
    } finally {
      vi.unstubAllEnvs();
      spy.mockRestore();
    }
    expect(logged).toHaveLength(2);
    expect(logged.join("\n")).not.toContain(TOKEN);
  });
});

describe("retry safety", () => {
  it.each([500, 502, 503, 504])(
    "does not resend an unsafe POST after a %i, which may have applied it",
    async (status) => {
      const srv = await serve((_, response) => response.writeHead(status).end());
      await expect(transport().request(chargeThing, { amount: 5 })).rejects.toThrow(SDKError);
      expect(srv.requests).toHaveLength(1);
    },
  );

  it("does not resend an unsafe POST whose connection broke after sending", async () => {
    const srv = await serve((_, response) => void response.socket?.destroy());
    const error = await transport()
      .request(chargeThing, { amount: 5 })
      .catch((e: unknown) => e);
    expect(ConnectionError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(/the server may have applied the request/);
    expect(srv.requests).toHaveLength(1);
  });

  it("resends an unsafe POST after a 429 or 408, which prove nothing was applied", async () => {
    const srv = await serve((_request, response, index) =>
      index === 0
        ? response.writeHead(429, { "retry-after": "0" }).end()
        : index === 1
          ? response.writeHead(408).end()
          : sendJson(response, 201, { id: "ch_1" }),
    );
    expect(await transport().request(chargeThing, { amount: 5 })).toEqual({ id: "ch_1" });
    expect(srv.requests).toHaveLength(3);
  });

  it("resends an unsafe POST when the connection was refused, and says it could not reach the server", async () => {
    const srv = await serve(created());
    const url = srv.url;
    await srv.close();
    server = undefined;
    const attempts: number[] = [];
    const error = await transport({
      serverURL: url,
      hooks: { beforeRetry: (_, r) => void attempts.push(r.attempt) },
    })
      .request(chargeThing, { amount: 5 })
      .catch((e: unknown) => e);
    expect(ConnectionError.isInstance(error)).toBe(true);
    expect((error as ConnectionError).code).toBe("ECONNREFUSED");
    expect((error as Error).message).toMatch(/^Could not reach POST /);
    expect(attempts).toEqual([2, 3]);
  });
});

describe("recover", () => {
  const banThing = defineOperation({
    id: "banThing",
    method: "POST",
    path: "/things/ban",
    body: z.object({ thingId: z.string() }),
    response: z.object({ thingId: z.string() }),
    retry: "idempotent",
    recover: (error, { input }) =>
      BadRequest.isInstance(error) && error.message === "Already banned."
        ? { thingId: input.thingId }
        : undefined,
  });
  const alreadyBanned = (response: import("node:http").ServerResponse) =>
    sendJson(response, 400, { error: { code: "bad_request", message: "Already banned.", doc_url: "" } });

  it("turns the repeat's 'already done' into the success the first attempt had, after a reset", async () => {
    const srv = await serve((_, response, index) =>
      index === 0 ? void response.socket?.destroy() : alreadyBanned(response),
    );
    expect(await transport().request(banThing, { thingId: "t1" })).toEqual({ thingId: "t1" });
    expect(srv.requests).toHaveLength(2);
  });

  it("keeps 'already done' an error when no earlier attempt can have applied the call", async () => {
    const srv = await serve((_, response) => alreadyBanned(response));
    await expect(transport().request(banThing, { thingId: "t1" })).rejects.toThrow(BadRequest);
    expect(srv.requests).toHaveLength(1);
  });

  it("can make follow-up calls through the same client", async () => {
    const findThing = defineOperation({
      id: "findThing",
      method: "GET",
      path: "/things",
      query: z.object({ tenantId: z.string() }),
      response: z.array(z.object({ id: z.string() })),
    });
    const banByTenant = defineOperation({
      id: "banByTenant",
      method: "POST",
      path: "/things/ban",
      body: z.object({ tenantId: z.string() }),
      response: z.object({ thingId: z.string() }),
      retry: "idempotent",
      recover: async (error, { input, request }) => {
        if (!BadRequest.isInstance(error)) return undefined;
        const [found] = await request(findThing, { tenantId: input.tenantId });
        return found ? { thingId: found.id } : undefined;
      },
    });
    const srv = await serve((request, response, index) => {
      if (index === 0) return void response.writeHead(502).end();
      if (request.method === "GET") return sendJson(response, 200, [{ id: "th_9" }]);
      alreadyBanned(response);
    });
    expect(await transport().request(banByTenant, { tenantId: "u1" })).toEqual({ thingId: "th_9" });
    expect(srv.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      "POST /things/ban",
      "POST /things/ban",
      "GET /things?tenantId=u1",
    ]);
  });
});

describe("prepare", () => {
  it("completes the input once per call, so every retry sends the same body", async () => {
    let prepared = 0;
    const createLink = defineOperation({
      id: "createLink",
      method: "POST",
      path: "/links",
      body: z.object({ key: z.string().optional() }),
      response: z.object({ key: z.string() }),
      retry: "idempotent",
      prepare: (input) => (input.key ? input : { ...input, key: `k${++prepared}` }),
    });
    const srv = await serve((request, response, index) =>
      index < 2 ? response.writeHead(503).end() : sendJson(response, 201, JSON.parse(request.body)),
    );
    expect(await transport().request(createLink, {})).toEqual({ key: "k1" });
    expect(srv.requests.map((r) => JSON.parse(r.body).key)).toEqual(["k1", "k1", "k1"]);
  });
});

describe("limiter", () => {
  it("waits for acquire before every attempt and reports every response", async () => {
    const events: string[] = [];
    const srv = await serve((request, response, index) =>
      index === 0 ? response.writeHead(503).end() : created()(request, response, index),
    );
    const limiter = {
      acquire: async () => {
        events.push(`acquire@${srv.requests.length}`);
      },
      observe: ({ status }: { status: number }) => void events.push(`observe ${status}`),
    };
    await transport({ limiter }).request(createThing, { email: "a@b.co" });
    expect(events).toEqual(["acquire@0", "observe 503", "acquire@1", "observe 201"]);
  });

  it("leaves the wait after a 429 to the limiter, which learns the server's Retry-After", async () => {
    const reset = Date.now() + 60_000;
    const srv = await serve((request, response, index) =>
      index < 3
        ? sendJson(
            response,
            429,
            { error: { code: "rate_limit_exceeded", message: "Too many requests.", doc_url: "" } },
            {
              "retry-after": String(reset),
              "x-ratelimit-limit": "60",
            },
          )
        : created()(request, response, index),
    );
    const waits: (number | undefined)[] = [];
    const delays: number[] = [];
    const limiter = {
      acquire: () => undefined,
      observe: ({ status, retryAfterMs }: { status: number; retryAfterMs?: number | undefined }) => {
        if (status === 429) waits.push(retryAfterMs);
      },
    };
    const t = transport({ limiter, hooks: { beforeRetry: (_, r) => void delays.push(r.delayMs) } });
    // Three 429s in a row exceed maxRetries (2) but not the limiter's budget for rate limits.
    expect(await t.request(createThing, { email: "a@b.co" })).toMatchObject({ id: "pn_1" });
    expect(srv.requests).toHaveLength(4);
    expect(delays).toEqual([0, 0, 0]);
    expect(waits).toHaveLength(3);
    for (const wait of waits) expect(wait).toBeGreaterThan(50_000);
  });

  it("fails with RateLimitExceeded once the limiter's 429 budget is spent", async () => {
    const srv = await serve((_, response) => response.writeHead(429).end());
    const error = await transport({ limiter: { acquire: () => undefined, maxRateLimitRetries: 2 } })
      .request(createThing, { email: "a@b.co" })
      .catch((e: unknown) => e);
    expect((error as SDKError).statusCode).toBe(429);
    expect(srv.requests).toHaveLength(3);
  });

  it("aborts a call waiting in acquire when the caller's signal fires", async () => {
    const srv = await serve(created());
    const controller = new AbortController();
    const limiter = {
      acquire: (signal: AbortSignal | undefined) =>
        new Promise<void>((_, reject) => signal?.addEventListener("abort", () => reject(signal.reason))),
    };
    const pending = transport({ limiter }).request(
      createThing,
      { email: "a@b.co" },
      { signal: controller.signal },
    );
    controller.abort(new Error("stop"));
    await expect(pending).rejects.toThrow(RequestAbortedError);
    expect(srv.requests).toHaveLength(0);
  });
});
