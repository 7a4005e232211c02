// Running a Standard Schema and turning its issues into dubkit's `{ path, message }` form.

import { formatIssuePath, type StandardSchemaV1, type ValidationIssue } from "@dubkit/core";

/** The validated value, or the issues found. */
export type Validation = { ok: true; value: unknown } | { ok: false; issues: ValidationIssue[] };

/** Validates `value` with `schema` (sync or async validators alike). */
export async function validate(
  schema: StandardSchemaV1<unknown, unknown>,
  value: unknown,
): Promise<Validation> {
  const result = await schema["~standard"].validate(value);
  if (result.issues) {
    return {
      ok: false,
      issues: result.issues.map((issue) => ({ path: formatIssuePath(issue.path), message: issue.message })),
    };
  }
  return { ok: true, value: result.value };
}
