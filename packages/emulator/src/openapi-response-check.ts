// For tests: checks a response body against Dub's OpenAPI document itself (fixtures/partners-openapi.json), not
// against our schemas, by method, path and status, with the validators of openapi-validator.ts.
import type { ValidateFunction } from "ajv";
import { openApiDocument as document, openApiValidator } from "./openapi-validator.js";

const validators = new Map<string, ValidateFunction & { errorsText(): string }>();

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
    validate = openApiValidator(schema);
    validators.set(id, validate);
  }
  return validate(body) ? undefined : validate.errorsText();
}
