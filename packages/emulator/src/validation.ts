// Request validation with the contract's own schemas (@dubkit/contract), reported the way the server's zod-error
// setup does: 422, the FIRST issue only, as `<code>: <path>: <message>`. The build bundles the contract with zod
// 4.3.5, the version Dub's server runs, so the messages are the server's by construction, whatever zod the client
// uses.
import { createPartnerBody, listPartnersQuery, safeParseEnglish } from "@dubkit/contract";
import { formatIssuePath } from "@dubkit/core";
import type * as z from "zod/mini";
import type { CreatePartnerInput } from "./create-partner.js";
import { DubApiError } from "./dub-error.js";
import type { ListPartnersInput } from "./list-partners.js";

/** Parses `value` with `schema` or throws Dub's 422 for the first issue. */
export function parseOrThrow<S extends z.core.$ZodType>(schema: S, value: unknown): z.output<S> {
  const result = safeParseEnglish(schema, value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const message = issue ? `${issue.code}: ${formatIssuePath(issue.path)}: ${issue.message}` : "Invalid input";
  throw new DubApiError("unprocessable_entity", message);
}

/** The query string as the server reads it: one string per key, the last value winning (`getSearchParams`). */
export function searchParamsRecord(params: URLSearchParams): Record<string, string> {
  return Object.fromEntries(params);
}

/** Validates a parsed JSON body; unknown keys (including `programId`) are stripped by the schema. */
export function validateCreateBody(value: unknown): CreatePartnerInput {
  const data = parseOrThrow(createPartnerBody, value);
  return { ...data, tenantId: data.tenantId ?? null } as CreatePartnerInput;
}

/** Validates the query string; numbers arrive as text and are coerced, as on the server. */
export function validateListQuery(params: URLSearchParams): ListPartnersInput {
  return parseOrThrow(listPartnersQuery, searchParamsRecord(params)) as ListPartnersInput;
}
