// Errors for non-2xx responses: one class per status Dub documents, SDKError for the rest.
// The class follows the status, not the body, so a proxy's HTML page or an empty body still
// yields the right class with the raw text kept for diagnosis.

import type { HeadersLike } from "../headers-like.js";
import { parseResetTime, parseRetryAfter } from "../retry-after.js";
import { DubError } from "./dub-error.js";
import { errorCodeForStatus } from "./error-codes.js";

/** What a non-2xx response is turned into an {@link SDKError} from. */
export interface SDKErrorInit {
  /** HTTP status code. */
  statusCode: number;
  /** Dub's `error.code`, or a code derived from the status when the body is not Dub's shape. */
  code: string;
  /** Dub's `error.message`, or a description of the failure when the body is not Dub's shape. */
  message: string;
  /** Dub's `error.doc_url`, when present. */
  docUrl?: string;
  /** The raw response body text. */
  body: string;
  /** The response headers. */
  headers: Headers;
  /** The request's HTTP method. */
  method: string;
  /** The request's URL. */
  url: string;
}

// Response headers that identify a request to Dub's support, most specific first.
const REQUEST_ID_HEADERS = ["x-request-id", "x-vercel-id", "cf-ray"];

/**
 * Any non-2xx response. Subclasses exist for the statuses Dub documents; any other 4XX/5XX is a
 * plain `SDKError`. Never contains the API token: request headers are not kept.
 */
export class SDKError extends DubError {
  static override readonly kind: string = "SDKError";
  /** HTTP status code. */
  declare readonly statusCode: number;
  /** Dub's `error.code` (e.g. `"conflict"`), or one derived from the status for non-Dub bodies. */
  declare readonly code: string;
  /** Dub's `error.doc_url`, when the body had one. */
  declare readonly docUrl?: string;
  /** The raw response body text (an HTML page from a proxy, an empty string, or Dub's JSON). */
  declare readonly body: string;
  /** The response headers. */
  declare readonly headers: Headers;
  /** The request id from `x-request-id`, `x-vercel-id` or `cf-ray`, when the response had one. */
  declare readonly requestId?: string;
  /** The request's HTTP method. */
  declare readonly method: string;
  /** The request's URL. */
  declare readonly url: string;

  constructor(init: SDKErrorInit) {
    super(init.message);
    this.statusCode = init.statusCode;
    this.code = init.code;
    if (init.docUrl !== undefined) this.docUrl = init.docUrl;
    this.body = init.body;
    this.headers = init.headers;
    const requestId = REQUEST_ID_HEADERS.map((name) => init.headers.get(name)).find((v) => v);
    if (requestId) this.requestId = requestId;
    this.method = init.method;
    this.url = init.url;
  }
}

/** 400: malformed request, e.g. invalid JSON or a misconfigured `Authorization` header. */
export class BadRequest extends SDKError {
  static override readonly kind: string = "BadRequest";
}
/** 401: missing, unknown, revoked or expired API key. */
export class Unauthorized extends SDKError {
  static override readonly kind: string = "Unauthorized";
}
/** 403: the key's role or plan does not allow this, or the partner quota is reached. */
export class Forbidden extends SDKError {
  static override readonly kind: string = "Forbidden";
}
/** 404: workspace, program or resource not found. */
export class NotFound extends SDKError {
  static override readonly kind: string = "NotFound";
}
/** 409: a real conflict (e.g. the tenantId belongs to another partner). Never retried. */
export class Conflict extends SDKError {
  static override readonly kind: string = "Conflict";
}
/** 410: the invite has expired. */
export class InviteExpired extends SDKError {
  static override readonly kind: string = "InviteExpired";
}
/** 422: the body failed the server's validation; `message` names the first failing field. */
export class UnprocessableEntity extends SDKError {
  static override readonly kind: string = "UnprocessableEntity";
}
/** 500: the server failed. */
export class InternalServerError extends SDKError {
  static override readonly kind: string = "InternalServerError";
}

