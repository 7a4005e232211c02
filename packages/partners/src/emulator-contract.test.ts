// The client against the emulator: every behaviour a user's integration meets, seen through the client's own types
// and errors.
import {
  BadRequest,
  Conflict,
  DubError,
  Forbidden,
  InternalServerError,
  InvalidRequestError,
  InviteExpired,
  NotFound,
  RateLimitExceeded,
  SDKError,
  Unauthorized,
} from "@dubkit/core";
import { type Emulator, type EmulatorOptions, startEmulator } from "@dubkit/emulator";
import { afterEach, describe, expect, it, vi } from "vitest";
import { Dub } from "./dub.js";

const fast = { strategy: "backoff", backoff: { initialInterval: 1, maxInterval: 5, exponent: 2 } } as const;
const none = { strategy: "none" } as const;

let emulator: Emulator;
let dub: Dub;
async function setUp(options: EmulatorOptions = {}, token?: string) {
  emulator = await startEmulator({ seed: 30, ...options });
  dub = new Dub({ token: token ?? emulator.apiKey, serverURL: emulator.url, retries: fast });
}
afterEach(async () => {
  await dub?.close();
  await emulator?.stop();
});

describe("the client against the emulator", () => {
  it("creates a partner and gets the same one back for the same email", async () => {
    await setUp();
    const partner = await dub.partners.create({
      email: "jane@example.com",
      name: "Jane Doe",
      tenantId: "user_42",
    });
    expect(partner).toMatchObject({
      email: "jane@example.com",
      name: "Jane Doe",
      tenantId: "user_42",
      status: "approved",
    });
    expect(partner.links?.[0]?.shortLink).toBe("https://refer.acme.test/jane-doe");
    const again = await dub.partners.create({ email: "jane@example.com" });
    expect(again.id).toBe(partner.id);
  });

  it("upserts the tenantId and raises Conflict, without retrying, when it belongs to someone else", async () => {
    await setUp();
    await dub.partners.create({ email: "a@example.com", tenantId: "t1" });
    const moved = await dub.partners.create({ email: "a@example.com", tenantId: "t2" });
    expect(moved.tenantId).toBe("t2");
    await dub.partners.create({ email: "b@example.com", tenantId: "t3" });
    const before = emulator.stats().requests;
    const error = await dub.partners
      .create({ email: "b@example.com", tenantId: "t2" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Conflict);
    expect((error as Conflict).message).toMatch(
      /The tenantId 't2' is already in associated with another partner/,
    );
    expect(emulator.stats().requests).toBe(before + 1);
  });

  it("raises Unauthorized for unknown and expired keys and NotFound for a non-workspace key", async () => {
    const now = Date.now();
    await setUp({ workspaces: [{ apiKeys: [{ key: "dub_expired0000000000000000", expiresAt: now - 1 }] }] });
    for (const [token, type] of [
      ["dub_unknown0000000000000000", Unauthorized],
      ["dub_expired0000000000000000", Unauthorized],
      ["personal_key", NotFound],
    ] as const) {
      const client = new Dub({ token, serverURL: emulator.url, retries: none });
      const error = await client.partners.create({ email: "a@example.com" }).catch((e: unknown) => e);
      expect(error, token).toBeInstanceOf(type);
      expect(String(error)).not.toContain(token);
      await client.close();
    }
  });

  it("raises Forbidden for the plan, the role and the quota, NotFound without a program, InviteExpired", async () => {
    await setUp({
      partnersLimit: 1,
      workspaces: [
        { apiKeys: ["dub_pro000000000000000000000"], plan: "pro" },
        { apiKeys: ["dub_viewer00000000000000000"], role: "viewer" },
        { apiKeys: ["dub_noprogram00000000000000"], program: null },
        { apiKeys: ["dub_invexp00000000000000000"], membership: "invite-expired" },
      ],
    });
    await dub.partners.create({ email: "a@example.com" });
    await expect(dub.partners.create({ email: "b@example.com" })).rejects.toBeInstanceOf(Forbidden);
    for (const [token, type] of [
      ["dub_pro000000000000000000000", Forbidden],
      ["dub_viewer00000000000000000", Forbidden],
      ["dub_noprogram00000000000000", NotFound],
      ["dub_invexp00000000000000000", InviteExpired],
    ] as const) {
      const client = new Dub({ token, serverURL: emulator.url, retries: none });
      await expect(client.partners.create({ email: "a@example.com" })).rejects.toBeInstanceOf(type);
      await client.close();
    }
  });

  it("rejects an invalid body before sending anything", async () => {
    await setUp();
    const error = await dub.partners.create({ email: "not-an-email" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as InvalidRequestError).issues[0]?.path).toBe("email");
    expect(emulator.stats().requests).toBe(0);
  });

  it("raises RateLimitExceeded with the wait taken from Dub's millisecond Retry-After", async () => {
    // The client measures Retry-After against its own clock, so both read one stopped Date, 30 s into a minute:
    // on the real clock the two requests could fall either side of a minute boundary, and the client could read
    // a reset the emulator announced in the last milliseconds of a minute after it had passed.
    vi.useFakeTimers({ toFake: ["Date"], now: Date.UTC(2026, 10, 23, 12, 0, 30) });
    try {
      let shift = 0;
      await setUp({ clock: () => Date.now() + shift, rateLimit: { limit: 1 } });
      await dub.partners.create({ email: "a@example.com" });
      const error = await dub.partners
        .create({ email: "b@example.com" }, { retries: none })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RateLimitExceeded);
      expect((error as RateLimitExceeded).retryAfterMs).toBe(30_000);
      shift += 120_000;
      expect((await dub.partners.create({ email: "b@example.com" })).email).toBe("b@example.com");
    } finally {
      vi.useRealTimers();
    }
  });

  it("retries 5xx and an HTML error page, then succeeds", async () => {
    await setUp({ faults: "503@1;502@2" });
    const partner = await dub.partners.create({ email: "a@example.com" });
    expect(partner.email).toBe("a@example.com");
    expect(emulator.stats().requests).toBe(3);
  });

  it("surfaces a 500 as InternalServerError and an HTML page as SDKError when not retrying", async () => {
    await setUp({ faults: "500@1;html@2" });
    await expect(dub.partners.create({ email: "a@example.com" }, { retries: none })).rejects.toBeInstanceOf(
      InternalServerError,
    );
    const html = await dub.partners
      .create({ email: "a@example.com" }, { retries: none })
      .catch((e: unknown) => e);
    expect(html).toBeInstanceOf(SDKError);
    expect((html as SDKError).statusCode).toBe(502);
    expect((html as SDKError).body).toMatch(/<html>/);
  });

  it("retries a create whose connection was reset after it was applied, without a duplicate", async () => {
    await setUp({ faults: "reset-after@1" });
    const partner = await dub.partners.create({ email: "a@example.com", name: "Ann" });
    expect(emulator.stats().appliedThenReset).toBe(1);
    expect(emulator.partners()).toHaveLength(1);
    expect(partner.id).toBe(emulator.partners()[0]?.id);
  });

  it("fails with a DubError on a truncated body, after which the partner exists once", async () => {
    await setUp({ faults: "truncate@1;truncate@2;truncate@3" });
    await expect(dub.partners.create({ email: "a@example.com" })).rejects.toBeInstanceOf(DubError);
    expect(emulator.partners()).toHaveLength(1);
  });

  it("returns an existing enrollment as it is, banned or not, and enrolls a known partner unchanged", async () => {
    await setUp();
    const known = await emulator.addPartner({ email: "known@example.com", name: "Known" });
    const enrolled = await dub.partners.create({ email: "known@example.com", name: "Renamed" });
    expect(enrolled).toMatchObject({ id: known.id, name: "Known" });
    await emulator.updateEnrollment(known.id, {
      status: "banned",
      bannedAt: "2026-11-01T00:00:00.000Z",
      bannedReason: "fraud",
    });
    const again = await dub.partners.create({ email: "known@example.com" });
    expect(again).toMatchObject({ id: known.id, status: "banned", bannedReason: "fraud" });
  });

  it("creates one partner from concurrent creates of one email", async () => {
    await setUp();
    const results = await Promise.all(
      Array.from({ length: 10 }, () => dub.partners.create({ email: "race@example.com" })),
    );
    expect(new Set(results.map((partner) => partner.id)).size).toBe(1);
    expect(emulator.partners()).toHaveLength(1);
  });

  it("raises NotFound, Forbidden and BadRequest for the group cases", async () => {
    await setUp({
      workspaces: [
        { apiKeys: ["dub_nogroup0000000000000000"], program: { groups: [], defaultGroup: null } },
        {
          apiKeys: ["dub_other00000000000000000"],
          program: { groups: [{ slug: "theirs", id: "grp_theirs" }] },
        },
      ],
    });
    await expect(dub.partners.create({ email: "a@example.com", groupId: "nope" })).rejects.toBeInstanceOf(
      NotFound,
    );
    await expect(
      dub.partners.create({ email: "a@example.com", groupId: "grp_theirs" }),
    ).rejects.toBeInstanceOf(Forbidden);
    const client = new Dub({ token: "dub_nogroup0000000000000000", serverURL: emulator.url, retries: none });
    await expect(client.partners.create({ email: "a@example.com" })).rejects.toBeInstanceOf(BadRequest);
    await client.close();
  });

  it("lists partners page by page", async () => {
    await setUp();
    for (let i = 0; i < 5; i++) await dub.partners.create({ email: `p${i}@example.com` });
    const first = await dub.partners.list({ pageSize: 2, sortBy: "createdAt", sortOrder: "asc" });
    expect(first.data.map((p) => p.email)).toEqual(["p0@example.com", "p1@example.com"]);
    const all: string[] = [];
    for await (const partner of dub.partners.list({ pageSize: 2, sortBy: "createdAt", sortOrder: "asc" })) {
      all.push(partner.email ?? "");
    }
    expect(all).toEqual([
      "p0@example.com",
      "p1@example.com",
      "p2@example.com",
      "p3@example.com",
      "p4@example.com",
    ]);
  });
});
