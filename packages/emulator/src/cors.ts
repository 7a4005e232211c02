// CORS so a browser page on any origin can call the emulator: the API authenticates with a bearer header, not
// cookies, so reflecting the origin is safe. The rate-limit headers are exposed for clients that read them.
import type { IncomingMessage } from "node:http";

const EXPOSED = "X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset, Retry-After";

/** Headers for every response to a request from `origin`. */
export function corsHeaders(request: IncomingMessage): Record<string, string> {
  const origin = request.headers.origin;
  return {
    "Access-Control-Allow-Origin": origin ?? "*",
    "Access-Control-Expose-Headers": EXPOSED,
    Vary: "Origin",
  };
}

/** Headers answering a preflight (`OPTIONS` with `Access-Control-Request-Method`). */
export function preflightHeaders(request: IncomingMessage): Record<string, string> {
  return {
    ...corsHeaders(request),
    "Access-Control-Allow-Methods": "GET, POST, PUT, OPTIONS",
    "Access-Control-Allow-Headers":
      request.headers["access-control-request-headers"] ?? "Authorization, Content-Type, Accept",
    "Access-Control-Max-Age": "86400",
  };
}
