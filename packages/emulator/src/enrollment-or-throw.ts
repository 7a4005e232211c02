// How ban and deactivate find the enrollment they act on (partners-program-behavior.md §0.4): one of partnerId or
// tenantId (400 otherwise), a tenantId resolved to its partner, then `getProgramEnrollmentOrThrow` by partner.
import { DubApiError } from "./dub-error.js";
import type { EnrollmentRecord } from "./records.js";
import type { Store } from "./store.js";
import type { Program } from "./workspace.js";

/** How an action names its partner; `""` and `null` count as missing (the server checks truthiness). */
export interface PartnerIdentity {
  partnerId?: string | null;
  tenantId?: string | null;
}

function noIdentity(): DubApiError {
  return new DubApiError("bad_request", "Either `partnerId` or `tenantId` must be provided.");
}

/** `throwIfNoPartnerIdOrTenantId`. */
export function throwIfNoPartnerIdOrTenantId(identity: PartnerIdentity): void {
  if (!identity.partnerId && !identity.tenantId) throw noIdentity();
}

/**
 * The partner an action names: its partnerId (which wins), else the partner `byTenant` finds for its tenantId; the
 * identity 400 when neither is given. `byTenant` runs only for a tenantId alone (the ban needs the program only then).
 */
export function resolvePartnerId(identity: PartnerIdentity, byTenant: (tenantId: string) => string): string {
  if (identity.partnerId) return identity.partnerId;
  if (identity.tenantId) return byTenant(identity.tenantId);
  throw noIdentity();
}

/** The partner enrolled under this tenantId in the program, or 404. */
export function partnerIdByTenant(store: Store, program: Program, tenantId: string): string {
  const enrollment = store.enrollmentByTenant(program.id, tenantId);
  if (!enrollment) {
    throw new DubApiError("not_found", `Partner with tenantId ${tenantId} not found in program.`);
  }
  return enrollment.partnerId;
}

/** `getProgramEnrollmentOrThrow`: the partner's enrollment in the program, whatever its status, or 404. */
export function programEnrollmentOrThrow(
  store: Store,
  program: Program,
  partnerId: string,
): EnrollmentRecord {
  const enrollment = store.enrollmentOf(program.id, partnerId);
  if (!enrollment) {
    throw new DubApiError("not_found", `Partner ${partnerId} is not enrolled in program ${program.id}.`);
  }
  return enrollment;
}
