// Links created and changed through the link endpoints survive a restart on the data file: `link` events (POST
// /partners/links, the upsert's create) and `link-update` events (the upsert's update, setLinkStats) are replayed
// into the same links, keys, tags, owners and counters.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleBin, killLeftoverBins, startBin } from "./bin-test-process.js";
import { startEmulator } from "./emulator.js";
import { call, createPartner } from "./http-test-client.js";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "dubkit-links-"));
});
afterAll(() => {
  killLeftoverBins();
  rmSync(dir, { recursive: true, force: true });
});

describe("links on a data file", () => {
  it("are there after a restart of the library, with their updates and counters", async () => {
    const dataFile = join(dir, "library.log");
    const workspaces = [{ apiKeys: ["dub_tagged_key_00000000000"], tags: [{ id: "tag_vip", name: "vip" }] }];
    const key = "dub_tagged_key_00000000000";
    const first = await startEmulator({ dataFile, seed: 73, workspaces });
    const jane = (await createPartner(first, { email: "jane@example.com", tenantId: "t-jane" }, key)).body;
    const john = (await createPartner(first, { email: "john@example.com", tenantId: "t-john" }, key)).body;
    const created = (
      await call(first, "POST", "/partners/links", {
        body: { partnerId: jane.id, key: "promo", linkProps: { tagIds: ["tag_vip"], externalId: "crm-1" } },
        key,
      })
    ).body;
    const upserted = (
      await call(first, "PUT", "/partners/links/upsert", {
        body: { partnerId: jane.id, url: "https://acme.test/x" },
        key,
      })
    ).body;
    // Re-keyed, then handed to John by the tenantId-only lookup.
    await call(first, "PUT", "/partners/links/upsert", {
      body: { partnerId: jane.id, url: "https://acme.test/x", key: "jane-x" },
      key,
    });
    const moved = (
      await call(first, "PUT", "/partners/links/upsert", {
        body: { tenantId: "t-john", url: "https://acme.test/x" },
        key,
      })
    ).body;
    await first.setLinkStats(created.id, { clicks: 9, saleAmount: 1_234 });
    const before = {
      created: (await call(first, "GET", "/links/info?domain=refer.acme.test&key=promo", { key })).body,
      moved: (await call(first, "GET", "/links/info?domain=refer.acme.test&key=jane-x", { key })).body,
    };
    expect(before.created).toMatchObject({
      tags: [{ id: "tag_vip", name: "vip" }],
      clicks: 9,
      saleAmount: 1_234,
    });
    expect(before.moved).toMatchObject({ id: upserted.id, partnerId: john.id, tenantId: "t-john" });
    expect(moved.id).toBe(upserted.id);
    await first.stop();

    const second = await startEmulator({ dataFile, workspaces });
    try {
      expect(
        (await call(second, "GET", "/links/info?domain=refer.acme.test&key=promo", { key })).body,
      ).toEqual(before.created);
      expect(
        (await call(second, "GET", "/links/info?domain=refer.acme.test&key=jane-x", { key })).body,
      ).toEqual(before.moved);
      const johnLinks = (await call(second, "GET", `/partners/links?partnerId=${john.id}`, { key })).body;
      expect(johnLinks.map((link: { key: string }) => link.key)).toContain("jane-x");
      // The indexes are rebuilt too: the key, the externalId and the URL are still taken or found.
      const taken = await call(second, "POST", "/partners/links", {
        body: { partnerId: jane.id, key: "PROMO" },
        key,
      });
      expect(taken.status).toBe(409);
      const external = await call(second, "POST", "/partners/links", {
        body: { partnerId: jane.id, linkProps: { externalId: "crm-1" } },
        key,
      });
      expect(external.status).toBe(409);
      const again = await call(second, "PUT", "/partners/links/upsert", {
        body: { partnerId: john.id, url: "https://acme.test/x" },
        key,
      });
      expect(again.body.id).toBe(upserted.id);
    } finally {
      await second.stop();
    }
  });
});

// The bin is spawned, which on a loaded 2-core machine can take longer than vitest's 5 s default; the timeout only
// stops a hung run, it measures nothing.
describe("links through the bin's --data", { timeout: 60_000 }, () => {
  it("a link created before a restart is there after it, with the same key", async () => {
    const bin = await bundleBin(dir);
    const file = join(dir, "bin.log");
    const running = await startBin(bin, ["--data", file, "--seed", "5"]);
    let created: { id: string; key: string };
    try {
      const partner = (await createPartner(running, { email: "jane@example.com" })).body;
      const res = await call(running, "POST", "/partners/links", { body: { partnerId: partner.id } });
      expect(res.status).toBe(201);
      created = res.body;
    } finally {
      expect(await running.stop()).toBe(0);
    }
    const restarted = await startBin(bin, ["--data", file]);
    try {
      const res = await call(restarted, "GET", `/links/info?domain=refer.acme.test&key=${created.key}`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: created.id, key: created.key });
    } finally {
      await restarted.stop();
    }
  });
});
