// @dubkit/core: the error classes, option types and operation contract every dubkit package
// shares. No runtime dependencies. The validation kit lives at `@dubkit/core/schema`.

export type { ClientOptions } from "./client-options.js";
export {
  ConfigurationError,
  ConnectionError,
  InvalidRequestError,
  RequestAbortedError,
  RequestTimeoutError,
  ResponseValidationError,
  type ResponseValidationErrorInit,
  type ValidationIssue,
} from "./errors/client-errors.js";
export { DubError } from "./errors/dub-error.js";
export {
  BadRequest,
  Conflict,
  createSDKError,
  type ErrorResponse,
  Forbidden,
  InternalServerError,
  InviteExpired,
  NotFound,
  RateLimitExceeded,
  type RateLimitInfo,
  SDKError,
  type SDKErrorInit,
  Unauthorized,
  UnprocessableEntity,
} from "./errors/sdk-error.js";
export type { FetchLike, FetchLikeInit, FetchLikeResponse } from "./fetch-like.js";
export type { HeadersLike } from "./headers-like.js";
export type { Hooks, RequestContext, ResponseInfo, RetryInfo } from "./hooks.js";
export { formatIssuePath } from "./issue-path.js";
export {
  defineOperation,
  type HttpMethod,
  type Operation,
  type OperationInput,
  type OperationOutput,
} from "./operation.js";
export type { RequestOptions } from "./request-options.js";
export { parseResetTime, parseRetryAfter } from "./retry-after.js";
export type { BackoffStrategy, RetryConfig } from "./retry-config.js";
export type {
  InferInput,
  InferOutput,
  StandardSchemaFailure,
  StandardSchemaIssue,
  StandardSchemaPathSegment,
  StandardSchemaProps,
  StandardSchemaResult,
  StandardSchemaSuccess,
  StandardSchemaV1,
} from "./standard-schema.js";
