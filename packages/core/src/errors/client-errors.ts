// Errors raised on the client side: the request never got a usable response, or the data on
// either side of the wire did not match the contract.

import { DubError } from "./dub-error.js";

/** One validation failure: the field's path (e.g. `linkProps.testVariants[0].percentage`) and what is wrong. */
export interface ValidationIssue {
  /** Path of the failing field, dotted for keys and bracketed for indexes; `""` for the value itself. */
  path: string;
  /** What is wrong with it. */
  message: string;
}

// A message names at most this many issues; `issues` keeps them all.
const MAX_ISSUES_IN_MESSAGE = 5;

function describeIssues(issues: readonly ValidationIssue[]): string {
  const shown = issues
    .slice(0, MAX_ISSUES_IN_MESSAGE)
    .map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message))
    .join("; ");
  const more = issues.length - MAX_ISSUES_IN_MESSAGE;
  return more > 0 ? `${shown}; and ${more} more issue${more === 1 ? "" : "s"} (see .issues)` : shown;
}

/**
 * No answer came: the server could not be reached (DNS failure, refused connection, TLS failure), or the
 * connection broke after the request was sent, in which case the server may have applied it (the message says so).
 */
export class ConnectionError extends DubError {
  static override readonly kind: string = "ConnectionError";
  /** The system error code, when there is one (e.g. `"ECONNREFUSED"`, `"ECONNRESET"`). */
  declare readonly code?: string;
  constructor(message: string, options: { cause?: unknown; code?: string | undefined } = {}) {
    super(message, { cause: options.cause });
    if (options.code !== undefined) this.code = options.code;
  }
}

/** An attempt took longer than its `timeoutMs` and was cancelled. */
export class RequestTimeoutError extends DubError {
  static override readonly kind: string = "RequestTimeoutError";
  /** The per-attempt timeout that was exceeded, in milliseconds. */
  declare readonly timeoutMs: number;
  constructor(message: string, options: { timeoutMs: number }) {
    super(message);
    this.timeoutMs = options.timeoutMs;
  }
}

/** The caller's `AbortSignal` fired before the request completed. */
export class RequestAbortedError extends DubError {
  static override readonly kind: string = "RequestAbortedError";
  /** The signal's `reason`. */
  declare readonly reason: unknown;
  constructor(message: string, options: { reason?: unknown } = {}) {
    super(message);
    this.reason = options.reason;
  }
}

/**
 * The request failed validation before anything was sent. The message names every failing
 * field, e.g. `Invalid request: email: Invalid email address`.
 */
export class InvalidRequestError extends DubError {
  static override readonly kind: string = "InvalidRequestError";
  /** Every failing field with the reason. */
  declare readonly issues: ValidationIssue[];
  constructor(issues: ValidationIssue[]) {
    super(`Invalid request: ${describeIssues(issues)}`);
    this.issues = issues;
  }
}

/** What a {@link ResponseValidationError} is built from. */
export interface ResponseValidationErrorInit {
  /** The raw response body text. */
  body: string;
  /** The response's HTTP status. */
  statusCode: number;
  /** What did not match the contract. */
  issues: ValidationIssue[];
  /** The request's HTTP method. */
  method: string;
  /** The request's URL. */
  url: string;
}

/**
 * A 2xx response whose body breaks the contract (not JSON, or a required field missing or of the
 * wrong type). The write may have happened: the raw body is kept so nothing is lost.
 */
export class ResponseValidationError extends DubError {
  static override readonly kind: string = "ResponseValidationError";
  /** The raw response body text. */
  declare readonly body: string;
  /** The response's HTTP status. */
  declare readonly statusCode: number;
  /** What did not match the contract. */
  declare readonly issues: ValidationIssue[];
  /** The request's HTTP method. */
  declare readonly method: string;
  /** The request's URL. */
  declare readonly url: string;
  constructor(init: ResponseValidationErrorInit) {
    super(
      `Response to ${init.method} ${init.url} (status ${init.statusCode}) does not match the contract: ${describeIssues(init.issues)}`,
    );
    this.body = init.body;
    this.statusCode = init.statusCode;
    this.issues = init.issues;
    this.method = init.method;
    this.url = init.url;
  }
}

/** The client is misconfigured (no token, an unusable or insecure `serverURL`); nothing was sent. */
export class ConfigurationError extends DubError {
  static override readonly kind: string = "ConfigurationError";
  /** The option at fault, e.g. `"token"` or `"serverURL"`. */
  declare readonly option: string;
  constructor(message: string, options: { option: string }) {
    super(message);
    this.option = options.option;
  }
}

/**
 * Walking a list's pages stopped because the server's pages cannot be trusted to end: a page came back with the
 * same items as the one before (a proxy dropping the query string, or a server ignoring `page`), or the walk
 * passed its page limit.
 */
export class PaginationError extends DubError {
  static override readonly kind: string = "PaginationError";
  /** The page number at which the walk stopped. */
  declare readonly page: number;
  constructor(message: string, options: { page: number }) {
    super(message);
    this.page = options.page;
  }
}
