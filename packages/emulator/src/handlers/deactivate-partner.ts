// POST /partners/deactivate (partners-program-behavior.md §9.1): the body, the identity check, then the program
// (always, unlike the ban), a tenantId resolved to its partner, the deactivation, and a 200 naming the partner.

import { deactivatePartnerBody } from "@dubkit/contract";
import { deactivatePartner } from "../deactivate-partner.js";
import { partnerIdByTenant, resolvePartnerId, throwIfNoPartnerIdOrTenantId } from "../enrollment-or-throw.js";
import { type ApiResponse, defaultProgram, json, jsonBody, type RouteContext } from "../route-context.js";
import { parseOrThrow } from "../validation.js";

export async function deactivatePartnerHandler(context: RouteContext): Promise<ApiResponse> {
  const body = parseOrThrow(deactivatePartnerBody, jsonBody(context));
  throwIfNoPartnerIdOrTenantId(body);
  const program = defaultProgram(context);
  const partnerId = resolvePartnerId(body, (tenantId) => partnerIdByTenant(context.store, program, tenantId));
  const now = new Date(context.now()).toISOString();
  await context.store.commit(deactivatePartner(context.store, program, partnerId, now));
  return json(200, { partnerId }, true);
}
