// POST /partners/applications/approve (partners-program-behavior.md §11.1): the body, the default program, the
// approval, and a 200 with the partnerId as sent.

import { approvePartnerApplicationBody } from "@dubkit/contract";
import { approvePartner } from "../approve-partner.js";
import { type ApiResponse, defaultProgram, json, jsonBody, type RouteContext } from "../route-context.js";
import { parseOrThrow } from "../validation.js";

export async function approvePartnerApplicationHandler(context: RouteContext): Promise<ApiResponse> {
  const input = parseOrThrow(approvePartnerApplicationBody, jsonBody(context));
  const program = defaultProgram(context);
  const now = new Date(context.now()).toISOString();
  await context.store.commit(approvePartner(context, context.workspace, program, input, now));
  return json(200, { partnerId: input.partnerId }, true);
}
