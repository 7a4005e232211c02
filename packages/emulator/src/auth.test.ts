import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator } from "./emulator.js";
import { call, createPartner, dubError } from "./http-test-client.js";
import type { Emulator } from "./options.js";

const body = { email: "jane@example.com" };
const NOW = Date.UTC(2026, 10, 23, 12, 0, 0);

describe("authentication, in the server's order", () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({
      seed: 1,
      clock: () => NOW,
      workspaces: [
        {
          apiKeys: [
            { key: "dub_expired0000000000000000", expiresAt: NOW - 1 },
            { key: "dub_revoked0000000000000000", revoked: true },
            { key: "dub_future00000000000000000", expiresAt: NOW + 60_000 },
          ],
        },
        { apiKeys: ["dub_viewer00000000000000000"], role: "viewer" },
        { apiKeys: ["dub_billing0000000000000000"], role: "billing" },
        { apiKeys: ["dub_member00000000000000000"], role: "member" },
        { apiKeys: ["dub_pro000000000000000000000"], plan: "pro" },
        { apiKeys: ["dub_free00000000000000000000"], plan: "free" },
        { apiKeys: ["dub_noprogram00000000000000"], program: null },
        { apiKeys: ["dub_left0000000000000000000"], membership: "none" },
        { apiKeys: ["dub_pending0000000000000000"], membership: "invite-pending" },
        { apiKeys: ["dub_invexp00000000000000000"], membership: "invite-expired" },
      ],
    });
  });
  afterAll(() => emulator.stop());

  it("answers a missing header with 401 Missing Authorization header.", async () => {
    const res = await createPartner(emulator, body, null);
    expect(res.status).toBe(401);
    expect(res.body).toEqual(dubError("unauthorized", "Missing Authorization header."));
    expect(res.headers.get("x-ratelimit-limit")).toBeNull();
  });

  it("treats an empty Authorization header as missing, as the server's truthiness check does", async () => {
    const res = await call(emulator, "POST", "/partners", {
      body,
      key: null,
      headers: { Authorization: "" },
    });
    expect(res.status).toBe(401);
    expect(res.body).toEqual(dubError("unauthorized", "Missing Authorization header."));
  });
  it("answers a missing header with a workspaceId query with 401 Login required.", async () => {
    const res = await call(emulator, "POST", "/partners?workspaceId=ws_1", { body, key: null });
    expect(res.status).toBe(401);
    expect(res.body).toEqual(dubError("unauthorized", "Unauthorized: Login required."));
  });

  it.each(["Basic abc", "bearer dub_x", "dub_x", "Bearer"])(
    "answers the malformed header %j with 400 and no rate-limit headers",
    async (header) => {
      const res = await call(emulator, "POST", "/partners", {
        body,
        key: null,
        headers: { Authorization: header },
      });
      expect(res.status).toBe(400);
      expect(res.body).toEqual(
        dubError(
          "bad_request",
          "Misconfigured authorization header. Did you forget to add 'Bearer '? Learn more: https://d.to/auth",
        ),
      );
      expect(res.body.error.doc_url).toBe("https://dub.co/docs/api-reference/errors#bad-request");
      expect(res.headers.get("x-ratelimit-limit")).toBeNull();
    },
  );

  it("answers a key without the dub_ prefix with 404 Workspace ID not found", async () => {
    const res = await createPartner(emulator, body, "personal_key_123");
    expect(res.status).toBe(404);
    expect(res.body).toEqual(
      dubError(
        "not_found",
        "Workspace ID not found. Did you forget to include a `workspaceId` query parameter? It looks like you might be using personal API keys, we also recommend refactoring to workspace API keys: https://d.to/keys",
      ),
    );
  });

  it("answers unknown and revoked keys with 401 Invalid API key.", async () => {
    for (const key of ["dub_unknown0000000000000000", "dub_revoked0000000000000000"]) {
      const res = await createPartner(emulator, body, key);
      expect(res.status).toBe(401);
      expect(res.body).toEqual(dubError("unauthorized", "Unauthorized: Invalid API key."));
    }
  });

  it("fails a key revoked at runtime from the next request on", async () => {
    emulator.addApiKey("dub_tobeRevoked000000000000");
    expect(
      (await createPartner(emulator, { email: "r@example.com" }, "dub_tobeRevoked000000000000")).status,
    ).toBe(201);
    emulator.revokeApiKey("dub_tobeRevoked000000000000");
    const res = await createPartner(emulator, { email: "r@example.com" }, "dub_tobeRevoked000000000000");
    expect(res.body).toEqual(dubError("unauthorized", "Unauthorized: Invalid API key."));
  });

  it("answers an expired key with 401 Access token expired. and accepts one expiring later", async () => {
    const expired = await createPartner(emulator, body, "dub_expired0000000000000000");
    expect(expired.status).toBe(401);
    expect(expired.body).toEqual(dubError("unauthorized", "Unauthorized: Access token expired."));
    expect((await createPartner(emulator, body, "dub_future00000000000000000")).status).toBe(201);
  });

  it.each([
    ["dub_left0000000000000000000", 404, "not_found", "Workspace not found."],
    ["dub_pending0000000000000000", 409, "invite_pending", "Workspace invite pending."],
    ["dub_invexp00000000000000000", 410, "invite_expired", "Workspace invite expired."],
  ])("answers the membership state of %s with %i", async (key, status, code, message) => {
    const res = await createPartner(emulator, body, key);
    expect(res.status).toBe(status);
    expect(res.body).toEqual(dubError(code, message));
    expect(res.headers.get("x-ratelimit-limit")).toBe("1200");
  });

  it("refuses viewer and billing roles with 403, after the rate-limit step", async () => {
    for (const key of ["dub_viewer00000000000000000", "dub_billing0000000000000000"]) {
      const res = await createPartner(emulator, body, key);
      expect(res.status).toBe(403);
      expect(res.body).toEqual(
        dubError(
          "forbidden",
          "You don't have the required role to access this endpoint. Required role(s): owner, member.",
        ),
      );
      expect(res.headers.get("x-ratelimit-limit")).toBe("1200");
    }
    expect((await createPartner(emulator, body, "dub_member00000000000000000")).status).toBe(201);
  });

  it("refuses free and pro plans with 403 Need higher plan., rate-limited at their own plan's limit", async () => {
    const pro = await createPartner(emulator, body, "dub_pro000000000000000000000");
    expect(pro.status).toBe(403);
    expect(pro.body).toEqual(dubError("forbidden", "Unauthorized: Need higher plan."));
    expect(pro.headers.get("x-ratelimit-limit")).toBe("600");
    const free = await createPartner(emulator, body, "dub_free00000000000000000000");
    expect(free.headers.get("x-ratelimit-limit")).toBe("60");
  });

  it("answers a workspace without a default program with 404 Program not found (no period), before the body", async () => {
    const res = await createPartner(emulator, "not json", "dub_noprogram00000000000000");
    expect(res.status).toBe(404);
    expect(res.body).toEqual(dubError("not_found", "Program not found"));
  });
});
