// The official TypeScript SDK (npm `dub` 0.73.5) against the emulator, for partners.create/list/ban/deactivate and
// partnerApplications.list/approve/reject: the SDK parses every response strictly with its own zod schemas, so a
// missing or mistyped field fails the call. Every raw response body is also checked against Dub's OpenAPI document.
import { Dub } from "dub";
import { HTTPClient } from "dub/lib/http.js";
import * as errors from "dub/models/errors";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startEmulator } from "./emulator.js";
import { openApiProblem } from "./openapi-response-check.js";
import type { Emulator } from "./options.js";

interface Exchange {
  method: string;
  path: string;
  status: number;
  body: unknown;
}

/**
 * The documented exceptions (partners-program-behavior.md §13): GET /partners items carry five deprecated stat
 * copies that the document, with `additionalProperties: false`, leaves out. They are checked here and removed.
 */
function documented(exchange: Exchange): unknown {
  if (exchange.method !== "GET" || exchange.path !== "/partners" || exchange.status !== 200)
    return exchange.body;
  return (exchange.body as Record<string, unknown>[]).map(
    ({ clicks, leads, conversions, sales, saleAmount, ...item }) => {
      expect([clicks, leads, conversions, sales, saleAmount]).toEqual([
        item.totalClicks,
        item.totalLeads,
        item.totalConversions,
        item.totalSales,
        item.totalSaleAmount,
      ]);
      return item;
    },
  );
}

