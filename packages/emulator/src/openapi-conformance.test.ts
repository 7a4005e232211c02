// Validates real responses against Dub's OpenAPI document itself (not our schemas): the 201 of POST /partners,
// the 200 of GET /partners and the error envelope.
import { readFileSync } from "node:fs";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator } from "./emulator.js";
import { call, createPartner } from "./http-test-client.js";
import type { Emulator } from "./options.js";

/**
 * The two places OpenAPI 3.0 differs from JSON Schema draft-07 (Ajv's) in this document: `exclusiveMinimum: true`
 * beside `minimum` (draft-04 style) becomes the bound itself, and a `nullable` enum gets `null` among its values
 * (Ajv applies `enum` to null too; the document means "one of these, or null"). Ajv understands `nullable`
 * itself, and strict mode is off for the annotations (`example`, `x-speakeasy-…`).
 */
function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (typeof node !== "object" || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) out[key] = toJsonSchema(value);
  for (const [flag, bound] of [
    ["exclusiveMinimum", "minimum"],
    ["exclusiveMaximum", "maximum"],
  ] as const) {
    if (typeof out[flag] !== "boolean") continue;
    if (out[flag]) out[flag] = out[bound];
    else delete out[flag];
    if (out[flag] !== undefined) delete out[bound];
  }
  if (out.nullable === true && Array.isArray(out.enum) && !out.enum.includes(null))
    out.enum = [...out.enum, null];
  return out;
}

// biome-ignore lint/suspicious/noExplicitAny: the OpenAPI document is read as plain JSON.
const document: any = toJsonSchema(
  JSON.parse(readFileSync(new URL("../fixtures/partners-openapi.json", import.meta.url), "utf8")),
);
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ components: document.components }, "openapi.json");

function validatorFor(schema: unknown) {
  const rewritten = JSON.parse(
    JSON.stringify(schema).replaceAll('"#/components/', '"openapi.json#/components/'),
  );
  return ajv.compile(rewritten);
}

const created = validatorFor(
  document.paths["/partners"].post.responses["201"].content["application/json"].schema,
);
const listed = validatorFor(
  document.paths["/partners"].get.responses["200"].content["application/json"].schema,
);

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
    expect(created(res.body), ajv.errorsText(created.errors)).toBe(true);
  });

  it("the 201 of a minimal create and of a returned existing enrollment", async () => {
    const first = await createPartner(emulator, { email: "min@example.com" });
    expect(created(first.body), ajv.errorsText(created.errors)).toBe(true);
    await emulator.updateEnrollment("min@example.com", {
      status: "banned",
      bannedAt: new Date().toISOString(),
      bannedReason: "spam",
    });
    const again = await createPartner(emulator, { email: "min@example.com" });
    expect(created(again.body), ajv.errorsText(created.errors)).toBe(true);
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
    expect(listed(documented), ajv.errorsText(listed.errors)).toBe(true);
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
      const validate = validatorFor(schema);
      expect(validate(res.body), `${res.status}: ${ajv.errorsText(validate.errors)}`).toBe(true);
    }
  });
});
