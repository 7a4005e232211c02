import { describe, expect, it, onTestFinished, vi } from "vitest";
import {
  BadRequest,
  Conflict,
  createSDKError,
  Forbidden,
  InternalServerError,
  InviteExpired,
  NotFound,
  RateLimitExceeded,
  SDKError,
  Unauthorized,
  UnprocessableEntity,
} from "./sdk-error.js";

const CLASSES = [
  [400, BadRequest, "bad_request"],
  [401, Unauthorized, "unauthorized"],
  [403, Forbidden, "forbidden"],
  [404, NotFound, "not_found"],
  [409, Conflict, "conflict"],
  [410, InviteExpired, "invite_expired"],
  [422, UnprocessableEntity, "unprocessable_entity"],
  [429, RateLimitExceeded, "rate_limit_exceeded"],
  [500, InternalServerError, "internal_server_error"],
] as const;

const HTML = "<html><body><h1>502 Bad Gateway</h1></body></html>";

function response(statusCode: number, body: string, headers: Record<string, string> = {}) {
  return {
    statusCode,
    body,
    headers: new Headers(headers),
    method: "POST",
    url: "https://api.dub.co/partners",
  };
}

function dubBody(code: string, message: string): string {
  return JSON.stringify({
    error: { code, message, doc_url: `https://dub.co/docs/api-reference/errors#${code}` },
  });
}

describe("createSDKError", () => {
  for (const [status, ErrorClass, code] of CLASSES) {
    it(`maps ${status} with Dub's body to ${ErrorClass.kind} with its code, message and docUrl`, () => {
      const body = dubBody(code, `Message for ${status}`);
      const error = createSDKError(response(status, body));
      expect(error).toBeInstanceOf(ErrorClass);
      expect(ErrorClass.isInstance(error)).toBe(true);
      expect(SDKError.isInstance(error)).toBe(true);
      expect(error.name).toBe(ErrorClass.kind);
      expect(error.statusCode).toBe(status);
      expect(error.code).toBe(code);
      expect(error.message).toBe(`Message for ${status}`);
      expect(error.docUrl).toBe(`https://dub.co/docs/api-reference/errors#${code}`);
      expect(error.body).toBe(body);
      expect(error.method).toBe("POST");
      expect(error.url).toBe("https://api.dub.co/partners");
    });

    it(`maps ${status} with an HTML body to ${ErrorClass.kind}, keeping the raw text`, () => {
      const error = createSDKError(response(status, HTML));
      expect(ErrorClass.isInstance(error)).toBe(true);
      expect(error.code).toBe(code);
      expect(error.body).toBe(HTML);
      expect(error.docUrl).toBeUndefined();
      expect(error.message).toBe(`POST https://api.dub.co/partners failed with status ${status} (HTML body)`);
    });

    it(`maps ${status} with an empty body to ${ErrorClass.kind}`, () => {
      const error = createSDKError(response(status, ""));
      expect(ErrorClass.isInstance(error)).toBe(true);
      expect(error.code).toBe(code);
      expect(error.body).toBe("");
      expect(error.message).toContain("(empty body)");
    });
  }

  it.each([402, 405, 413, 418, 502, 503, 504])("maps %i to a plain SDKError with an http_ code", (status) => {
    const error = createSDKError(response(status, HTML));
    expect(error.constructor).toBe(SDKError);
    expect(error.name).toBe("SDKError");
    expect(error.code).toBe(`http_${status}`);
    for (const [, ErrorClass] of CLASSES) expect(ErrorClass.isInstance(error)).toBe(false);
  });

  it("keeps Dub's code when it differs from the status's usual one", () => {
    const error = createSDKError(response(403, dubBody("exceeded_limit", "Partner limit reached.")));
    expect(Forbidden.isInstance(error)).toBe(true);
    expect(error.code).toBe("exceeded_limit");
  });

  it("treats JSON that is not Dub's error shape as a foreign body", () => {
    const error = createSDKError(response(500, '{"message":"upstream exploded"}'));
    expect(InternalServerError.isInstance(error)).toBe(true);
    expect(error.code).toBe("internal_server_error");
    expect(error.message).toContain("body not in Dub's error format");
  });

  it("takes the request id from x-request-id, else x-vercel-id", () => {
    expect(createSDKError(response(404, "", { "x-request-id": "req_1", "x-vercel-id": "v" })).requestId).toBe(
      "req_1",
    );
    expect(createSDKError(response(404, "", { "x-vercel-id": "iad1::abc" })).requestId).toBe("iad1::abc");
    expect(createSDKError(response(404, "")).requestId).toBeUndefined();
  });

  it("accepts any headers object with get and forEach", () => {
    const raw: Record<string, string> = { "x-request-id": "req_2" };
    const error = createSDKError({
      ...response(400, ""),
      headers: {
        get: (name) => raw[name] ?? null,
        forEach: (callback: (value: string, name: string) => void) => {
          for (const [name, value] of Object.entries(raw)) callback(value, name);
        },
      },
    });
    expect(error.headers).toBeInstanceOf(Headers);
    expect(error.headers.get("x-request-id")).toBe("req_2");
    expect(error.requestId).toBe("req_2");
  });
});

describe("RateLimitExceeded", () => {
  it("reads Dub's millisecond-epoch headers into retryAfterMs and rateLimit", () => {
    // A stopped Date makes the wait exact; on the real clock it shrinks by however long the machine takes.
    vi.useFakeTimers({ toFake: ["Date"], now: Date.UTC(2026, 10, 23, 12, 0, 30) });
    onTestFinished(() => {
      vi.useRealTimers();
    });
    const reset = Date.now() + 30_000;
    const error = createSDKError(
      response(429, dubBody("rate_limit_exceeded", "Too many requests."), {
        "x-ratelimit-limit": "60",
        "x-ratelimit-remaining": "0",
        "x-ratelimit-reset": String(reset),
        "retry-after": String(reset),
      }),
    );
    if (!RateLimitExceeded.isInstance(error)) throw new Error("expected RateLimitExceeded");
    expect(error.rateLimit).toEqual({ limit: 60, remaining: 0, reset });
    expect(error.retryAfterMs).toBe(30_000);
  });

  it("has no retryAfterMs and an empty rateLimit without the headers", () => {
    const error = createSDKError(response(429, "")) as RateLimitExceeded;
    expect(error.retryAfterMs).toBeUndefined();
    expect(error.rateLimit).toEqual({});
  });
});
