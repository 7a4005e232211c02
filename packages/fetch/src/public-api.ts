// Everything both entry points export besides `createTransport`, kept in one place so the
// browser entry and the Node entry cannot drift apart. Only what users call: the retry policy's
// internals stay inside the package.

export type {
  ClientOptions,
  FetchLike,
  FetchLikeInit,
  FetchLikeResponse,
  HeadersLike,
  Hooks,
  Limiter,
  LimiterFeedback,
  RequestContext,
  RequestOptions,
  ResponseInfo,
  RetryConfig,
  RetryInfo,
} from "@dubkit/core";
export { redactTokens } from "./redact.js";
export { isRetryableError, mayHaveBeenApplied } from "./retry.js";
export type { Transport } from "./transport.js";
