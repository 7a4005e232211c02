// withWorkspace's checks, in the server's order (partners-program-behavior.md §0.1): authentication, the route's
// rate limit, membership, permissions, roles, plan. Errors after the rate-limit step carry its headers.

import { PARTNER_PLANS, planLimits } from "@dubkit/contract";
import { authenticate } from "./auth.js";
import { DubApiError } from "./dub-error.js";
import type { EmulatorStats } from "./options.js";
import { rateLimitHeaders, type SlidingWindowLimiter } from "./rate-limit.js";
import type { RouteAccess } from "./route-table.js";
import type { ApiKey, Directory } from "./workspace.js";

/** The limiters of the two rate-limit buckets, and a limit that overrides every plan's per-minute one. */
export interface RateLimits {
  api: SlidingWindowLimiter | undefined;
  analytics: SlidingWindowLimiter | undefined;
  apiLimitOverride: number | undefined;
}

/** A request that passed withWorkspace, and the rate-limit headers its responses may carry. */
export interface Access {
  key: ApiKey;
  headers: Record<string, string>;
}

/** Roles that hold the `links.write` permission (apps/web/lib/api/rbac/permissions.ts). */
const LINKS_WRITE_ROLES = new Set(["owner", "member"]);

/** The scopes of a restricted key that grant each permission (apps/web/lib/api/tokens/scopes.ts). */
const SCOPES_GRANTING = {
  "links.write": ["links.write", "apis.all"],
  "links.read": ["links.read", "links.write", "apis.read", "apis.all"],
} as const;

/**
 * Runs withWorkspace for a route. Throws Dub's error; `onHeaders` receives the rate-limit headers as soon as they
 * exist, so an error thrown after that step still carries them.
 */
export function checkAccess(
  access: RouteAccess,
  request: { authorization: string | undefined; url: URL },
  directory: Directory,
  limits: RateLimits,
  stats: EmulatorStats,
  now: number,
  onHeaders: (headers: Record<string, string>) => void,
): Access {
  const key = authenticate(request.authorization, request.url.searchParams, directory, now);
  const { workspace } = key;
  let headers: Record<string, string> = {};
  const plan = planLimits(workspace.plan, workspace.trial);
  const limiter = access.rateLimit === "analytics" ? limits.analytics : limits.api;
  if (limiter) {
    const limit =
      access.rateLimit === "analytics"
        ? plan.analyticsPerSecond
        : (limits.apiLimitOverride ?? plan.requestsPerMinute);
    const result = limiter.check(key.hash, limit);
    headers = rateLimitHeaders(result);
    onHeaders(headers);
    if (!result.success) {
      stats.rateLimited += 1;
      throw new DubApiError("rate_limit_exceeded", "Too many requests.");
    }
  }
  if (workspace.membership === "none") throw new DubApiError("not_found", "Workspace not found.");
  if (workspace.membership === "invite-pending")
    throw new DubApiError("invite_pending", "Workspace invite pending.");
  if (workspace.membership === "invite-expired")
    throw new DubApiError("invite_expired", "Workspace invite expired.");
  if (access.permission && !hasPermission(key, access.permission)) {
    const id = workspace.id.startsWith("ws_") ? workspace.id : `ws_${workspace.id}`;
    throw new DubApiError(
      "forbidden",
      `The provided key does not have the required permissions for this endpoint on the workspace '${id}'. Having the '${access.permission}' permission would allow this request to continue.`,
    );
  }
  if (access.roles && !access.roles.includes(workspace.role)) {
    throw new DubApiError(
      "forbidden",
      `You don't have the required role to access this endpoint. Required role(s): ${access.roles.join(", ")}.`,
    );
  }
  if (!(access.plans ?? PARTNER_PLANS).includes(workspace.plan))
    throw new DubApiError("forbidden", "Unauthorized: Need higher plan.");
  return { key, headers };
}

/**
 * A role grants `links.write` to owners and members and `links.read` to every role; a restricted key also needs a
 * scope that grants it (`links.write` or `apis.all`; for reading also `links.read` or `apis.read`).
 */
function hasPermission(key: ApiKey, permission: "links.write" | "links.read"): boolean {
  if (permission === "links.write" && !LINKS_WRITE_ROLES.has(key.workspace.role)) return false;
  const granting: readonly string[] = SCOPES_GRANTING[permission];
  return key.scopes === undefined || key.scopes.some((scope) => granting.includes(scope));
}
