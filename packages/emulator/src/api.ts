// The API's routes and withWorkspace's pipeline: authenticate, rate-limit, check role and plan, find the default
// program, parse and validate, then create or list. Errors after the rate-limit step carry its headers; the
// 201 and 200 carry none (the server's handler drops them).

import { PARTNER_PLANS, planLimits } from "@dubkit/contract";
import { authenticate } from "./auth.js";
import { type CreateContext, createPartner } from "./create-partner.js";
import { DubApiError, internalServerError } from "./dub-error.js";
import { enrolledPartnerView } from "./enrolled-partner.js";
import { listPartners } from "./list-partners.js";
import type { EmulatorStats } from "./options.js";
import { rateLimitHeaders, type SlidingWindowLimiter } from "./rate-limit.js";
import type { LinkRecord } from "./records.js";
import type { Store } from "./store.js";
import { validateCreateBody, validateListQuery } from "./validation.js";
import type { Directory, Program, Workspace } from "./workspace.js";

/** A response to send. */
export interface ApiResponse {
  status: number;
  body: unknown;
  headers: Record<string, string>;
  /** True when the request changed state (so a reset after it is an "applied then reset"). */
  applied: boolean;
}

/** What the routes need. */
export interface ApiContext extends CreateContext {
  directory: Directory;
  store: Store;
  limiter: SlidingWindowLimiter | undefined;
  /** Overrides every plan's limit when set. */
  limitOverride: number | undefined;
  stats: EmulatorStats;
}

const ALLOWED = "GET, POST, OPTIONS";

/** Handles one request; never throws. */
export async function handleApiRequest(
  context: ApiContext,
  method: string,
  url: URL,
  authorization: string | undefined,
  rawBody: string,
): Promise<ApiResponse> {
  let limitHeaders: Record<string, string> = {};
  try {
    if (url.pathname !== "/partners") {
      throw new DubApiError("not_found", "The requested resource was not found.");
    }
    if (method !== "GET" && method !== "POST") {
      const error = new DubApiError("method_not_allowed", `Method ${method} is not allowed on /partners.`);
      return { status: 405, body: error.toBody(), headers: { Allow: ALLOWED }, applied: false };
    }
    const key = authenticate(authorization, url.searchParams, context.directory, context.now());
    const { workspace } = key;
    if (context.limiter) {
      const limit = context.limitOverride ?? planLimits(workspace.plan, workspace.trial).requestsPerMinute;
      const result = context.limiter.check(key.hash, limit);
      limitHeaders = rateLimitHeaders(result);
      if (!result.success) {
        context.stats.rateLimited += 1;
        throw new DubApiError("rate_limit_exceeded", "Too many requests.");
      }
    }
    if (workspace.membership === "none") throw new DubApiError("not_found", "Workspace not found.");
    if (workspace.membership === "invite-pending") {
      throw new DubApiError("invite_pending", "Workspace invite pending.");
    }
    if (workspace.membership === "invite-expired") {
      throw new DubApiError("invite_expired", "Workspace invite expired.");
    }
    if (method === "POST" && workspace.role !== "owner" && workspace.role !== "member") {
      throw new DubApiError(
        "forbidden",
        "You don't have the required role to access this endpoint. Required role(s): owner, member.",
      );
    }
    if (!PARTNER_PLANS.includes(workspace.plan)) {
      throw new DubApiError("forbidden", "Unauthorized: Need higher plan.");
    }
    const program = workspace.program;
    if (!program) throw new DubApiError("not_found", "Program not found");
    if (method === "GET") {
      const query = validateListQuery(url.searchParams);
      const body = listPartners(context.store, program, query);
      await context.store.durable();
      return { status: 200, body, headers: {}, applied: false };
    }
    return await create(context, workspace, program, rawBody);
  } catch (error) {
    const known = error instanceof DubApiError ? error : internalServerError();
    return { status: known.status, body: known.toBody(), headers: limitHeaders, applied: false };
  }
}

async function create(
  context: ApiContext,
  workspace: Workspace,
  program: Program,
  rawBody: string,
): Promise<ApiResponse> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(rawBody);
  } catch {
    throw new DubApiError(
      "bad_request",
      "Invalid JSON format in request body. Please ensure the request body is a valid JSON object.",
    );
  }
  const input = validateCreateBody(parsed);
  const outcome = createPartner(context, workspace, program, input);
  const applied = outcome.change.length > 0;
  // Even an unchanged enrollment waits: it may have been created by a request whose write is still in flight.
  await (applied ? context.store.commit(outcome.change) : context.store.durable());
  if (outcome.created) context.stats.creates += 1;
  else context.stats.existingReturned += 1;
  const links = outcome.enrollment.linkIds
    .map((id) => context.store.links.get(id))
    .filter((link): link is LinkRecord => link !== undefined);
  const body = enrolledPartnerView(outcome.partner, outcome.enrollment, links);
  return { status: 201, body, headers: {}, applied };
}
