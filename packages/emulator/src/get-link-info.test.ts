// GET /links/info over HTTP: a link read back by domain and key (or id, or ext_ externalId), on any plan with
// links.read, with the server's errors and the rate-limit headers on success.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startEmulator } from "./emulator.js";
import { call, createPartner, dubError } from "./http-test-client.js";
import type { Emulator } from "./options.js";

let emulator: Emulator;
beforeEach(async () => {
  emulator = await startEmulator({ seed: 59 });
});
afterEach(() => emulator.stop());

const info = (query: string, key?: string) =>
  call(emulator, "GET", `/links/info${query}`, key === undefined ? {} : { key });

async function janeLink(linkProps: Record<string, unknown> = {}) {
  const jane = (await createPartner(emulator, { email: "jane@example.com", name: "Jane" })).body;
  const res = await call(emulator, "POST", "/partners/links", {
    body: { partnerId: jane.id, key: "Promo", linkProps },
  });
  expect(res.status).toBe(201);
  return { jane, link: res.body };
}

describe("GET /links/info", () => {
  it("returns the link exactly as its create did, with the rate-limit headers", async () => {
    const { link } = await janeLink({ externalId: "crm-7", title: "Promo" });
    const res = await info("?domain=refer.acme.test&key=Promo");
    expect(res.status).toBe(200);
    expect(res.body).toEqual(link);
    expect(res.headers.get("x-ratelimit-limit")).toBe("1200");
    // Keys are unique case-insensitively, and found so.
    expect((await info("?domain=REFER.acme.test&key=promo")).body.id).toBe(link.id);
    expect((await info(`?linkId=${link.id}`)).body.id).toBe(link.id);
    expect((await info("?externalId=ext_crm-7")).body.id).toBe(link.id);
    expect((await info("?linkId=ext_crm-7")).body.id).toBe(link.id);
  });

  it("shows a new partner's default link in full", async () => {
    const jane = (await createPartner(emulator, { email: "jane@example.com", name: "Jane" })).body;
    const res = await info("?domain=refer.acme.test&key=jane");
    expect(res.body).toMatchObject({
      id: jane.links[0].id,
      url: "https://acme.test",
      trackConversion: true,
      partnerId: jane.id,
      userId: emulator.workspaces()[0]?.userId,
      tags: [],
    });
  });

  it("answers the server's 400, 404 and 401", async () => {
    const { link } = await janeLink();
    const none = await info("");
    expect(none.status).toBe(400);
    expect(none.body).toEqual({
      error: {
        code: "bad_request",
        message: "You must provide a domain and a key or a linkId or an externalId to retrieve a link.",
        doc_url: "https://dub.co/docs/api-reference/endpoint/retrieve-a-link",
      },
    });
    for (const query of [
      "?domain=refer.acme.test&key=nope",
      "?domain=refer.acme.test",
      "?key=Promo",
      "?linkId=link_x",
    ]) {
      const res = await info(query);
      expect(res.status, query).toBe(404);
      expect(res.body).toEqual(dubError("not_found", "Link not found."));
    }
    const unprefixed = await info("?externalId=crm-7");
    expect(unprefixed.body).toEqual(
      dubError("bad_request", "Invalid externalId. Did you forget to prefix it with `ext_`?"),
    );
    emulator.addWorkspace({ apiKeys: ["dub_other_key_000000000000"] });
    const other = emulator.workspaces()[1]!;
    const foreign = await info(`?linkId=${link.id}`, "dub_other_key_000000000000");
    expect(foreign.status).toBe(401);
    expect(foreign.body).toEqual(dubError("unauthorized", `Link does not belong to workspace ${other.id}.`));
  });

  it("validates the query as the server does", async () => {
    const cases: [string, string][] = [
      ["?domain=&key=x", "too_small: domain: Domain is required."],
      ["?domain=localhost&key=x", "custom: domain: Invalid domain format"],
      ["?domain=acme.test&key=", "too_small: key: Key is required."],
      [
        "?linkId=x&includeUser=1",
        'invalid_value: includeUser: Invalid option: expected one of "true"|"false"',
      ],
    ];
    for (const [query, message] of cases) {
      const res = await info(query);
      expect(res.status, query).toBe(422);
      expect(res.body).toEqual(dubError("unprocessable_entity", message));
    }
  });

  it("needs links.read, on any plan and for any role", async () => {
    await janeLink();
    emulator.addApiKey({ key: "dub_tags_only_key_00000000", scopes: ["tags.read"] });
    const refused = await info("?domain=refer.acme.test&key=Promo", "dub_tags_only_key_00000000");
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe(
      `The provided key does not have the required permissions for this endpoint on the workspace '${emulator.workspaces()[0]?.id}'. Having the 'links.read' permission would allow this request to continue.`,
    );
    for (const scopes of [["links.read"], ["apis.read"], ["links.write"]]) {
      const key = `dub_${scopes[0]!.replace(".", "_")}_key_00000000`;
      emulator.addApiKey({ key, scopes });
      expect((await info("?domain=refer.acme.test&key=Promo", key)).status).toBe(200);
    }
    emulator.addWorkspace({ apiKeys: ["dub_free_key_0000000000000"], plan: "free", role: "viewer" });
    expect((await info("?domain=free.test&key=x", "dub_free_key_0000000000000")).body).toEqual(
      dubError("not_found", "Link not found."),
    );
  });

  it("checks read access to the link's folder", async () => {
    const key = "dub_member_key_00000000000";
    emulator.addWorkspace({
      apiKeys: [key],
      role: "member",
      folders: [{ id: "fold_partners", accessLevel: "write" }],
      program: { defaultFolderId: "fold_partners" },
    });
    const partner = (await createPartner(emulator, { email: "a@example.com", name: "A" }, key)).body;
    const link = (await call(emulator, "POST", "/partners/links", { body: { partnerId: partner.id }, key }))
      .body;
    expect(link.folderId).toBe("fold_partners");
    expect((await info(`?linkId=${link.id}`, key)).status).toBe(200);
  });
});
