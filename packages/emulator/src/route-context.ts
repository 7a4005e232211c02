// What a route handler gets: the authenticated workspace, the request, and the server's shared steps (the default
// program, the JSON body, the query) that each route calls at the point of its own processing order.

import { DubApiError } from "./dub-error.js";
import type { IdPrefix } from "./ids.js";
import type { EmulatorStats } from "./options.js";
import type { Random } from "./random.js";
import type { Store } from "./store.js";
import type { ApiKey, Directory, Program, Workspace } from "./workspace.js";

/** A response to send: JSON `body`, or raw `text` with its `contentType` (an HTML page, an empty 405). */
export interface ApiResponse {
  status: number;
  body?: unknown;
  text?: string;
  contentType?: string;
  headers: Record<string, string>;
  /** True when the request changed state (so a reset after it is an "applied then reset"). */
  applied: boolean;
}

/** The emulator's state and services, shared by every request. */
export interface ApiServices {
  store: Store;
  directory: Directory;
  random: Random;
  newId: (prefix: IdPrefix) => string;
  now: () => number;
  stats: EmulatorStats;
}

/** One authenticated request, as a handler sees it. */
export interface RouteContext extends ApiServices {
  workspace: Workspace;
  key: ApiKey;
  url: URL;
  /** The rate-limit headers of this request, for the routes that send them on success too. */
  rateLimitHeaders: Record<string, string>;
  /** The raw body text. */
  rawBody: string;
}

/** `getDefaultProgramIdOrThrow`: the workspace's default program, or 404 `Program not found` (no period). */
export function defaultProgram(context: RouteContext): Program {
  const program = context.workspace.program;
  if (!program) throw new DubApiError("not_found", "Program not found");
  return program;
}

/** `parseRequestBody`: the body as JSON, whatever the Content-Type, or Dub's 400. */
export function jsonBody(context: RouteContext): unknown {
  try {
    return JSON.parse(context.rawBody);
  } catch {
    throw new DubApiError(
      "bad_request",
      "Invalid JSON format in request body. Please ensure the request body is a valid JSON object.",
    );
  }
}

/** A JSON response without rate-limit headers (most of Dub's handlers drop them on success). */
export function json(
  status: number,
  body: unknown,
  applied = false,
  headers: Record<string, string> = {},
): ApiResponse {
  return { status, body, headers, applied };
}
