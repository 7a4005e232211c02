import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startEmulator } from "./emulator.js";
import { call, dubError } from "./http-test-client.js";
import type { Emulator } from "./options.js";

describe("routing and CORS", () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ seed: 17 });
  });
  afterAll(() => emulator.stop());

  it("answers unknown routes with Dub's 404 body", async () => {
    for (const path of ["/", "/links", "/partners/links", "/partners/x"]) {
      const res = await call(emulator, "GET", path);
      expect(res.status).toBe(404);
      expect(res.body).toEqual(dubError("not_found", "The requested resource was not found."));
    }
  });

  it("answers other methods on /partners with 405 in Dub's shape and an Allow header", async () => {
    for (const method of ["PUT", "PATCH", "DELETE"]) {
      const res = await call(emulator, method, "/partners", { body: {} });
      expect(res.status).toBe(405);
      expect(res.headers.get("allow")).toBe("GET, POST, OPTIONS");
      expect(res.body).toEqual({
        error: {
          code: "method_not_allowed",
          message: `Method ${method} is not allowed on /partners.`,
          doc_url: "https://dub.co/docs/api-reference/errors#method-not_allowed",
        },
      });
    }
  });

  it("answers a preflight from another origin", async () => {
    const res = await fetch(`${emulator.url}/partners`, {
      method: "OPTIONS",
      headers: {
        Origin: "https://app.example",
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization, content-type",
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("https://app.example");
    expect(res.headers.get("access-control-allow-methods")).toBe("GET, POST, OPTIONS");
    expect(res.headers.get("access-control-allow-headers")).toBe("authorization, content-type");
  });

  it("adds CORS headers, exposing the rate-limit headers, to API responses", async () => {
    const res = await call(emulator, "POST", "/partners", {
      body: {},
      headers: { Origin: "https://app.example" },
    });
    expect(res.headers.get("access-control-allow-origin")).toBe("https://app.example");
    expect(res.headers.get("access-control-expose-headers")).toMatch(/Retry-After/);
  });

  it("leaves CORS out when turned off", async () => {
    const plain = await startEmulator({ seed: 18, cors: false });
    try {
      const res = await call(plain, "GET", "/partners", { headers: { Origin: "https://app.example" } });
      expect(res.headers.get("access-control-allow-origin")).toBeNull();
    } finally {
      await plain.stop();
    }
  });

  it("closes every open connection on stop", async () => {
    const closing = await startEmulator({ seed: 19, latencyMs: 10_000 });
    const pending = call(closing, "GET", "/partners");
    // Stop only once the emulator holds the request: after a fixed sleep a slow machine could stop it before the
    // connection opened, and the refused connection would pass this test without proving anything.
    await vi.waitFor(() => expect(closing.stats().requests).toBe(1), { timeout: 4_000, interval: 5 });
    await closing.stop();
    await expect(pending).rejects.toThrow();
  });
});
