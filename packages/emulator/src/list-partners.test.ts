import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator } from "./emulator.js";
import { call, createPartner, dubError } from "./http-test-client.js";
import type { Emulator } from "./options.js";

describe("GET /partners", () => {
  let emulator: Emulator;
  let clock = Date.UTC(2026, 10, 1);
  const ids: string[] = [];
  beforeAll(async () => {
    emulator = await startEmulator({
      seed: 20,
      clock: () => clock,
      workspaces: [{ apiKeys: ["dub_noprogram00000000000000"], program: null }],
    });
    const bodies = [
      { email: "ann@example.com", name: "Ann", country: "US", tenantId: "t-ann" },
      { email: "bob@example.com", name: "Bob", country: "DE" },
      { email: "cat@example.com", name: "Cat", country: "US", username: "kitty" },
    ];
    for (const body of bodies) {
      clock += 1000;
      ids.push((await createPartner(emulator, body)).body.id);
    }
    await emulator.updateEnrollment("bob@example.com", { status: "banned", bannedReason: "spam" });
  });
  afterAll(() => emulator.stop());
  const list = async (query = "") =>
    (await call(emulator, "GET", `/partners${query}`)).body.map((p: { id: string }) => p.id);

  it("lists every enrolled partner with the same fields as the 201, in creation order by default", async () => {
    const res = await call(emulator, "GET", "/partners");
    expect(res.status).toBe(200);
    expect(res.headers.get("x-ratelimit-limit")).toBeNull();
    expect(res.body.map((p: { id: string }) => p.id)).toEqual(ids);
    const created = await createPartner(emulator, { email: "ann@example.com" });
    expect(res.body[0]).toEqual(created.body);
  });

  it("filters by status, country, email, tenantId and groupId", async () => {
    expect(await list("?status=banned")).toEqual([ids[1]]);
    expect(await list("?country=US")).toEqual([ids[0], ids[2]]);
    expect(await list("?email=CAT@example.com")).toEqual([ids[2]]);
    expect(await list("?tenantId=t-ann")).toEqual([ids[0]]);
    expect(await list(`?groupId=${emulator.workspaces()[0]?.defaultGroupId}`)).toEqual(ids);
    expect(await list("?groupId=grp_other")).toEqual([]);
  });

  it("searches id, name, email and link key; tenantId and email take precedence over search", async () => {
    expect(await list("?search=kitt")).toEqual([ids[2]]);
    expect(await list("?search=BOB")).toEqual([ids[1]]);
    expect(await list(`?search=${ids[0]}`)).toEqual([ids[0]]);
    expect(await list("?search=bob&email=ann@example.com")).toEqual([ids[0]]);
    expect(await list("?search=bob&email=cat@example.com&tenantId=t-ann")).toEqual([ids[0]]);
  });

  it("sorts and paginates", async () => {
    expect(await list("?sortBy=createdAt&sortOrder=desc")).toEqual([...ids].reverse());
    expect(await list("?sortBy=createdAt&sortOrder=asc&pageSize=2&page=2")).toEqual([ids[2]]);
    expect(await list("?pageSize=2")).toEqual(ids.slice(0, 2));
  });

  it("answers out-of-range or unknown query values with 422", async () => {
    for (const query of ["?pageSize=101", "?pageSize=0", "?page=0", "?sortBy=name"]) {
      const res = await call(emulator, "GET", `/partners${query}`);
      expect(res.status, query).toBe(422);
      expect(res.body.error.code).toBe("unprocessable_entity");
      expect(res.body.error.message).toMatch(/^[a-z_]+: (pageSize|page|sortBy|status): /);
    }
  });

  it("needs the same authentication and a default program", async () => {
    expect((await call(emulator, "GET", "/partners", { key: null })).status).toBe(401);
    const res = await call(emulator, "GET", "/partners", { key: "dub_noprogram00000000000000" });
    expect(res.body).toEqual(dubError("not_found", "Program not found"));
  });
});
