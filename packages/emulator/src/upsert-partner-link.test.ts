// PUT /partners/links/upsert over HTTP (§6): the links.write permission, the order of §6.1, the lookup by URL with
// its tenantId-only quirk, the no-op, the update and the create branches; every 200 carries the rate-limit headers.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startEmulator } from "./emulator.js";
import { call, createPartner, dubError } from "./http-test-client.js";
import type { Emulator } from "./options.js";

let emulator: Emulator;
let now: number;
beforeEach(async () => {
  now = Date.UTC(2026, 7, 1, 12);
  emulator = await startEmulator({
    seed: 47,
    clock: () => now,
    workspaces: [
      {
        apiKeys: ["dub_tagged_key_00000000000"],
        tags: [
          { id: "tag_a", name: "a" },
          { id: "tag_b", name: "b", color: "red" },
          { id: "tag_c", name: "c" },
        ],
      },
    ],
  });
});
afterEach(() => emulator.stop());

const upsert = (body: unknown, key?: string) =>
  call(emulator, "PUT", "/partners/links/upsert", key === undefined ? { body } : { body, key });

async function enroll(email: string, extra: Record<string, unknown> = {}, key?: string): Promise<string> {
  const res = await createPartner(emulator, { email, ...extra }, key);
  expect(res.status).toBe(201);
  return res.body.id;
}

describe("the create branch", () => {
  it("creates the link when the partner has none with that URL: 200 with the full link and rate-limit headers", async () => {
    const partnerId = await enroll("jane@example.com", { tenantId: "t1" });
    const res = await upsert({ partnerId, url: "acme.test/pricing", key: "jane-pricing" });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      url: "https://acme.test/pricing",
      key: "jane-pricing",
      domain: "refer.acme.test",
      partnerId,
      tenantId: "t1",
      trackConversion: true,
    });
    expect(res.body).toHaveProperty("qrCode");
    expect(res.body).toHaveProperty("linkRetentionCleanupDisabledAt", null);
    expect(res.headers.get("x-ratelimit-limit")).toBe("1200");
    expect(res.headers.get("x-ratelimit-remaining")).toBe("1198");
    expect(res.headers.get("retry-after")).toBe(String(Date.UTC(2026, 7, 1, 12, 1)));
  });
});

describe("the no-op", () => {
  it("returns the stored link unchanged when nothing differs, without writing", async () => {
    const partnerId = await enroll("jane@example.com");
    const created = (await upsert({ partnerId, url: "https://acme.test/x", linkProps: { title: "Hi" } }))
      .body;
    now += 60_000;
    for (const body of [
      { partnerId, url: "https://acme.test/x" },
      {
        partnerId,
        url: "https://acme.test/x",
        key: created.key,
        linkProps: { title: "Hi", archived: false },
      },
    ]) {
      const res = await upsert(body);
      expect(res.status).toBe(200);
      expect(res.body).toEqual(created);
      expect(res.headers.get("x-ratelimit-limit")).toBe("1200");
    }
  });

  it("never applies to a link with an expiry (a stored Date never equals its ISO text)", async () => {
    const partnerId = await enroll("jane@example.com");
    const created = (
      await upsert({
        partnerId,
        url: "https://acme.test/x",
        linkProps: { expiresAt: "2030-01-01T00:00:00.000Z" },
      })
    ).body;
    now += 60_000;
    const res = await upsert({ partnerId, url: "https://acme.test/x" });
    expect(res.body.id).toBe(created.id);
    expect(res.body.expiresAt).toBe("2030-01-01T00:00:00.000Z");
    expect(res.body.updatedAt).toBe(new Date(now).toISOString());
  });
});

