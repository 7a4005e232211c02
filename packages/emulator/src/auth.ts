// Authentication in withWorkspace's order: header shape, key prefix, key lookup, expiry. The rate limit, role
// and plan checks come after and live in the request handler, because their errors carry rate-limit headers.
import { DubApiError } from "./dub-error.js";
import type { ApiKey, Directory } from "./workspace.js";

/** Resolves the request's API key or throws Dub's exact authentication error. */
export function authenticate(
  authorization: string | undefined,
  query: URLSearchParams,
  directory: Directory,
  now: number,
): ApiKey {
  const sessionQuery = query.has("workspaceId") || query.has("projectSlug");
  // The server tests the header for truthiness, so an empty one counts as missing.
  if (!authorization) {
    if (sessionQuery) throw new DubApiError("unauthorized", "Unauthorized: Login required.");
    throw new DubApiError("unauthorized", "Missing Authorization header.");
  }
  if (!authorization.startsWith("Bearer ")) {
    throw new DubApiError(
      "bad_request",
      "Misconfigured authorization header. Did you forget to add 'Bearer '? Learn more: https://d.to/auth",
    );
  }
  const key = authorization.replace("Bearer ", "");
  if (!key.startsWith("dub_") && !sessionQuery) {
    throw new DubApiError(
      "not_found",
      "Workspace ID not found. Did you forget to include a `workspaceId` query parameter? It looks like you might be using personal API keys, we also recommend refactoring to workspace API keys: https://d.to/keys",
    );
  }
  const found = directory.findApiKey(key);
  if (!found || found.revoked) throw new DubApiError("unauthorized", "Unauthorized: Invalid API key.");
  if (found.expiresAt !== null && found.expiresAt < now) {
    throw new DubApiError("unauthorized", "Unauthorized: Access token expired.");
  }
  return found;
}
