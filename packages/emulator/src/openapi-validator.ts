// Test helper: Ajv validators for the schemas of Dub's OpenAPI document (fixtures/partners-openapi.json), so a test
// checks real response bodies against the document itself rather than against dubkit's schemas.
import { readFileSync } from "node:fs";
import Ajv, { type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";

/**
 * The two places OpenAPI 3.0 differs from JSON Schema draft-07 (Ajv's) in this document: `exclusiveMinimum: true`
 * beside `minimum` (draft-04 style) becomes the bound itself, and a `nullable` enum gets `null` among its values.
 * Ajv understands `nullable` itself, and strict mode is off for the annotations (`example`, `x-speakeasy-…`).
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

/** The document, as JSON Schema. */
// biome-ignore lint/suspicious/noExplicitAny: the OpenAPI document is read as plain JSON.
export const openApiDocument: any = toJsonSchema(
  JSON.parse(readFileSync(new URL("../fixtures/partners-openapi.json", import.meta.url), "utf8")),
);

/**
 * A validator for `schema` (a node of the document, or one built around its components), its `#/components/…`
 * references resolved against the document's components, with `extraComponents` (by schema name) merged in.
 */
export function openApiValidator(
  schema: unknown,
  extraComponents: Record<string, Record<string, unknown>> = {},
): ValidateFunction & { errorsText(): string } {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const schemas = { ...openApiDocument.components.schemas };
  for (const [name, properties] of Object.entries(extraComponents)) {
    schemas[name] = { ...schemas[name], properties: { ...schemas[name].properties, ...properties } };
  }
  ajv.addSchema({ components: { ...openApiDocument.components, schemas } }, "openapi.json");
  const validate = ajv.compile(
    JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"openapi.json#/components/')),
  );
  return Object.assign(validate, { errorsText: () => ajv.errorsText(validate.errors) });
}

/** The schema of an operation's success response in the document. */
export function responseSchema(path: string, method: string, status: number): unknown {
  return openApiDocument.paths[path][method].responses[String(status)].content["application/json"].schema;
}
