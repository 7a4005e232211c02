// For tests: checks a response body against Dub's OpenAPI document itself (fixtures/partners-openapi.json), not
// against our schemas, with Ajv. The document is OpenAPI 3.0, so its two departures from JSON Schema are translated
// first (as openapi-conformance.test.ts does): a boolean `exclusiveMinimum` beside `minimum`, and a `nullable` enum.
import { readFileSync } from "node:fs";
import Ajv, { type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";

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
const validators = new Map<string, ValidateFunction>();

/**
 * What is wrong with `body` as the documented response of `method path` with `status` (Ajv's text), or undefined
 * when it conforms. Throws when the document has no such response.
 */
export function openApiProblem(
  method: string,
  path: string,
  status: number,
  body: unknown,
): string | undefined {
  const id = `${method} ${path} ${status}`;
  let validate = validators.get(id);
  if (!validate) {
    let response = document.paths[path]?.[method.toLowerCase()]?.responses[String(status)];
    // Error responses are references to the shared ones (`#/components/responses/400`).
    if (typeof response?.$ref === "string")
      response = document.components.responses[response.$ref.split("/").pop()];
    const schema = response?.content?.["application/json"]?.schema;
    if (!schema) throw new Error(`The OpenAPI document has no JSON response for ${id}.`);
    validate = ajv.compile(
      JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"openapi.json#/components/')),
    );
    validators.set(id, validate);
  }
  return validate(body) ? undefined : ajv.errorsText(validate.errors);
}
