// POST /partners (partners-behavior.md §0): the default program before the body, then validation, the create, and
// a 201 without rate-limit headers.

import { createPartner } from "../create-partner.js";
import { enrolledPartnerView } from "../enrolled-partner.js";
import type { LinkRecord } from "../records.js";
import { type ApiResponse, defaultProgram, json, jsonBody, type RouteContext } from "../route-context.js";
import { validateCreateBody } from "../validation.js";

export async function createPartnerHandler(context: RouteContext): Promise<ApiResponse> {
  const program = defaultProgram(context);
  const input = validateCreateBody(jsonBody(context));
  const outcome = createPartner(context, context.workspace, program, input);
  const applied = outcome.change.length > 0;
  // Even an unchanged enrollment waits: it may have been created by a request whose write is still in flight.
  await (applied ? context.store.commit(outcome.change) : context.store.durable());
  if (outcome.created) context.stats.creates += 1;
  else context.stats.existingReturned += 1;
  const links = outcome.enrollment.linkIds
    .map((id) => context.store.links.get(id))
    .filter((link): link is LinkRecord => link !== undefined);
  return json(201, enrolledPartnerView(outcome.partner, outcome.enrollment, links), applied);
}