/** The rate-limit headers of a response, as numbers. */
export interface RateLimitInfo {
  /** Requests allowed per window (`X-RateLimit-Limit`). */
  limit?: number;
  /** Requests left in the current window (`X-RateLimit-Remaining`). */
  remaining?: number;
  /** When the window resets, as Unix epoch milliseconds (`X-RateLimit-Reset`, any form). */
  reset?: number;
}

function headerNumber(headers: HeadersLike, name: string): number | undefined {
  const n = Number(headers.get(name)?.trim() || Number.NaN);
  return Number.isFinite(n) ? n : undefined;
}

/** 429: rate limit exceeded. Carries how long to wait and the rate-limit header values. */
export class RateLimitExceeded extends SDKError {
  static override readonly kind: string = "RateLimitExceeded";
  /** Milliseconds to wait before retrying, from `Retry-After` or `X-RateLimit-Reset`, when present. */
  declare readonly retryAfterMs?: number;
  /** The `X-RateLimit-*` header values. */
  declare readonly rateLimit: RateLimitInfo;

  constructor(init: SDKErrorInit) {
    super(init);
    const { headers } = init;
    const now = Date.now();
    this.retryAfterMs = parseRetryAfter(headers, now);
    this.rateLimit = {
      limit: headerNumber(headers, "x-ratelimit-limit"),
      remaining: headerNumber(headers, "x-ratelimit-remaining"),
      reset: parseResetTime(headers.get("x-ratelimit-reset"), now),
    };
  }
}

type SDKErrorClass = new (init: SDKErrorInit) => SDKError;

const CLASS_BY_STATUS: Record<number, SDKErrorClass> = {
  400: BadRequest,
  401: Unauthorized,
  403: Forbidden,
  404: NotFound,
  409: Conflict,
  410: InviteExpired,
  422: UnprocessableEntity,
  429: RateLimitExceeded,
  500: InternalServerError,
};

/** The response fields {@link createSDKError} reads. */
export interface ErrorResponse {
  /** HTTP status code. */
  statusCode: number;
  /** Raw response body text. */
  body: string;
  /** Response headers (a WHATWG `Headers`, or anything with `get` and `forEach`). */
  headers: Headers | HeadersLike;
  /** The request's HTTP method. */
  method: string;
  /** The request's URL. */
  url: string;
}

interface DubErrorBody {
  code?: string;
  message?: string;
  docUrl?: string;
}

/** Reads Dub's `{ error: { code, message, doc_url } }`; anything else yields an empty result. */
function nonEmpty(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

function parseDubErrorBody(body: string): DubErrorBody {
  try {
    const error = JSON.parse(body)?.error;
    return {
      code: nonEmpty(error?.code),
      message: nonEmpty(error?.message),
      docUrl: nonEmpty(error?.doc_url),
    };
  } catch {
    return {};
  }
}

function toHeaders(headers: Headers | HeadersLike): Headers {
  if (typeof Headers !== "undefined" && headers instanceof Headers) return headers;
  const copy = new Headers();
  headers.forEach((value, name) => {
    copy.append(name, value);
  });
  return copy;
}

function describeBody(body: string): string {
  const text = body.trim();
  if (text === "") return "empty body";
  if (text.startsWith("<")) return "HTML body";
  return "body not in Dub's error format";
}

/**
 * Builds the error for a non-2xx response: the class is chosen by status (a 4XX/5XX without its
 * own class is a plain {@link SDKError}); code, message and docUrl come from Dub's error body when
 * there is one, and are derived from the status otherwise.
 */
export function createSDKError(response: ErrorResponse): SDKError {
  const { statusCode, body, method, url } = response;
  const dub = parseDubErrorBody(body);
  const ErrorClass = CLASS_BY_STATUS[statusCode] ?? SDKError;
  const init: SDKErrorInit = {
    statusCode,
    code: dub.code ?? errorCodeForStatus(statusCode),
    message: dub.message ?? `${method} ${url} failed with status ${statusCode} (${describeBody(body)})`,
    body,
    headers: toHeaders(response.headers),
    method,
    url,
  };
  if (dub.docUrl !== undefined) init.docUrl = dub.docUrl;
  return new ErrorClass(init);
}
