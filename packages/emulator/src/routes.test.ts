import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startEmulator } from "./emulator.js";
import { call } from "./http-test-client.js";
import type { Emulator } from "./options.js";

describe("routing and CORS", () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ seed: 17 });
  });
  afterAll(() => emulator.stop());

  it("answers a path no route serves as api.dub.co does: the framework's HTML 404, before any authentication", async () => {
    for (const path of ["/", "/links", "/partners/x", "/partners/links/x", "/partnerz"]) {
      const res = await call(emulator, "GET", path);
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toMatch(/^text\/html/);
      expect(res.text).toContain("This page could not be found.");
    }
  });

  it("answers another method on a served path with a bare 405 and the path's Allow header", async () => {
    for (const method of ["PUT", "PATCH", "DELETE"]) {
      const res = await call(emulator, method, "/partners", { body: {} });
      expect(res.status).toBe(405);
      expect(res.headers.get("allow")).toBe("POST, GET, HEAD, OPTIONS");
      expect(res.text).toBe("");
    }
  });

  it("answers OPTIONS with the path's methods, and HEAD like GET without the body", async () => {
    const options = await call(emulator, "OPTIONS", "/partners");
    expect(options.status).toBe(204);
    expect(options.headers.get("allow")).toBe("POST, GET, HEAD, OPTIONS");
    const head = await fetch(`${emulator.url}/partners`, {
      method: "HEAD",
      headers: { authorization: `Bearer ${emulator.apiKey}` },
    });
    expect(head.status).toBe(200);
    expect(head.headers.get("content-type")).toBe("application/json");
    expect(await head.text()).toBe("");
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
    expect(res.headers.get("access-control-allow-methods")).toBe("GET, POST, PUT, OPTIONS");
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
