// GET /partners/links over HTTP (§5): owner or member only, the program before the partner, every link of the
// enrollment with its stored counters.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startEmulator } from "./emulator.js";
import { call, createPartner, dubError } from "./http-test-client.js";
import type { Emulator } from "./options.js";

let emulator: Emulator;
beforeEach(async () => {
  emulator = await startEmulator({ seed: 43 });
});
afterEach(() => emulator.stop());

const retrieve = (query: string, key?: string) =>
  call(emulator, "GET", `/partners/links${query}`, key === undefined ? {} : { key });

describe("GET /partners/links", () => {
  it("lists every link of the partner with its counters, by partnerId or tenantId", async () => {
    const partner = (
      await createPartner(emulator, { email: "jane@example.com", name: "Jane", tenantId: "t1" })
    ).body;
    const extra = await call(emulator, "POST", "/partners/links", {
      body: { partnerId: partner.id, key: "promo" },
    });
    await emulator.setLinkStats(extra.body.id, { clicks: 12, leads: 3, sales: 2, saleAmount: 4_900 });
    await emulator.updateEnrollment(partner.id, { status: "banned" });
    const res = await retrieve(`?partnerId=${partner.id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("x-ratelimit-limit")).toBeNull();
    expect(res.body).toEqual([
      {
        id: partner.links[0].id,
        domain: "refer.acme.test",
        key: "jane",
        shortLink: "https://refer.acme.test/jane",
        url: "https://acme.test",
        clicks: 0,
        leads: 0,
        conversions: 0,
        sales: 0,
        saleAmount: 0,
      },
      {
        id: extra.body.id,
        domain: "refer.acme.test",
        key: "promo",
        shortLink: "https://refer.acme.test/promo",
        url: "https://acme.test",
        clicks: 12,
        leads: 3,
        conversions: 0,
        sales: 2,
        saleAmount: 4_900,
      },
    ]);
    expect((await retrieve("?tenantId=t1")).body).toEqual(res.body);
    // partnerId wins over tenantId, which is then not checked.
    expect((await retrieve(`?partnerId=${partner.id}&tenantId=nobody`)).body).toEqual(res.body);
  });

  it("gives [] for a partner without links", async () => {
    emulator.addWorkspace({
      apiKeys: ["dub_nolinks_key_0000000000"],
      program: { groups: [{ slug: "bare" }] },
    });
    const partner = (await createPartner(emulator, { email: "a@example.com" }, "dub_nolinks_key_0000000000"))
      .body;
    const res = await retrieve(`?partnerId=${partner.id}`, "dub_nolinks_key_0000000000");
    expect(res.status).toBe(200);
    expect(res.body).toEqual([]);
  });

  it("answers its errors in order: Program not found, the missing partner, Partner not found.", async () => {
    emulator.addWorkspace({ apiKeys: ["dub_noprogram_key_00000000"], program: null });
    const noProgram = await retrieve("", "dub_noprogram_key_00000000");
    expect(noProgram.status).toBe(404);
    expect(noProgram.body).toEqual(dubError("not_found", "Program not found"));
    for (const query of ["", "?partnerId=&tenantId="]) {
      const res = await retrieve(query);
      expect(res.status).toBe(400);
      expect(res.body).toEqual(dubError("bad_request", "Either `partnerId` or `tenantId` must be provided."));
    }
    for (const query of ["?partnerId=pn_nope", "?tenantId=nope"]) {
      const res = await retrieve(query);
      expect(res.status).toBe(404);
      expect(res.body).toEqual(dubError("not_found", "Partner not found."));
    }
  });

  it("refuses viewers and billing members, whose errors carry the rate-limit headers", async () => {
    emulator.addWorkspace({ apiKeys: ["dub_viewer_key_00000000000"], role: "viewer" });
    const res = await retrieve("?partnerId=pn_x", "dub_viewer_key_00000000000");
    expect(res.status).toBe(403);
    expect(res.body).toEqual(
      dubError(
        "forbidden",
        "You don't have the required role to access this endpoint. Required role(s): owner, member.",
      ),
    );
    expect(res.headers.get("x-ratelimit-limit")).toBe("1200");
  });
});