describe("the official dub SDK against the emulator", () => {
  let emulator: Emulator;
  let dub: Dub;
  const exchanges: Exchange[] = [];
  beforeAll(async () => {
    emulator = await startEmulator({ seed: 91 });
    const httpClient = new HTTPClient({
      fetcher: async (request) => {
        const response = await fetch(request);
        const text = await response.clone().text();
        const { pathname } = new URL(response.url);
        exchanges.push({
          method: (request as Request).method,
          path: pathname,
          status: response.status,
          body: text ? JSON.parse(text) : undefined,
        });
        return response;
      },
    });
    dub = new Dub({ token: emulator.apiKey, serverURL: emulator.url, httpClient });
  });
  afterAll(() => emulator.stop());
  afterEach(() => {
    expect(exchanges.length).toBeGreaterThan(0);
    for (const exchange of exchanges.splice(0)) {
      const where = `${exchange.method} ${exchange.path} ${exchange.status}`;
      expect(
        openApiProblem(exchange.method, exchange.path, exchange.status, documented(exchange)),
        where,
      ).toBe(undefined);
    }
  });

  it("partners.create and partners.list with every documented filter", async () => {
    const jane = await dub.partners.create({
      email: "jane@example.com",
      name: "Jane Doe",
      tenantId: "t-jane",
      country: "US",
    });
    const john = await dub.partners.create({ email: "john@example.com", name: "John Roe", country: "DE" });
    await emulator.updateEnrollment(john.id, { metrics: { totalSaleAmount: 900, totalClicks: 40 } });
    expect((await dub.partners.list()).map((p) => p.id)).toEqual([john.id, jane.id]);
    const filtered = await dub.partners.list({
      status: "approved",
      country: "US",
      sortBy: "createdAt",
      sortOrder: "asc",
      tenantId: "t-jane",
      search: "jane",
      page: 1,
      pageSize: 10,
      groupId: emulator.workspaces()[0]?.defaultGroupId ?? "",
    });
    expect(filtered.map((p) => p.id)).toEqual([jane.id]);
    expect(filtered[0]?.links?.[0]?.shortLink).toBe("https://refer.acme.test/jane-doe");
    expect(filtered[0]?.tags).toEqual([]);
    expect((await dub.partners.list({ email: "john@example.com" })).map((p) => p.id)).toEqual([john.id]);
    expect((await dub.partners.list({ country: "-US" })).map((p) => p.id)).toEqual([john.id]);
    expect((await dub.partners.list({ sortBy: "totalClicks", sortOrder: "asc" }))[0]?.id).toBe(jane.id);
  });

  it("partners.ban and partners.deactivate, by partnerId and by tenantId", async () => {
    const ann = await dub.partners.create({ email: "ann@example.com", tenantId: "t-ann" });
    const bob = await dub.partners.create({ email: "bob@example.com", tenantId: "t-bob" });
    expect(await dub.partners.ban({ partnerId: ann.id, reason: "fraud" })).toEqual({ partnerId: ann.id });
    expect(await dub.partners.deactivate({ tenantId: "t-bob" })).toEqual({ partnerId: bob.id });
    const [banned] = await dub.partners.list({ status: "banned" });
    expect(banned).toMatchObject({ id: ann.id, bannedReason: "fraud" });
    expect((await dub.partners.list({ status: "deactivated" })).map((p) => p.id)).toEqual([bob.id]);
    await expect(dub.partners.ban({ tenantId: "t-ann", reason: "spam" })).rejects.toThrow(
      "This partner is already banned from your program.",
    );
    await expect(dub.partners.deactivate({ partnerId: "pn_nobody" })).rejects.toBeInstanceOf(errors.NotFound);
    await expect(dub.partners.ban({ reason: "spam" })).rejects.toBeInstanceOf(errors.BadRequest);
  });

  it("partnerApplications.list, approve and reject", async () => {
    const carla = await emulator.addApplication({
      email: "carla@example.com",
      name: "Carla",
      country: "IT",
      formData: {
        fields: [
          { type: "short-text", label: "Website", value: "https://carla.example" },
          { type: "multiple-choice", label: "Channels", value: ["Blog", "Newsletter"] },
          { type: "image-upload", label: "Proof", value: [] },
        ],
      },
    });
    const dev = await emulator.addApplication({ email: "dev@example.com", name: "Dev", country: "IN" });
    const eve = await emulator.addApplication({ email: "eve@example.com", name: "Eve", country: "IT" });
    const italians = await dub.partnerApplications.list({ country: "IT", page: 1, pageSize: 10 });
    expect(italians.map((a) => a.id)).toEqual([eve.id, carla.id]);
    expect(italians[1]?.applicationFormData).toEqual([
      { label: "Website", value: "https://carla.example" },
      { label: "Channels", value: "Blog, Newsletter" },
      { label: "Proof", value: null },
    ]);
    expect(italians[1]?.partner).toMatchObject({ id: carla.partnerId, status: "pending", country: "IT" });
    const groupId = emulator.workspaces()[0]?.defaultGroupId ?? "";
    expect(await dub.partnerApplications.list({ groupId })).toHaveLength(3);

    expect(await dub.partnerApplications.approve({ partnerId: carla.partnerId, groupId: "default" })).toEqual(
      {
        partnerId: carla.partnerId,
      },
    );
    expect(
      await dub.partnerApplications.reject({
        partnerId: dev.partnerId,
        rejectionReason: "needsMoreDetail",
        rejectionNote: "Tell us about your audience.",
        reapplicationTimeframe: "never",
      }),
    ).toEqual({ partnerId: dev.partnerId });
    expect(
      await dub.partnerApplications.reject({ partnerId: eve.partnerId, reapplicationTimeframe: "instant" }),
    ).toEqual({ partnerId: eve.partnerId });
    expect(await dub.partnerApplications.list()).toEqual([]);
    const statuses = (await dub.partners.list({ sortBy: "createdAt", sortOrder: "asc" })).map((p) => [
      p.email,
      p.status,
    ]);
    expect(statuses).toEqual(
      expect.arrayContaining([
        ["carla@example.com", "approved"],
        ["dev@example.com", "rejected"],
      ]),
    );
    expect(statuses.some(([email]) => email === "eve@example.com")).toBe(false);

    await expect(dub.partnerApplications.approve({ partnerId: carla.partnerId })).rejects.toThrow(
      "This enrollment cannot be approved because it is already approved.",
    );
    await expect(dub.partnerApplications.reject({ partnerId: "pn_nobody" })).rejects.toBeInstanceOf(
      errors.NotFound,
    );
    await expect(dub.partnerApplications.list({ pageSize: 101 })).rejects.toBeInstanceOf(
      errors.UnprocessableEntity,
    );
  });
});
