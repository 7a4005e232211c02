// GET /partners/applications (partners-program-behavior.md §10.1): the query before the program (so a bad page is
// a 422 even without one), then one page of pending applications.

import { listPartnerApplicationsQuery } from "@dubkit/contract";
import { listPartnerApplications } from "../list-partner-applications.js";
import { type ApiResponse, defaultProgram, json, type RouteContext } from "../route-context.js";
import { parseOrThrow, searchParamsRecord } from "../validation.js";

export async function listPartnerApplicationsHandler(context: RouteContext): Promise<ApiResponse> {
  const query = parseOrThrow(listPartnerApplicationsQuery, searchParamsRecord(context.url.searchParams));
  const program = defaultProgram(context);
  const body = listPartnerApplications(context.store, program, query);
  await context.store.durable();
  return json(200, body);
}
