// POST /partners/applications/reject (partners-program-behavior.md §12.1): the body, the default program, the
// rejection, and a 200 with the partnerId as sent.

import { rejectPartnerApplicationBody } from "@dubkit/contract";
import { rejectPartner } from "../reject-partner.js";
import { type ApiResponse, defaultProgram, json, jsonBody, type RouteContext } from "../route-context.js";
import { parseOrThrow } from "../validation.js";

export async function rejectPartnerApplicationHandler(context: RouteContext): Promise<ApiResponse> {
  const input = parseOrThrow(rejectPartnerApplicationBody, jsonBody(context));
  const program = defaultProgram(context);
  const now = new Date(context.now()).toISOString();
  await context.store.commit(rejectPartner(context.store, program, input, now));
  return json(200, { partnerId: input.partnerId }, true);
}
