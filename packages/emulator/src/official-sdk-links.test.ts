// The official SDK (npm `dub` 0.73.5, which validates every response strictly with its own zod schemas) against the
// emulator, for the link and analytics endpoints: each call must parse. Each raw body is also checked against Dub's
// OpenAPI document with Ajv. One exception, documented in partners-program-behavior.md §13 #2 and #4: the full
// link carries `identifier` and `linkRetentionCleanupDisabledAt`, which the document's `LinkSchema` (closed with
// `additionalProperties: false`) leaves out; the server sends them, and Dub's own tests add them to the schema too.
import { Dub } from "dub";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator } from "./emulator.js";
import { call } from "./http-test-client.js";
import { openApiValidator, responseSchema } from "./openapi-validator.js";
import type { Emulator } from "./options.js";

/** `LinkSchema` with the two keys the server adds (§13). */
const serverLinkKeys = {
  LinkSchema: {
    identifier: { nullable: true, type: "string" },
    linkRetentionCleanupDisabledAt: { nullable: true, type: "string" },
  },
};
const createdLink = openApiValidator(responseSchema("/partners/links", "post", 201), serverLinkKeys);
const listedLinks = openApiValidator(responseSchema("/partners/links", "get", 200));
const upsertedLink = openApiValidator(responseSchema("/partners/links/upsert", "put", 200), serverLinkKeys);
const analyticsBody = openApiValidator(responseSchema("/partners/analytics", "get", 200));
const linkInfo = openApiValidator({ $ref: "#/components/schemas/LinkSchema" }, serverLinkKeys);

let emulator: Emulator;
let dub: Dub;
let partnerId: string;
beforeAll(async () => {
  emulator = await startEmulator({
    seed: 71,
    // The SDK's calls come quickly: the analytics bucket (4 a second on business) is off for this file.
    rateLimit: false,
  });
  dub = new Dub({ token: emulator.apiKey, serverURL: emulator.url });
  const partner = await dub.partners.create({
    email: "jane@example.com",
    name: "Jane Doe",
    tenantId: "t-jane",
  });
  partnerId = partner.id;
});
afterAll(() => emulator.stop());

describe("the official SDK parses every answer", () => {
  it("partners.createLink, with every kind of linkProps", async () => {
    const link = await dub.partners.createLink({
      partnerId,
      url: "https://acme.test/pricing?utm_source=sdk",
      key: "jane-sdk",
      linkProps: {
        title: "Pricing",
        description: "The plans",
        comments: "from the SDK test",
        externalId: "ext_sdk-1",
        expiresAt: "2030-01-01T00:00:00.000Z",
        expiredUrl: "https://acme.test/expired",
        testVariants: [
          { url: "https://acme.test/a", percentage: 50 },
          { url: "https://acme.test/b", percentage: 50 },
        ],
        testStartedAt: "2029-12-01T00:00:00.000Z",
        testCompletedAt: "2029-12-31T00:00:00.000Z",
        proxy: true,
        image: "https://acme.test/og.png",
      },
    });
    expect(link).toMatchObject({
      key: "jane-sdk",
      url: "https://acme.test/pricing?utm_source=sdk",
      utmSource: "sdk",
      externalId: "sdk-1",
      partnerId,
      tenantId: "t-jane",
      trackConversion: true,
      expiresAt: "2030-01-01T00:00:00.000Z",
    });
    const raw = await call(emulator, "POST", "/partners/links", {
      body: { partnerId, linkProps: { prefix: "c" } },
    });
    expect(raw.status).toBe(201);
    expect(createdLink(raw.body), createdLink.errorsText()).toBe(true);
  });

  it("partners.retrieveLinks", async () => {
    const links = await dub.partners.retrieveLinks({ partnerId });
    expect(links.map((link) => link.key)).toContain("jane-sdk");
    const raw = await call(emulator, "GET", `/partners/links?partnerId=${partnerId}`);
    expect(listedLinks(raw.body), listedLinks.errorsText()).toBe(true);
  });

  it("partners.upsertLink, creating then updating (200 both times)", async () => {
    const created = await dub.partners.upsertLink({ tenantId: "t-jane", url: "https://acme.test/upserted" });
    const updated = await dub.partners.upsertLink({
      partnerId,
      url: "https://acme.test/upserted",
      key: "jane-upserted",
    });
    expect(updated.id).toBe(created.id);
    expect(updated.key).toBe("jane-upserted");
    const raw = await call(emulator, "PUT", "/partners/links/upsert", {
      body: { partnerId, url: "https://acme.test/upserted", linkProps: { title: "again" } },
    });
    expect(raw.status).toBe(200);
    expect(upsertedLink(raw.body), upsertedLink.errorsText()).toBe(true);
  });

  it("partners.analytics, for each groupBy", async () => {
    const link = emulator.links().find((candidate) => candidate.key === "jane-sdk")!;
    await emulator.setLinkStats(link.id, { clicks: 21, leads: 4, sales: 2, saleAmount: 5_000 });
    const count = await dub.partners.analytics({ partnerId });
    expect(count).toEqual({ clicks: 21, leads: 4, sales: 2, saleAmount: 5_000, earnings: 0 });
    const timeseries = await dub.partners.analytics({ partnerId, groupBy: "timeseries", interval: "30d" });
    expect(Array.isArray(timeseries) && timeseries).toHaveLength(31);
    const topLinks = await dub.partners.analytics({ tenantId: "t-jane", groupBy: "top_links" });
    expect(Array.isArray(topLinks) && topLinks[0]).toMatchObject({ id: link.id, clicks: 21 });
    for (const query of ["", "&groupBy=timeseries&interval=24h&timezone=Asia/Tokyo", "&groupBy=top_links"]) {
      const raw = await call(emulator, "GET", `/partners/analytics?partnerId=${partnerId}${query}`);
      expect(raw.status).toBe(200);
      expect(analyticsBody(raw.body), `${query}: ${analyticsBody.errorsText()}`).toBe(true);
    }
  });

  it("links.get (GET /links/info)", async () => {
    const link = await dub.links.get({ domain: "refer.acme.test", key: "jane-sdk" });
    expect(link).toMatchObject({ key: "jane-sdk", partnerId, title: "Pricing" });
    const raw = await call(emulator, "GET", "/links/info?domain=refer.acme.test&key=jane-sdk");
    expect(linkInfo(raw.body), linkInfo.errorsText()).toBe(true);
  });

  it("the documented LinkSchema refuses the server's two extra keys (why the exception above is needed)", async () => {
    const strict = openApiValidator({ $ref: "#/components/schemas/LinkSchema" });
    const raw = await call(emulator, "GET", "/links/info?domain=refer.acme.test&key=jane-sdk");
    expect(strict(raw.body)).toBe(false);
    const { identifier: _, linkRetentionCleanupDisabledAt: __, ...documented } = raw.body;
    expect(strict(documented), strict.errorsText()).toBe(true);
  });
});
