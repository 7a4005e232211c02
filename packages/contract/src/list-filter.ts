// The list filters of GET /partners (`groupId`, `country`, `partnerTagId`, `partnerIds`): one value, a comma list,
// or `-` then a comma list to exclude. The server keeps only the last of repeated query keys, so a list a caller
// passes as an array is sent as one comma-joined value.

import * as z from "zod/mini";

/** A filter as a caller passes it (a value, a comma list, or an array), sent as one comma-joined value. */
/* @__NO_SIDE_EFFECTS__ */
export function listFilter() {
  return z.optional(
    z.pipe(
      z.union([z.string(), z.array(z.string())]),
      z.transform((value: string | string[]) => (typeof value === "string" ? value : value.join(","))),
    ),
  );
}

/** A decoded filter: match any of `values`, or (when `exclude`) none of them. */
export interface ListFilter {
  /** Whether the filter excludes `values` (it started with `-`). */
  exclude: boolean;
  /** The values, without empty ones. */
  values: string[];
}

/**
 * Decodes a filter as Dub's server does (`parseFilterValue`): `a` and `a,b` match those values, `-a` and `-a,b`
 * exclude them (an excluding filter also matches rows where the field is empty); empty values are dropped, and a
 * filter left with none (`""`, `-`, `,`) means no filter.
 */
export function parseListFilter(value: string | undefined): ListFilter | undefined {
  if (!value) return undefined;
  const exclude = value.startsWith("-");
  const values = (exclude ? value.slice(1) : value).split(",").filter(Boolean);
  return values.length === 0 ? undefined : { exclude, values };
}
