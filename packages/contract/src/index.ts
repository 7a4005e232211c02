// @dubkit/contract: Dub's partner-program API as zod schemas (zod/mini, so bundles stay small), written once and
// shared by the dubkit client, emulator and CLI. Every schema composes with your own zod:
// `z.object({ ...createPartnerBody.shape, plan: z.string() })`.

export { DUB_ERROR_CODES, type DubErrorCode } from "@dubkit/core";
export {
  analyticsDate,
  type DateReader,
  DUB_FOUNDING_DATE,
  readIsoDate,
  START_TOO_EARLY_MESSAGE,
} from "./analytics-date.js";
export { SERVER_EMAIL_PATTERN } from "./email.js";
export { english, englishErrors, safeParseEnglish } from "./english.js";
export {
  type EnrolledPartner,
  enrolledPartner,
  enrolledPartnerShape,
  type PartnerTag,
  type PartnerTagSchema,
  partnerTag,
} from "./enrolled-partner.js";
export * from "./enums.js";
export { type DubErrorBody, dubErrorBody } from "./error-body.js";
export { lenientObject, openEnum } from "./lenient.js";
export { type Link, type LinkTag, link, linkTag } from "./link.js";
export { isUrlFriendlyKey } from "./link-key.js";
export { type LinkProps, type LinkPropsSchema, linkProps, testVariant } from "./link-props.js";
export { type ListFilter, parseListFilter } from "./list-filter.js";
export type { ObjectSchema } from "./object-schema.js";
export * from "./operations/approve-partner-application.js";
export * from "./operations/ban-partner.js";
export * from "./operations/create-partner.js";
export * from "./operations/create-partner-link.js";
export * from "./operations/deactivate-partner.js";
export * from "./operations/get-link-info.js";
export * from "./operations/list-partner-applications.js";
export * from "./operations/list-partners.js";
export * from "./operations/reject-partner-application.js";
export * from "./operations/retrieve-partner-analytics.js";
export * from "./operations/retrieve-partner-links.js";
export * from "./operations/upsert-partner-link.js";
export { type PartnerIdResult, partnerIdResult } from "./partner-id-result.js";
export { type PartnerIdentityShape, partnerIdentityShape } from "./partner-identity.js";
export { type PartnerLink, type PartnerLinkSchema, partnerLink } from "./partner-link.js";
export { type PartnerPlatform, type PartnerPlatformSchema, partnerPlatform } from "./partner-platform.js";
export * from "./plans.js";
export { DESTINATION_URL_MAX_LENGTH, serverUrl, urlFromString } from "./server-url.js";
export { sanitizeTimeZone } from "./time-zone.js";