describe("the update branch", () => {
  it("re-keys the link: same id, new key, shortLink and qrCode, a new updatedAt", async () => {
    const partnerId = await enroll("jane@example.com");
    const created = (await upsert({ partnerId, url: "https://acme.test/x" })).body;
    now += 60_000;
    const res = await upsert({ partnerId, url: "https://acme.test/x", key: "jane-x" });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: created.id,
      key: "jane-x",
      shortLink: "https://refer.acme.test/jane-x",
      qrCode: "https://api.dub.co/qr?url=https://refer.acme.test/jane-x?qr=1",
      createdAt: created.createdAt,
      updatedAt: new Date(now).toISOString(),
    });
    expect(res.headers.get("x-ratelimit-limit")).toBe("1200");
    expect(emulator.links().find((link) => link.id === created.id)?.key).toBe("jane-x");
    expect(
      (await call(emulator, "GET", `/partners/links?partnerId=${partnerId}`)).body.map(
        (l: { key: string }) => l.key,
      ),
    ).toContain("jane-x");
  });

  it("keeps its own key changed only in case without a 409, and refuses another partner's key", async () => {
    const partnerId = await enroll("jane@example.com");
    await upsert({ partnerId, url: "https://acme.test/x", key: "promo" });
    const recased = await upsert({ partnerId, url: "https://acme.test/x", key: "PROMO" });
    expect(recased.status).toBe(200);
    expect(recased.body.key).toBe("PROMO");
    await enroll("john@example.com", { name: "John" });
    const taken = await upsert({ partnerId, url: "https://acme.test/x", key: "john" });
    expect(taken.status).toBe(409);
    expect(taken.body).toEqual(dubError("conflict", "Duplicate key: This short link already exists."));
    const invalid = await upsert({ partnerId, url: "https://acme.test/x", key: "_x" });
    expect(invalid.body).toEqual(dubError("unprocessable_entity", "Invalid key."));
  });

  it("replaces the tags when tagIds or tagNames are sent, even empty, and keeps them otherwise", async () => {
    const key = "dub_tagged_key_00000000000";
    const partnerId = await enroll("jane@example.com", {}, key);
    const url = "https://acme.test/x";
    const tags = async (body: Record<string, unknown>) =>
      (await upsert({ partnerId, url, ...body }, key)).body.tags.map((tag: { id: string }) => tag.id);
    expect(await tags({ linkProps: { tagIds: ["tag_a", "tag_b"] } })).toEqual(["tag_a", "tag_b"]);
    expect(await tags({ linkProps: { title: "keeps" } })).toEqual(["tag_a", "tag_b"]);
    expect(await tags({ linkProps: { tagNames: ["C"] } })).toEqual(["tag_c"]);
    expect(await tags({ linkProps: { tagIds: [] } })).toEqual([]);
    const invalid = await upsert({ partnerId, url, linkProps: { tagIds: ["tag_zz"] } }, key);
    expect(invalid.body).toEqual(dubError("unprocessable_entity", "Invalid tagIds detected: tag_zz"));
  });

  it("409 for another link's externalId, none for its own in another case", async () => {
    const partnerId = await enroll("jane@example.com");
    await upsert({ partnerId, url: "https://acme.test/a", linkProps: { externalId: "one" } });
    await upsert({ partnerId, url: "https://acme.test/b", linkProps: { externalId: "two" } });
    const clash = await upsert({ partnerId, url: "https://acme.test/b", linkProps: { externalId: "one" } });
    expect(clash.status).toBe(409);
    expect(clash.body).toEqual(
      dubError("conflict", "A link with this externalId already exists in this workspace."),
    );
    const own = await upsert({
      partnerId,
      url: "https://acme.test/b",
      linkProps: { externalId: "TWO", title: "t" },
    });
    expect(own.status).toBe(200);
  });

  it("sets the stored UTM columns on the URL again, which normalises it (a bare origin gains its slash)", async () => {
    const partnerId = await enroll("jane@example.com");
    const created = (await upsert({ partnerId, url: "https://acme.test" })).body;
    expect(created.url).toBe("https://acme.test");
    const updated = (await upsert({ partnerId, url: "https://acme.test", linkProps: { title: "x" } })).body;
    expect(updated).toMatchObject({ id: created.id, url: "https://acme.test/" });
    // The stored URL no longer equals the request's, so the same request now creates another link.
    const next = (await upsert({ partnerId, url: "https://acme.test", linkProps: { title: "x" } })).body;
    expect(next.id).not.toBe(created.id);
  });

  it("answers 422 with the database's message when the rewrite fails (a testStartedAt that is no date)", async () => {
    const partnerId = await enroll("jane@example.com");
    await upsert({ partnerId, url: "https://acme.test/x" });
    const res = await upsert({ partnerId, url: "https://acme.test/x", linkProps: { testStartedAt: "soon" } });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe("unprocessable_entity");
    expect(res.body.error.message).toContain(
      "Invalid value for argument `testStartedAt`: Provided Date object is invalid. Expected Date.",
    );
  });
});

