// Partner links and analytics through the client, against the emulator — and createLink's retry after a reset that
// followed the create: the key drawn on the client makes the repeat meet a 409, and the link is read back, so a
// retried call never mints a second link.
import { Conflict } from "@dubkit/core";
import { type Emulator, type EmulatorOptions, startEmulator } from "@dubkit/emulator";
import { afterEach, describe, expect, it } from "vitest";
import { Dub } from "./dub.js";

const fast = { strategy: "backoff", backoff: { initialInterval: 1, maxInterval: 5 } } as const;
let emulator: Emulator;
let dub: Dub;

async function setUp(options: EmulatorOptions = {}) {
  emulator = await startEmulator({ seed: 22, ...options });
  dub = new Dub({ token: emulator.apiKey, serverURL: emulator.url, retries: fast });
}
afterEach(async () => {
  await dub?.close();
  await emulator?.stop();
});

const linksOf = (partnerId: string) => emulator.links().filter((link) => link.partnerId === partnerId);

describe("partner links", () => {
  it("creates a link with a given key, lists it, and upserts another by URL", async () => {
    await setUp();
    const jane = await dub.partners.create({
      email: "jane@example.com",
      name: "Jane Doe",
      tenantId: "u_jane",
    });
    const link = await dub.partners.createLink({ tenantId: "u_jane", key: "jane-spring" });
    expect(link).toMatchObject({
      key: "jane-spring",
      partnerId: jane.id,
      shortLink: "https://refer.acme.test/jane-spring",
    });

    const listed = await dub.partners.retrieveLinks({ partnerId: jane.id });
    expect(listed.map((l) => l.key).sort()).toEqual(["jane-doe", "jane-spring"]);

    const upserted = await dub.partners.upsertLink({
      partnerId: jane.id,
      url: "https://acme.test/pricing",
      key: "jane-pricing",
    });
    const again = await dub.partners.upsertLink({
      partnerId: jane.id,
      url: "https://acme.test/pricing",
      key: "jane-pricing",
    });
    expect(again.id).toBe(upserted.id);
    expect(linksOf(jane.id)).toHaveLength(3);
  });

  it("draws the key on the client when none is given, as the server would", async () => {
    await setUp();
    const jane = await dub.partners.create({ email: "jane@example.com" });
    const link = await dub.partners.createLink({ partnerId: jane.id, linkProps: { prefix: "/c/" } });
    expect(link.key).toMatch(/^c\/[0-9A-Za-z]{7}$/);
  });

  it("a retry after a reset that followed the create returns that link, and no second one exists", async () => {
    // Request 1 creates the partner; request 2 creates the link, and its answer is lost.
    await setUp({ faults: { script: { 2: "reset-after" } } });
    const jane = await dub.partners.create({ email: "jane@example.com" });
    const link = await dub.partners.createLink({ partnerId: jane.id, url: "https://acme.test/spring" });

    expect(emulator.stats().appliedThenReset).toBe(1);
    const created = linksOf(jane.id).filter((l) => l.url === "https://acme.test/spring");
    expect(created).toHaveLength(1);
    expect(link).toMatchObject({ id: created[0]?.id, key: created[0]?.key, url: "https://acme.test/spring" });
  });

  it("does the same for a partner named by tenantId and a key given by the caller", async () => {
    await setUp({ faults: { script: { 2: "reset-after" } } });
    const jane = await dub.partners.create({ email: "jane@example.com", tenantId: "u_jane" });
    const link = await dub.partners.createLink({ tenantId: "u_jane", key: "jane-summer" });
    expect(link.key).toBe("jane-summer");
    expect(linksOf(jane.id).filter((l) => l.key === "jane-summer")).toHaveLength(1);
  });

  it("keeps a 409 for a key that another partner holds, even after an ambiguous attempt", async () => {
    // Requests 1–4: two partners, jane's link, the lookup of john; 5 is john's create, answered 503 (ambiguous).
    await setUp({ faults: { script: { 5: "503" } } });
    const jane = await dub.partners.create({ email: "jane@example.com" });
    await dub.partners.create({ email: "john@example.com", name: "John Roe" });
    await dub.partners.createLink({ partnerId: jane.id, key: "taken" });
    const error = await dub.partners
      .createLink({
        partnerId: (await dub.partners.list({ email: "john@example.com" })).data[0]!.id,
        key: "taken",
      })
      .catch((e: unknown) => e);
    expect(Conflict.isInstance(error)).toBe(true);
    expect((error as Error).message).toBe("Duplicate key: This short link already exists.");
    expect(emulator.stats().faults["503"]).toBe(1);
  });
});

describe("partner analytics", () => {
  it("returns the shape groupBy asks for, from the links' counters", async () => {
    await setUp();
    const jane = await dub.partners.create({ email: "jane@example.com", name: "Jane Doe" });
    const [link] = linksOf(jane.id);
    await emulator.setLinkStats(link!.id, { clicks: 40, leads: 4, sales: 2, saleAmount: 5000 });

    const count = await dub.partners.analytics({ partnerId: jane.id });
    expect(count).toEqual({ clicks: 40, leads: 4, sales: 2, saleAmount: 5000, earnings: 0 });
    const top = await dub.partners.analytics({ partnerId: jane.id, groupBy: "top_links" });
    expect(top.map((row) => [row.key, row.clicks])).toEqual([["jane-doe", 40]]);
    const series = await dub.partners.analytics({
      partnerId: jane.id,
      groupBy: "timeseries",
      interval: "7d",
    });
    expect(series.length).toBeGreaterThanOrEqual(7);
    expect(series.every((bucket) => typeof bucket.start === "string" && bucket.clicks === 0)).toBe(true);
  });
});
