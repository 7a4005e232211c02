// @dubkit/partners: the Dub partner-program API client. The contract's zod schemas are at `@dubkit/partners/schemas`
// (the same as `@dubkit/contract`); errors and option types are re-exported from `@dubkit/core` so one import is
// enough for most apps. Nothing here loads zod until the first call.

export type {
  ApprovePartnerApplicationRequest,
  BanPartnerRequest,
  CreatePartnerLinkRequest,
  CreatePartnerRequest,
  DeactivatePartnerRequest,
  EnrolledPartner,
  Link,
  ListPartnerApplicationsQuery,
  ListPartnersQuery,
  Partner,
  PartnerAnalyticsCount,
  PartnerAnalyticsGroupBy,
  PartnerAnalyticsResult,
  PartnerAnalyticsTimeseries,
  PartnerAnalyticsTopLinks,
  PartnerApplication,
  PartnerIdResult,
  PartnerLink,
  PartnerStatus,
  RejectPartnerApplicationRequest,
  RetrievePartnerAnalyticsQuery,
  RetrievePartnerLinksQuery,
  UpsertPartnerLinkRequest,
} from "@dubkit/contract";
export type {
  BackoffStrategy,
  ClientOptions,
  Hooks,
  Limiter,
  LimiterFeedback,
  RequestOptions,
  RetryConfig,
} from "@dubkit/core";
export {
  BadRequest,
  ConfigurationError,
  Conflict,
  ConnectionError,
  DubError,
  Forbidden,
  InternalServerError,
  InvalidRequestError,
  InviteExpired,
  NotFound,
  PaginationError,
  RateLimitExceeded,
  RequestAbortedError,
  RequestTimeoutError,
  ResponseValidationError,
  SDKError,
  Unauthorized,
  UnprocessableEntity,
} from "@dubkit/core";
export { Dub } from "./dub.js";
export { DubCore, type DubOptions } from "./dub-core.js";
export * from "./operations.js";
export { Page, PagePromise } from "./pagination.js";
export { PartnerApplications } from "./resources/partner-applications.js";
export { Partners } from "./resources/partners.js";