describe("the lookup by URL", () => {
  it("with tenantId alone matches another partner's link with that URL and hands it over", async () => {
    const jane = await enroll("jane@example.com", { tenantId: "t-jane" });
    const john = await enroll("john@example.com", { name: "John", tenantId: "t-john" });
    const janes = (await upsert({ partnerId: jane, url: "https://acme.test/shared" })).body;
    const res = await upsert({ tenantId: "t-john", url: "https://acme.test/shared" });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: janes.id, partnerId: john, tenantId: "t-john" });
    const janeLinks = (await call(emulator, "GET", `/partners/links?partnerId=${jane}`)).body;
    const johnLinks = (await call(emulator, "GET", `/partners/links?partnerId=${john}`)).body;
    expect(janeLinks.map((link: { id: string }) => link.id)).not.toContain(janes.id);
    expect(johnLinks.map((link: { id: string }) => link.id)).toContain(janes.id);
  });

  it("with partnerId matches only that partner's links; an explicit null partnerId matches none", async () => {
    const jane = await enroll("jane@example.com", { tenantId: "t-jane" });
    const john = await enroll("john@example.com", { name: "John", tenantId: "t-john" });
    const janes = (await upsert({ partnerId: jane, url: "https://acme.test/shared" })).body;
    const johns = (await upsert({ partnerId: john, url: "https://acme.test/shared" })).body;
    expect(johns.id).not.toBe(janes.id);
    const viaNull = (await upsert({ partnerId: null, tenantId: "t-jane", url: "https://acme.test/shared" }))
      .body;
    expect([janes.id, johns.id]).not.toContain(viaNull.id);
    expect(viaNull.partnerId).toBe(jane);
  });
});

describe("errors, in the order of §6.1", () => {
  it("refuses a key without links.write: a restricted key's scopes, or a role without it", async () => {
    emulator.addApiKey({ key: "dub_readonly_key_0000000000", scopes: ["links.read", "apis.read"] });
    const info = emulator.workspaces()[0]!;
    const readOnly = await upsert({ url: "https://acme.test" }, "dub_readonly_key_0000000000");
    expect(readOnly.status).toBe(403);
    expect(readOnly.body).toEqual(
      dubError(
        "forbidden",
        `The provided key does not have the required permissions for this endpoint on the workspace '${info.id}'. Having the 'links.write' permission would allow this request to continue.`,
      ),
    );
    expect(readOnly.headers.get("x-ratelimit-limit")).toBe("1200");
    for (const scopes of [["links.write"], ["apis.all"]]) {
      const key = `dub_scoped_${scopes[0]!.replace(".", "_")}_00000000`;
      emulator.addApiKey({ key, scopes });
      expect((await upsert({ url: "https://acme.test" }, key)).status).toBe(400);
    }
    emulator.addWorkspace({ apiKeys: ["dub_viewer_key_00000000000"], role: "viewer" });
    const viewer = await upsert({ url: "https://acme.test" }, "dub_viewer_key_00000000000");
    expect(viewer.body.error.message).toMatch(/^The provided key does not have the required permissions/);
  });

  it("Program not found, bad JSON, then 422 for the required url", async () => {
    emulator.addWorkspace({ apiKeys: ["dub_noprogram_key_00000000"], program: null });
    expect((await upsert("{", "dub_noprogram_key_00000000")).body).toEqual(
      dubError("not_found", "Program not found"),
    );
    expect((await upsert("{")).status).toBe(400);
    const cases: [unknown, string][] = [
      [{}, "invalid_type: url: Invalid input: expected string, received undefined"],
      [{ url: null }, "invalid_type: url: Invalid input: expected string, received null"],
      [{ url: "foo" }, "custom: url: Invalid URL"],
    ];
    for (const [body, message] of cases) {
      expect((await upsert(body)).body).toEqual(dubError("unprocessable_entity", message));
    }
  });

  it("names the partner before checking the program's domain and URL, then Partner not found.", async () => {
    emulator.addWorkspace({ apiKeys: ["dub_nodomain_key_000000000"], program: { domain: null } });
    const key = "dub_nodomain_key_000000000";
    const unnamed = await upsert({ url: "https://acme.test" }, key);
    expect(unnamed.body).toEqual(
      dubError("bad_request", "Either `partnerId` or `tenantId` must be provided."),
    );
    const named = await upsert({ partnerId: "pn_x", url: "https://acme.test" }, key);
    expect(named.body).toEqual(
      dubError(
        "bad_request",
        "You need to set a domain and url for this program before upserting a partner link.",
      ),
    );
    const missing = await upsert({ partnerId: "pn_x", url: "https://acme.test" });
    expect(missing.body).toEqual(dubError("not_found", "Partner not found."));
  });

  it("the group checks: no group, then the URL rules (which always run, the url being required)", async () => {
    const partnerId = await enroll("jane@example.com");
    const other = await upsert({ partnerId, url: "https://elsewhere.test/x" });
    expect(other.body).toEqual(
      dubError(
        "bad_request",
        "The provided URL's domain (elsewhere.test) does not match the program's link domains.",
      ),
    );
    await emulator.updateEnrollment(partnerId, { groupId: null });
    const noGroup = await upsert({ partnerId, url: "https://acme.test/x" });
    expect(noGroup.body).toEqual(dubError("not_found", "This partner is not part of a partner group."));
  });
});
