// dub.partners.create and the standalone createPartner, against the emulator: what is sent, what is refused before
// sending, and how the response is read.
import { InvalidRequestError, type RequestContext, ResponseValidationError } from "@dubkit/core";
import { type Emulator, startEmulator } from "@dubkit/emulator";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Dub } from "./dub.js";
import { DubCore } from "./dub-core.js";
import { createPartner } from "./operations.js";
import { rewritingFetch } from "./testing/rewrite-responses.js";

let emulator: Emulator;
let sent: RequestContext[];
const record = { beforeRequest: (context: RequestContext) => void sent.push(context) };

beforeEach(async () => {
  emulator = await startEmulator({ seed: 11 });
  sent = [];
});
afterEach(() => emulator.stop());

function client(options: ConstructorParameters<typeof Dub>[0] = {}) {
  return new Dub({ token: emulator.apiKey, serverURL: emulator.url, hooks: record, ...options });
}

describe("dub.partners.create", () => {
  it("posts the validated body to /partners and returns the enrolled partner", async () => {
    await using dub = client({ retries: { strategy: "none" } });
    const partner = await dub.partners.create({
      email: "jane@example.com",
      name: "  Jane Doe  ",
      tenantId: "user_42",
    });

    expect(partner).toMatchObject({
      email: "jane@example.com",
      name: "Jane Doe",
      tenantId: "user_42",
      status: "approved",
    });
    expect(partner.id).toMatch(/^pn_/);
    expect(partner.links?.[0]?.shortLink).toBe("https://refer.acme.test/jane-doe");
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ method: "POST", url: `${emulator.url}/partners` });
    expect(sent[0]?.headers.authorization).toBe(`Bearer ${emulator.apiKey}`);
    expect(JSON.parse(sent[0]?.body ?? "")).toEqual({
      email: "jane@example.com",
      name: "Jane Doe",
      tenantId: "user_42",
    });
    expect(emulator.partners().map((p) => p.name)).toEqual(["Jane Doe"]);
  });

  it("rejects an invalid email in plain English, naming the field, and sends nothing", async () => {
    await using dub = client();
    const error = await dub.partners.create({ email: "not-an-email" }).catch((e: unknown) => e);

    expect(InvalidRequestError.isInstance(error)).toBe(true);
    expect((error as InvalidRequestError).issues).toEqual([
      { path: "email", message: "Invalid email address" },
    ]);
    expect((error as Error).message).toBe("Invalid request: email: Invalid email address");
    expect(sent).toHaveLength(0);
    expect(emulator.stats().requests).toBe(0);
  });

  it("names nested fields, such as a test variant's percentage", async () => {
    await using dub = client();
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

    expect((error as InvalidRequestError).issues).toEqual([
      { path: "linkProps.testVariants[1].percentage", message: "Too big: expected number to be <=90" },
    ]);
    expect(sent).toHaveLength(0);
  });

  it("gives English messages without touching the app's global zod configuration", async () => {
    const { config } = await import("zod/mini");
    const before = config();
    await using dub = client();
    await dub.partners.create({ email: "nope" }).catch(() => undefined);
    expect(config()).toEqual(before);
    expect(config().localeError).toBeUndefined();
  });

  it("drops the seed-era programId before sending and warns once", async () => {
    const warn = vi.spyOn(process, "emitWarning").mockImplementation(() => {});
    await using dub = client();

    await dub.partners.create({ email: "jane@example.com", programId: "prog_123" });
    await dub.partners.create({ email: "jane@example.com", programId: "prog_123" });

    expect(sent.map((r) => JSON.parse(r.body ?? ""))).toEqual([
      { email: "jane@example.com" },
      { email: "jane@example.com" },
    ]);
    expect(warn.mock.calls.filter(([message]) => String(message).includes("programId"))).toHaveLength(1);
    warn.mockRestore();
  });

  it("keeps unknown response fields and accepts an unknown enum value as a string", async () => {
    await using dub = client({
      fetch: rewritingFetch({
        body: (body) => ({ ...(body as object), status: "paused_for_review", loyaltyTier: "gold" }),
      }),
    });
    const partner = await dub.partners.create({ email: "jane@example.com" });

    expect(partner.status).toBe("paused_for_review");
    expect((partner as Record<string, unknown>).loyaltyTier).toBe("gold");
  });

  it("throws ResponseValidationError with the raw body when a required field is missing", async () => {
    let raw = "";
    await using dub = client({
      fetch: rewritingFetch({
        body: (body) => {
          const { programId: _, ...rest } = body as Record<string, unknown>;
          raw = JSON.stringify(rest);
          return rest;
        },
      }),
    });
    const error = await dub.partners.create({ email: "jane@example.com" }).catch((e: unknown) => e);

    expect(ResponseValidationError.isInstance(error)).toBe(true);
    expect((error as ResponseValidationError).body).toBe(raw);
    expect((error as ResponseValidationError).issues).toContainEqual({
      path: "programId",
      message: "Invalid input: expected string, received undefined",
    });
    // The create did happen: the error keeps the body so nothing is lost.
    expect(emulator.partners()).toHaveLength(1);
  });

  it("throws ResponseValidationError when a field has the wrong type", async () => {
    await using dub = client({
      fetch: rewritingFetch({ body: (body) => ({ ...(body as object), totalClicks: "zero" }) }),
    });
    const error = await dub.partners.create({ email: "jane@example.com" }).catch((e: unknown) => e);

    expect((error as ResponseValidationError).issues.map((issue) => issue.path)).toEqual(["totalClicks"]);
  });
});

describe("createPartner (standalone)", () => {
  it("works with the minimal DubCore client", async () => {
    const core = new DubCore({ token: emulator.apiKey, serverURL: emulator.url });
    const partner = await createPartner(core, { email: "jane@example.com" });
    await core.close();

    expect(partner.email).toBe("jane@example.com");
    expect(emulator.stats().creates).toBe(1);
  });
});
