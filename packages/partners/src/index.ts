// @dubkit/partners: the Dub Partners API client. Schemas live at `@dubkit/partners/schemas`; errors and option
// types are re-exported from `@dubkit/core` so one import is enough for most apps.

export type { BackoffStrategy, ClientOptions, Hooks, RequestOptions, RetryConfig } from "@dubkit/core";
export {
  BadRequest,
  Conflict,
  ConnectionError,
  DubError,
  Forbidden,
  InternalServerError,
  InvalidRequestError,
  InviteExpired,
  NotFound,
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
export {
  type CreatePartnerInput,
  createPartner,
  createPartnerOperation,
} from "./operations/create-partner.js";
export { listPartners, listPartnersOperation } from "./operations/list-partners.js";
export { Page, PagePromise } from "./pagination.js";
export { Partners } from "./resources/partners.js";
export type {
  CreatePartnerBody,
  CreatePartnerRequest,
  EnrolledPartner,
  ListPartnersQuery,
  Partner,
} from "./schemas.js";
