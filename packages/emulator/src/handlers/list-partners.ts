// GET /partners (partners-program-behavior.md §3): the default program before the query, then the list.

import { listPartners } from "../list-partners.js";
import { type ApiResponse, defaultProgram, json, type RouteContext } from "../route-context.js";
import { validateListQuery } from "../validation.js";

export async function listPartnersHandler(context: RouteContext): Promise<ApiResponse> {
  const program = defaultProgram(context);
  const query = validateListQuery(context.url.searchParams);
  const body = listPartners(context.store, program, query);
  await context.store.durable();
  return json(200, body);
}
