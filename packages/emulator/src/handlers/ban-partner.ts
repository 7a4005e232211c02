// POST /partners/ban (partners-program-behavior.md §8.1): the body before the program; a tenantId alone is resolved
// (which is where a missing program shows), then the ban itself, and a 200 naming the partner.

import { banPartnerBody } from "@dubkit/contract";
import { banPartner } from "../ban-partner.js";
import { partnerIdByTenant, resolvePartnerId } from "../enrollment-or-throw.js";
import { type ApiResponse, defaultProgram, json, jsonBody, type RouteContext } from "../route-context.js";
import { parseOrThrow } from "../validation.js";

export async function banPartnerHandler(context: RouteContext): Promise<ApiResponse> {
  const { reason, ...identity } = parseOrThrow(banPartnerBody, jsonBody(context));
  const { store } = context;
  const partnerId = resolvePartnerId(identity, (tenantId) =>
    partnerIdByTenant(store, defaultProgram(context), tenantId),
  );
  const now = new Date(context.now()).toISOString();
  await store.commit(banPartner(store, defaultProgram(context), partnerId, reason, now));
  return json(200, { partnerId }, true);
}
