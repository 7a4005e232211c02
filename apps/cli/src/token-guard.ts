// Refuses a request that would carry the API token as data (a link's key, a name, a query value): Dub would store
// it and often publish it (a link's key is a public URL). The Authorization header is the token's only place.

import { type Hooks, InvalidRequestError } from "@dubkit/core";

const REASON = "is the Dub API token itself; it is sent only as the credential, never as data";

/** The dotted path of the first string in `value` that holds `token`, or undefined. */
function pathOf(value: unknown, token: string, path: string): string | undefined {
  if (typeof value === "string") return value.includes(token) ? path : undefined;
  if (value === null || typeof value !== "object") return undefined;
  for (const [key, item] of Object.entries(value)) {
    const found = pathOf(
      item,
      token,
      Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key,
    );
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Where in the URL the token is: a query parameter's name, or the path. */
function urlPlace(url: string, token: string): string | undefined {
  if (!url.includes(token)) return undefined;
  const parsed = new URL(url);
  for (const [name, value] of parsed.searchParams)
    if (value.includes(token) || name.includes(token)) return name;
  return "the request's URL";
}

/** The field of a request (body or URL) that holds `token`, or undefined when it is only in the headers. */
export function tokenPlace(
  request: { url: string; body?: string | undefined },
  token: string,
): string | undefined {
  if (request.body?.includes(token)) {
    try {
      return pathOf(JSON.parse(request.body), token, "") ?? "the request body";
    } catch {
      return "the request body";
    }
  }
  return urlPlace(request.url, token);
}

// A shorter token would match ordinary text; such tokens are refused before a client is made.
const MIN_LENGTH = 8;

/** Hooks that refuse, before it is sent, any attempt whose URL or body holds `token`. */
export function tokenGuardHooks(token: string): Hooks {
  if (token.length < MIN_LENGTH) return {};
  return {
    beforeRequest(context) {
      const place = tokenPlace(context, token);
      if (place !== undefined) throw new InvalidRequestError([{ path: place, message: REASON }]);
    },
  };
}
