import { InvalidRequestError, ResponseValidationError } from "@dubkit/core";
import { afterEach, describe, expect, it, vi } from "vitest";
import { Dub } from "../dub.js";
import { DubCore } from "../dub-core.js";
import { enrolledPartnerBody, type FixtureServer, startFixtureServer } from "../testing/fixture-server.js";
import { createPartner } from "./create-partner.js";

const token = "dub_test_0123456789abcdefghijklmn";
let server: FixtureServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(body: unknown, status = 201): Promise<FixtureServer> {
  server = await startFixtureServer(() => ({ status, body }));
  return server;
}

describe("dub.partners.create", () => {
  it("posts the validated body to /partners with the bearer token and returns the enrolled partner", async () => {
    const fixture = await serve(enrolledPartnerBody({ tenantId: "user_42" }));
    await using dub = new Dub({ token, serverURL: fixture.url, retries: { strategy: "none" } });

    const partner = await dub.partners.create({
      email: "jane@example.com",
      name: "  Jane Doe  ",
      tenantId: "user_42",
    });

    expect(partner.id).toBe("pn_1KZ4B3X8MZ0F7Q2W9RJ5TNV6AC");
    expect(partner.tenantId).toBe("user_42");
    expect(partner.links?.[0]?.shortLink).toBe("https://refer.acme.test/jane-doe");
    expect(fixture.requests).toHaveLength(1);
    const [request] = fixture.requests;
    expect(request?.method).toBe("POST");
    expect(request?.url).toBe("/partners");
    expect(request?.headers.authorization).toBe(`Bearer ${token}`);
    expect(request?.headers["content-type"]).toMatch(/^application\/json/);
    expect(JSON.parse(request?.body ?? "")).toEqual({
      email: "jane@example.com",
      name: "Jane Doe",
      tenantId: "user_42",
    });
  });

  it("rejects an invalid email with InvalidRequestError naming the field, and sends nothing", async () => {
    const fixture = await serve(enrolledPartnerBody());
    await using dub = new Dub({ token, serverURL: fixture.url });

    const error = await dub.partners.create({ email: "not-an-email" }).catch((e: unknown) => e);

    expect(InvalidRequestError.isInstance(error)).toBe(true);
    expect((error as InvalidRequestError).issues[0]?.path).toBe("email");
    expect((error as InvalidRequestError).message).toContain("email");
    expect(fixture.requests).toHaveLength(0);
  });

  it("names nested fields, such as a test variant's percentage", async () => {
    const fixture = await serve(enrolledPartnerBody());
    await using dub = new Dub({ token, serverURL: fixture.url });

    const error = await dub.partners
      .create({
        email: "jane@example.com",
        linkProps: {
          testVariants: [
            { url: "https://a.test", percentage: 50 },
            { url: "https://b.test", percentage: 95 },
          ],
        },
      })
      .catch((e: unknown) => e);

    expect((error as InvalidRequestError).issues.map((issue) => issue.path)).toContain(
      "linkProps.testVariants[1].percentage",
    );
    expect(fixture.requests).toHaveLength(0);
  });

  it("drops the seed-era programId before sending and warns once", async () => {
    const fixture = await serve(enrolledPartnerBody());
    const warn = vi.spyOn(process, "emitWarning").mockImplementation(() => {});
    await using dub = new Dub({ token, serverURL: fixture.url });

    await dub.partners.create({ email: "jane@example.com", programId: "prog_123" });
    await dub.partners.create({ email: "jane@example.com", programId: "prog_123" });

    expect(fixture.requests.map((r) => JSON.parse(r.body))).toEqual([
      { email: "jane@example.com" },
      { email: "jane@example.com" },
    ]);
    expect(warn.mock.calls.filter(([message]) => String(message).includes("programId"))).toHaveLength(1);
    warn.mockRestore();
  });

  it("keeps unknown response fields and accepts an unknown enum value as a string", async () => {
    const fixture = await serve(enrolledPartnerBody({ status: "paused_for_review", loyaltyTier: "gold" }));
    await using dub = new Dub({ token, serverURL: fixture.url });

    const partner = await dub.partners.create({ email: "jane@example.com" });

    expect(partner.status).toBe("paused_for_review");
    expect((partner as Record<string, unknown>).loyaltyTier).toBe("gold");
  });

  it("throws ResponseValidationError with the raw body when a required field is missing", async () => {
    const broken = enrolledPartnerBody();
    delete broken.programId;
    const fixture = await serve(broken);
    await using dub = new Dub({ token, serverURL: fixture.url });

    const error = await dub.partners.create({ email: "jane@example.com" }).catch((e: unknown) => e);

    expect(ResponseValidationError.isInstance(error)).toBe(true);
    expect((error as ResponseValidationError).body).toBe(JSON.stringify(broken));
    expect((error as ResponseValidationError).issues.map((issue) => issue.path)).toContain("programId");
  });

  it("throws ResponseValidationError when a field has the wrong type", async () => {
    const fixture = await serve(enrolledPartnerBody({ totalClicks: "zero" }));
    await using dub = new Dub({ token, serverURL: fixture.url });

    const error = await dub.partners.create({ email: "jane@example.com" }).catch((e: unknown) => e);

    expect((error as ResponseValidationError).issues.map((issue) => issue.path)).toContain("totalClicks");
  });
});

describe("createPartner (standalone)", () => {
  it("works with the minimal DubCore client", async () => {
    const fixture = await serve(enrolledPartnerBody());
    const core = new DubCore({ token, serverURL: fixture.url });

    const partner = await createPartner(core, { email: "jane@example.com" });
    await core.close();

    expect(partner.email).toBe("jane@example.com");
    expect(fixture.requests).toHaveLength(1);
  });
});
