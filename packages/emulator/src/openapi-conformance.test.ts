// Validates real responses against Dub's OpenAPI document itself (not our schemas): the 201 of POST /partners,
// the 200 of GET /partners and the error envelope.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator } from "./emulator.js";
import { call, createPartner } from "./http-test-client.js";
import { openApiDocument as document, openApiValidator, responseSchema } from "./openapi-validator.js";
import type { Emulator } from "./options.js";

const created = openApiValidator(responseSchema("/partners", "post", 201));
const listed = openApiValidator(responseSchema("/partners", "get", 200));

describe("responses conform to Dub's OpenAPI document", () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ seed: 7 });
  });
  afterAll(() => emulator.stop());

  it("the 201 of a full create", async () => {
    const res = await createPartner(emulator, {
      email: "full@example.com",
      name: "Full Partner",
      username: "full",
      image: "https://dubassets.com/x.png",
      tenantId: "t-full",
      country: "US",
      description: "All the fields",
      linkProps: { externalId: "ext_full", title: "Full", tagNames: "a,b" },
    });
    expect(res.status).toBe(201);
    expect(created(res.body), created.errorsText()).toBe(true);
  });

  it("the 201 of a minimal create and of a returned existing enrollment", async () => {
    const first = await createPartner(emulator, { email: "min@example.com" });
    expect(created(first.body), created.errorsText()).toBe(true);
    await emulator.updateEnrollment("min@example.com", {
      status: "banned",
      bannedAt: new Date().toISOString(),
      bannedReason: "spam",
    });
    const again = await createPartner(emulator, { email: "min@example.com" });
    expect(created(again.body), created.errorsText()).toBe(true);
  });

  // The server adds five deprecated copies of the totals that the document does not list, with
  // `additionalProperties: false` (partners-program-behavior.md §13.1): everything else must conform.
  it("the 200 of a list, but for the deprecated stat copies the document leaves out", async () => {
    const res = await call(emulator, "GET", "/partners");
    expect(res.status).toBe(200);
    expect(res.body.length).toBeGreaterThan(0);
    const documented = res.body.map(
      ({ clicks, leads, conversions, sales, saleAmount, ...rest }: Record<string, unknown>) => {
        expect([clicks, leads, conversions, sales, saleAmount].every((n) => typeof n === "number")).toBe(
          true,
        );
        return rest;
      },
    );
    expect(listed(documented), listed.errorsText()).toBe(true);
  });

  it("the error envelope of every error status", async () => {
    const errors = [
      await createPartner(emulator, "{"),
      await createPartner(emulator, {}, null),
      await createPartner(emulator, {}, "dub_nope"),
      await createPartner(emulator, {}, "nope"),
      await createPartner(emulator, {}),
    ];
    for (const res of errors) {
      const schema = document.components.responses[String(res.status)].content["application/json"].schema;
      const validate = openApiValidator(schema);
      expect(validate(res.body), `${res.status}: ${validate.errorsText()}`).toBe(true);
    }
  });
});
