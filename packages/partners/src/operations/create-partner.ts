// POST /partners: create a partner and enroll it in the workspace's default program, or return the existing
// enrollment for the same email or tenantId (the server is idempotent by email, so retrying this call is safe).
import { defineOperation, type RequestOptions } from "@dubkit/core";
import { warnOnce } from "../deprecation.js";
import type { DubCore } from "../dub-core.js";
// From the schema's own file, not the schemas.ts barrel: the build then gives each operation a chunk of its own.
import { type CreatePartnerRequest, createPartnerBody } from "../schemas/create-partner-body.js";
import { type EnrolledPartner, enrolledPartner } from "../schemas/enrolled-partner.js";

/** The operation definition: method, path and both schemas. The transport does the rest. */
export const createPartnerOperation = defineOperation({
  id: "createPartner",
  method: "POST",
  path: "/partners",
  body: createPartnerBody,
  response: enrolledPartner,
});

/** The request accepted by {@link createPartner}: the current API's fields, plus the seed-era `programId`. */
export type CreatePartnerInput = CreatePartnerRequest & {
  /**
   * @deprecated The program is now the workspace's default program; the server ignores this field, and dubkit
   * drops it (with a one-time warning) before sending.
   */
  programId?: string;
};

/**
 * Creates a partner and enrolls it in the workspace's default program. If the email (or `tenantId`) is already
 * enrolled, the server returns that enrollment unchanged (or with its `tenantId` updated), also with 201.
 *
 * @throws InvalidRequestError before sending if `body` breaks the server's rules (the error names the field).
 * @throws Conflict (409) if `tenantId` belongs to another partner in the program; other `SDKError`s by status.
 */
export function createPartner(
  client: DubCore,
  body: CreatePartnerInput,
  options?: RequestOptions,
): Promise<EnrolledPartner> {
  if (body !== null && typeof body === "object" && "programId" in body) {
    warnOnce(
      "DUBKIT_PROGRAM_ID",
      "`programId` is ignored: partners join the workspace's default program. dubkit drops it.",
    );
  }
  return client.transport.request(createPartnerOperation, body, options);
}
