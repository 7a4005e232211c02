// Dub's error codes and the HTTP status each is sent with (apps/web/lib/api/errors.ts): one table that the
// client's errors and the emulator's responses both read.

/** Every `error.code` Dub's API answers with, and its HTTP status. */
export const DUB_ERROR_CODES = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  exceeded_limit: 403,
  not_found: 404,
  conflict: 409,
  invite_pending: 409,
  invite_expired: 410,
  unprocessable_entity: 422,
  rate_limit_exceeded: 429,
  internal_server_error: 500,
} as const;

/** One of Dub's error codes, e.g. `"conflict"`. */
export type DubErrorCode = keyof typeof DUB_ERROR_CODES;

/**
 * The code Dub gives a status when it has one of its own (the first code listed for that status), else
 * `http_<status>`: what an error is labelled with when the body is not Dub's (a proxy's HTML page, an empty body).
 */
export function errorCodeForStatus(status: number): string {
  for (const [code, codeStatus] of Object.entries(DUB_ERROR_CODES)) if (codeStatus === status) return code;
  return `http_${status}`;
}
