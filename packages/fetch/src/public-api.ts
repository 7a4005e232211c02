// Everything both entry points export besides `createTransport`, kept in one place so the
// browser entry and the Node entry cannot drift apart.

export type {
  ClientOptions,
  FetchLike,
  FetchLikeInit,
  FetchLikeResponse,
  HeadersLike,
  Hooks,
  RequestContext,
  RequestOptions,
  ResponseInfo,
  RetryConfig,
  RetryInfo,
} from "@dubkit/core";
export { parseRetryAfter } from "@dubkit/core";
export {
  computeBackoffDelay,
  DEFAULT_BACKOFF,
  DEFAULT_MAX_RETRIES,
  isRetryableError,
  MAX_RETRY_AFTER_MS,
  RETRY_AFTER_STATUSES,
  RETRYABLE_STATUSES,
  type ResolvedRetryConfig,
  resolveRetryConfig,
} from "./retry.js";
export { DEFAULT_SERVER_URL } from "./server-url.js";
export { DEFAULT_TIMEOUT_MS, type Transport } from "./transport.js";
