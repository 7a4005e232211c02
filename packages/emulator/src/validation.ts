// Request validation with the contract's own schemas (@dubkit/partners/schemas), reported the way the server's
// zod-error setup does: 422, the FIRST issue only, as `<code>: <path>: <message>`.
import { formatIssuePath } from "@dubkit/core";
import { type Issue, safeParse } from "@dubkit/core/schema";
import { createPartnerBody, listPartnersQuery } from "@dubkit/partners/schemas";
import type { CreatePartnerInput } from "./create-partner.js";
import { DubApiError } from "./dub-error.js";
import type { ListPartnersInput } from "./list-partners.js";

function unprocessable(issue: Issue | undefined): DubApiError {
  const message = issue ? `${issue.code}: ${formatIssuePath(issue.path)}: ${issue.message}` : "Invalid input";
  return new DubApiError("unprocessable_entity", message);
}

/** Validates a parsed JSON body; unknown keys (including `programId`) are stripped by the schema. */
export function validateCreateBody(value: unknown): CreatePartnerInput {
  const result = safeParse(createPartnerBody, value);
  if (!result.success) throw unprocessable(result.issues[0]);
  const data = result.data;
  return {
    ...data,
    email: data.email,
    tenantId: data.tenantId ?? null,
    linkProps: data.linkProps as CreatePartnerInput["linkProps"],
  };
}

const NUMERIC_PARAMS = new Set(["page", "pageSize"]);

/** Validates the query string; numbers arrive as text, as they do on the server before its coercion. */
export function validateListQuery(params: URLSearchParams): ListPartnersInput {
  const raw: Record<string, unknown> = {};
  for (const [name, value] of params) raw[name] = NUMERIC_PARAMS.has(name) ? Number(value) : value;
  const result = safeParse(listPartnersQuery, raw);
  if (!result.success) throw unprocessable(result.issues[0]);
  return result.data as ListPartnersInput;
}
