// Dispatches one request: finds its route (an unknown path gets the hosting framework's HTML 404 and a known path
// with another method its bare 405, as api.dub.co answers), runs withWorkspace, then the route's handler. Every
// Dub error becomes Dub's envelope; errors after the rate-limit step carry its headers.

import { DubApiError, internalServerError } from "./dub-error.js";
import type { ApiResponse, ApiServices } from "./route-context.js";
import type { Route } from "./route-table.js";
import { checkAccess, type RateLimits } from "./workspace-access.js";

export type { ApiResponse } from "./route-context.js";

/** What dispatching needs besides the request. */
export interface ApiContext extends ApiServices {
  routes: readonly Route[];
  limits: RateLimits;
}

/** Next.js's not-found page, which api.dub.co serves for a path no route handles. */
const NOT_FOUND_PAGE =
  '<!DOCTYPE html><html><head><meta charset="utf-8"/><title>404: This page could not be found.</title></head>' +
  "<body><div><h1>404</h1><h2>This page could not be found.</h2></div></body></html>";

/** The methods a path answers, for a 405's `Allow` header (route handlers get OPTIONS, and HEAD with GET). */
function allowedMethods(routes: readonly Route[], path: string): string[] {
  const methods = routes.filter((route) => route.path === path).map((route) => route.method as string);
  if (methods.includes("GET")) methods.push("HEAD");
  return [...methods, "OPTIONS"];
}

/** Handles one request; never throws. */
export async function handleApiRequest(
  context: ApiContext,
  method: string,
  url: URL,
  authorization: string | undefined,
  rawBody: string,
): Promise<ApiResponse> {
  const path = url.pathname.replace(/\/+$/, "") || "/";
  const onPath = context.routes.filter((route) => route.path === path);
  if (onPath.length === 0) {
    return {
      status: 404,
      text: NOT_FOUND_PAGE,
      contentType: "text/html; charset=utf-8",
      headers: {},
      applied: false,
    };
  }
  if (method === "OPTIONS") {
    return {
      status: 204,
      text: "",
      headers: { Allow: allowedMethods(context.routes, path).join(", ") },
      applied: false,
    };
  }
  // A HEAD runs the GET handler; the server sends its headers without the body.
  const route = onPath.find((candidate) => candidate.method === (method === "HEAD" ? "GET" : method));
  if (!route) {
    return {
      status: 405,
      text: "",
      headers: { Allow: allowedMethods(context.routes, path).join(", ") },
      applied: false,
    };
  }
  const { routes: _routes, limits, ...services } = context;
  let limitHeaders: Record<string, string> = {};
  try {
    const access = checkAccess(
      route.access,
      { authorization, url },
      services.directory,
      limits,
      services.stats,
      services.now(),
      (headers) => {
        limitHeaders = headers;
      },
    );
    return await route.handler({
      ...services,
      workspace: access.key.workspace,
      key: access.key,
      url,
      rateLimitHeaders: access.headers,
      rawBody,
    });
  } catch (error) {
    const known = error instanceof DubApiError ? error : internalServerError();
    return { status: known.status, body: known.toBody(), headers: limitHeaders, applied: false };
  }
}
