// Checks a create request with the contract's own rules before anything is sent, in the words a person reads:
// the first failing field and every issue, in English.

import { type CreatePartnerRequest, createPartnerBody, safeParseEnglish } from "@dubkit/contract";
import { formatIssuePath } from "@dubkit/core";

/** A request that passed, or the field at fault and every issue, joined. */
export type RequestCheck =
  | { ok: true; data: CreatePartnerRequest & { email: string } }
  | { ok: false; field: string | undefined; error: string };

/** Validates a create-partner body as the SDK (and the server) would. */
export function checkCreateRequest(body: unknown): RequestCheck {
  // Most rows pass: the plain parse is a third cheaper, and the English messages are only needed on failure.
  const fast = createPartnerBody.safeParse(body);
  if (fast.success) return { ok: true, data: fast.data as CreatePartnerRequest & { email: string } };
  const result = safeParseEnglish(createPartnerBody, body);
  if (result.success) return { ok: true, data: result.data as CreatePartnerRequest & { email: string } };
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
