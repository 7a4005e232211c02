import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator } from "./emulator.js";
import { call, createPartner, dubError } from "./http-test-client.js";
import type { Emulator } from "./options.js";

const KEY = "dub_listing00000000000000000";
const NO_PROGRAM = "dub_noprogram00000000000000";

describe("GET /partners", () => {
  let emulator: Emulator;
  let clock = Date.UTC(2026, 10, 1);
  let workspaceId: string;
  const ids = { ann: "", bob: "", cat: "", dan: "" };
  beforeAll(async () => {
    emulator = await startEmulator({
      seed: 20,
      clock: () => clock,
      workspaces: [
        {
          apiKeys: [KEY],
          program: {
            groups: [
              { slug: "default", defaultLinks: [{ domain: "go.acme.test", url: "https://acme.test" }] },
              {
                slug: "vip",
                id: "grp_vip",
                defaultLinks: [{ domain: "go.acme.test", url: "https://acme.test" }],
              },
            ],
          },
        },
        { apiKeys: [NO_PROGRAM], program: null },
      ],
    });
    workspaceId = emulator.workspaces()[1]?.id ?? "";
    const bodies = {
      ann: { email: "ann@example.com", name: "Ann Lee", country: "US", tenantId: "t-ann" },
      bob: { email: "bob@example.com", name: "Bob Stone", country: "DE" },
      cat: { email: "cat@example.com", name: "Cat Power", username: "kitty", groupId: "vip" },
    };
    for (const [name, body] of Object.entries(bodies)) {
      clock += 1000;
      ids[name as keyof typeof ids] = (await createPartner(emulator, body, KEY)).body.id;
    }
    const metrics = {
      ann: {
        totalClicks: 10,
        totalSaleAmount: 500,
        totalCommissions: 100,
        netRevenue: 999,
        clickToLeadRate: 0.5,
      },
      bob: { totalClicks: 50, totalSaleAmount: 900, netRevenue: 1 },
      cat: { totalClicks: 30, clickToLeadRate: 0.2 },
    };
    for (const [name, values] of Object.entries(metrics)) {
      await emulator.updateEnrollment(`${name}@example.com`, { metrics: values }, workspaceId);
    }
    await emulator.updateEnrollment(
      "bob@example.com",
      { status: "banned", bannedReason: "spam" },
      workspaceId,
    );
    clock += 1000;
    const application = await emulator.addApplication(
      { email: "dan@example.com", name: "Dan", country: "FR", referredByPartnerId: ids.ann },
      workspaceId,
    );
    ids.dan = application.partnerId;
  });
  afterAll(() => emulator.stop());
  const get = (query = "") => call(emulator, "GET", `/partners${query}`, { key: KEY });
  const list = async (query = "") => (await get(query)).body.map((p: { id: string }) => p.id);

  it("lists each partner with the 201's fields, tags, the deprecated stat copies and netRevenue from the totals", async () => {
    const res = await get("?sortBy=createdAt&sortOrder=asc");
    expect(res.status).toBe(200);
    expect(res.headers.get("x-ratelimit-limit")).toBeNull();
    const ann = res.body[0];
    const created = (await createPartner(emulator, { email: "ann@example.com" }, KEY)).body;
    expect(created.netRevenue).toBe(999);
    expect(ann).toEqual({
      ...created,
      tags: [],
      netRevenue: 400,
      clicks: 10,
      leads: 0,
      conversions: 0,
      sales: 0,
      saleAmount: 500,
    });
    expect("tags" in created || "clicks" in created).toBe(false);
    const keys = Object.keys(ann);
    expect(keys.indexOf("tags")).toBe(keys.indexOf("bannedReason") + 1);
    expect(keys.slice(-5)).toEqual(["clicks", "leads", "conversions", "sales", "saleAmount"]);
    expect(res.body[1]).toMatchObject({ status: "banned", bannedReason: "spam", clickToLeadRate: null });
  });

  it("filters by status, email and tenantId, ANDing tenantId with email and search", async () => {
    expect(await list("?status=banned")).toEqual([ids.bob]);
    expect(await list("?status=pending")).toEqual([ids.dan]);
    expect(await list("?email=CAT@example.com")).toEqual([ids.cat]);
    expect(await list("?tenantId=t-ann")).toEqual([ids.ann]);
    expect(await list("?tenantId=t-ann&email=bob@example.com")).toEqual([]);
    expect(await list("?tenantId=t-ann&search=lee")).toEqual([ids.ann]);
    expect(await list("?tenantId=")).toEqual([]);
    expect(await list("?email=")).toHaveLength(4);
  });

  it("filters groupId and country as IN / NOT IN lists, NOT IN keeping rows without a value", async () => {
    const defaultGroup = emulator.workspaces()[1]?.defaultGroupId;
    expect(await list("?groupId=grp_vip")).toEqual([ids.cat]);
    expect(await list(`?groupId=grp_vip,${defaultGroup}`)).toHaveLength(4);
    expect(await list("?groupId=-grp_vip")).toEqual([ids.bob, ids.ann, ids.dan]);
    await emulator.updateEnrollment("dan@example.com", { groupId: null }, workspaceId);
    expect(await list("?groupId=-grp_vip")).toEqual([ids.bob, ids.ann, ids.dan]);
    expect(await list(`?groupId=${defaultGroup}`)).toEqual([ids.bob, ids.ann]);
    expect(await list("?country=us")).toEqual([ids.ann]);
    expect(await list("?country=US,DE")).toEqual([ids.bob, ids.ann]);
    expect(await list("?country=-US,DE")).toEqual([ids.cat, ids.dan]);
    expect(await list("?country=")).toHaveLength(4);
  });

  it("compares a groupId or country the route cannot split (`-`, `,`) as it is, so it matches nothing", async () => {
    expect(await list("?groupId=-")).toEqual([]);
    expect(await list("?country=,")).toEqual([]);
  });

  it("searches an email or a pn_ id exactly, anything else as whole words of the email, name or company name", async () => {
    expect(await list("?search=ANN@example.com")).toEqual([ids.ann]);
    expect(await list(`?search=${ids.cat}`)).toEqual([ids.cat]);
    expect(await list("?search=pn_nobody")).toEqual([]);
    expect(await list("?search=lee")).toEqual([ids.ann]);
    expect(await list("?search=STONE")).toEqual([ids.bob]);
    expect(await list("?search=lee%20stone")).toEqual([ids.bob, ids.ann]);
    expect(await list("?search=(cat)")).toEqual([ids.cat]);
    expect(await list("?search=an")).toEqual([]);
    expect(await list("?search=kitty")).toEqual([]);
    expect(await list("?search=***")).toEqual([]);
    expect(await list("?search=")).toHaveLength(4);
    expect(await list("?email=cat@example.com&search=lee")).toEqual([ids.cat]);
  });

  it("filters partnerIds (a comma list), partnerTagId (no partner has tags) and referredByPartnerId", async () => {
    expect(await list(`?partnerIds=${ids.ann},${ids.cat}`)).toEqual([ids.ann, ids.cat]);
    expect(await list("?partnerIds=")).toEqual([]);
    expect(await list("?partnerTagId=ptag_1")).toEqual([]);
    expect(await list("?partnerTagId=-ptag_1,ptag_2")).toHaveLength(4);
    expect(await list("?partnerTagId=")).toEqual([]);
    expect(await list(`?referredByPartnerId=${ids.ann}`)).toEqual([ids.dan]);
    expect(await list(`?referredByPartnerId=${ids.bob}`)).toEqual([]);
  });

  it("bounds metrics inclusively, swapping a minimum above its maximum", async () => {
    expect(await list("?totalClicksMin=10&totalClicksMax=30")).toEqual([ids.ann, ids.cat]);
    expect(await list("?totalClicksMin=30&totalClicksMax=10")).toEqual([ids.ann, ids.cat]);
    expect(await list("?totalClicksMin=31")).toEqual([ids.bob]);
    expect(await list("?totalSaleAmountMax=0")).toEqual([ids.cat, ids.dan]);
    expect(await list("?totalCommissionsMin=100&totalCommissionsMax=100")).toEqual([ids.ann]);
  });

  it("sorts by a column, a legacy name by its column, and nullable rates in MySQL's NULL order", async () => {
    expect(await list()).toEqual([ids.bob, ids.ann, ids.cat, ids.dan]);
    expect(await list("?sortBy=sales&sortOrder=asc")).toEqual([ids.cat, ids.dan, ids.ann, ids.bob]);
    expect(await list("?sortBy=clicks")).toEqual([ids.bob, ids.cat, ids.ann, ids.dan]);
    expect(await list("?sortBy=clickToLeadRate&sortOrder=asc")).toEqual([ids.bob, ids.dan, ids.cat, ids.ann]);
    expect(await list("?sortBy=clickToLeadRate&sortOrder=desc")).toEqual([
      ids.ann,
      ids.cat,
      ids.bob,
      ids.dan,
    ]);
    expect(await list("?sortBy=createdAt&sortOrder=desc")).toEqual([ids.dan, ids.cat, ids.bob, ids.ann]);
  });

  it("sorts netRevenue on the stored column while answering the computed one", async () => {
    const res = await get("?sortBy=netRevenue");
    expect(res.body.map((p: { id: string }) => p.id)).toEqual([ids.ann, ids.bob, ids.cat, ids.dan]);
    expect(res.body.map((p: { netRevenue: number }) => p.netRevenue)).toEqual([400, 900, 0, 0]);
  });

  it("paginates", async () => {
    expect(await list("?sortBy=createdAt&sortOrder=asc&pageSize=3&page=2")).toEqual([ids.dan]);
    expect(await list("?pageSize=2")).toEqual([ids.bob, ids.ann]);
  });

  it("adds platforms only with includePartnerPlatforms=true", async () => {
    const withPlatforms = await get("?includePartnerPlatforms=true");
    expect(withPlatforms.body.map((p: { platforms: unknown }) => p.platforms)).toEqual([[], [], [], []]);
    const without = await get("?includePartnerPlatforms=false");
    expect(without.body.some((p: object) => "platforms" in p)).toBe(false);
  });

  it.each([
    [
      "?status=",
      'invalid_value: status: Invalid option: expected one of "pending"|"approved"|"rejected"|"invited"|"declined"|"deactivated"|"banned"|"archived"',
    ],
    ["?sortBy=name", "invalid_union: sortBy: Invalid input"],
    ["?sortOrder=up", 'invalid_value: sortOrder: Invalid option: expected one of "asc"|"desc"'],
    ["?page=abc", "invalid_type: page: Page must be a number."],
    ["?page=1.5", "invalid_type: page: Page must be an integer."],
    ["?page=0", "too_small: page: Page must be greater than 0."],
    ["?pageSize=abc", "invalid_type: pageSize: Page size must be a number."],
    ["?pageSize=2.5", "invalid_type: pageSize: Page size must be an integer."],
    ["?pageSize=101", "too_big: pageSize: Max page size is 100."],
    ["?pageSize=0", "too_small: pageSize: Page size must be greater than 0."],
    [
      "?includePartnerPlatforms=1",
      'invalid_value: includePartnerPlatforms: Invalid option: expected one of "true"|"false"',
    ],
    ["?totalClicksMin=-1", "too_small: totalClicksMin: Too small: expected number to be >=0"],
    ["?sortOrder=up&status=x", expect.stringMatching(/^invalid_value: status: /)],
  ])("answers %s with the server's 422", async (query, message) => {
    const res = await get(query);
    expect(res.status).toBe(422);
    expect(res.body).toEqual({ error: { ...dubError("unprocessable_entity", "").error, message } });
  });

  it("needs authentication and a default program (checked before the query)", async () => {
    expect((await call(emulator, "GET", "/partners", { key: null })).status).toBe(401);
    const res = await call(emulator, "GET", "/partners?pageSize=0", { key: NO_PROGRAM });
    expect(res.body).toEqual(dubError("not_found", "Program not found"));
  });
});
