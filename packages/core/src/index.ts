// @dubkit/core: the error classes, option types and operation contract every dubkit package
// shares. Its only dependency is the Standard Schema type definitions.

export type { StandardSchemaV1 } from "@standard-schema/spec";
export { asyncDispose } from "./async-dispose.js";
export type { ClientOptions } from "./client-options.js";
export {
  ConfigurationError,
  ConnectionError,
  InvalidRequestError,
  PaginationError,
  RequestAbortedError,
  RequestTimeoutError,
  ResponseValidationError,
  type ResponseValidationErrorInit,
  type ValidationIssue,
} from "./errors/client-errors.js";
export { DubError } from "./errors/dub-error.js";
export { DUB_ERROR_CODES, type DubErrorCode, errorCodeForStatus } from "./errors/error-codes.js";
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
export type { Limiter, LimiterFeedback } from "./limiter.js";
export {
  type AnyOperation,
  defineOperation,
  type HttpMethod,
  isIdempotent,
  type Operation,
  type OperationInput,
  type OperationOutput,
  type RecoveryContext,
  type RetrySafety,
} from "./operation.js";
export type { RequestOptions } from "./request-options.js";
export { parseRetryAfter } from "./retry-after.js";
export type { BackoffStrategy, RetryConfig } from "./retry-config.js";
