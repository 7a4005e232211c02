// Checks a request with the contract's own rules before anything is sent, in the words a person reads: the first
// failing field and every issue, in English.

import { type CreatePartnerRequest, createPartnerBody, safeParseEnglish } from "@dubkit/contract";
import { formatIssuePath } from "@dubkit/core";

/** A request that passed, or the field at fault and every issue, joined. */
export type RequestCheck<T> = { ok: true; data: T } | { ok: false; field: string | undefined; error: string };

/** What {@link checkRequest} needs of a schema: a contract schema, with zod's plain `safeParse`. */
type Schema = Parameters<typeof safeParseEnglish>[0] & {
  safeParse(value: unknown): { success: true; data: unknown } | { success: false };
};

/** Validates `body` with `schema` as the SDK (and the server) would. */
export function checkRequest<T>(schema: Schema, body: unknown): RequestCheck<T> {
  // Most rows pass: the plain parse is a third cheaper, and the English messages are only needed on failure.
  const fast = schema.safeParse(body);
  if (fast.success) return { ok: true, data: fast.data as T };
  const result = safeParseEnglish(schema, body);
  if (result.success) return { ok: true, data: result.data as T };
  const issues = result.error.issues.map((issue) => ({
    path: formatIssuePath(issue.path),
    message: issue.message,
  }));
  return {
    ok: false,
    field: issues[0]?.path || undefined,
    error: issues.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message)).join("; "),
  };
}

/** Validates a create-partner body as the SDK (and the server) would. */
export function checkCreateRequest(body: unknown): RequestCheck<CreatePartnerRequest & { email: string }> {
  return checkRequest(createPartnerBody, body);
}
