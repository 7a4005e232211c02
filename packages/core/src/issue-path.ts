// Human-readable paths for validation issues, the same shape everywhere dubkit reports a field.

import type { StandardSchemaV1 } from "@standard-schema/spec";

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * Formats an issue path: keys dotted, indexes bracketed, e.g.
 * `["linkProps", "testVariants", 0, "percentage"]` → `linkProps.testVariants[0].percentage`.
 * Keys that are not identifiers are quoted in brackets (`headers["x-id"]`); no path gives `""`.
 */
export function formatIssuePath(
  path: ReadonlyArray<PropertyKey | StandardSchemaV1.PathSegment> | undefined,
): string {
  let out = "";
  for (const segment of path ?? []) {
    const key = typeof segment === "object" && segment !== null ? segment.key : segment;
    if (typeof key === "number") out += `[${key}]`;
    else if (typeof key === "symbol") out += `[${key.toString()}]`;
    else if (IDENTIFIER.test(key)) out += out === "" ? key : `.${key}`;
    else out += `[${JSON.stringify(key)}]`;
  }
  return out;
}
