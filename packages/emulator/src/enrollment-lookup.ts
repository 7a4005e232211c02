// How the link and analytics routes find the partner (partners-program-behavior.md §0.4): `partnerId` wins over
// `tenantId` (JavaScript truthiness, so `""` and null count as missing), always inside the workspace's default
// program, whatever the enrollment's status.
import { DubApiError } from "./dub-error.js";
import type { EnrollmentRecord } from "./records.js";
import type { Store } from "./store.js";

/** The partner as a request names it. */
export interface PartnerIdentity {
  partnerId?: string | null | undefined;
  tenantId?: string | null | undefined;
}

/** `throwIfNoPartnerIdOrTenantId`: 400 unless one of the two is set. */
export function requirePartnerIdentity(identity: PartnerIdentity): void {
  if (!identity.partnerId && !identity.tenantId) {
    throw new DubApiError("bad_request", "Either `partnerId` or `tenantId` must be provided.");
  }
}

/** The enrollment by `(partnerId, programId)`, else by `(tenantId, programId)`; undefined when there is none. */
export function findEnrollment(
  store: Store,
  programId: string,
  identity: PartnerIdentity,
): EnrollmentRecord | undefined {
  if (identity.partnerId) return store.enrollmentOf(programId, identity.partnerId);
  return identity.tenantId ? store.enrollmentByTenant(programId, identity.tenantId) : undefined;
}

/** The enrollment, or the link routes' 404 `Partner not found.` */
export function enrollmentOrNotFound(
  store: Store,
  programId: string,
  identity: PartnerIdentity,
): EnrollmentRecord {
  const enrollment = findEnrollment(store, programId, identity);
  if (!enrollment) throw new DubApiError("not_found", "Partner not found.");
  return enrollment;
}
