// @dubkit/contract: Dub's partner-program API as zod schemas (zod/mini, so bundles stay small), written once and
// shared by the dubkit client, emulator and CLI. Every schema composes with your own zod:
// `z.object({ ...createPartnerBody.shape, plan: z.string() })`.

export { DUB_ERROR_CODES, type DubErrorCode } from "@dubkit/core";
export { SERVER_EMAIL_PATTERN } from "./email.js";
export { english, englishErrors, safeParseEnglish } from "./english.js";
export { type EnrolledPartner, enrolledPartner, enrolledPartnerShape } from "./enrolled-partner.js";
export * from "./enums.js";
export { type DubErrorBody, dubErrorBody } from "./error-body.js";
export { lenientObject, openEnum } from "./lenient.js";
export { isUrlFriendlyKey } from "./link-key.js";
export { type LinkProps, linkProps, testVariant } from "./link-props.js";
export * from "./operations/create-partner.js";
export * from "./operations/list-partners.js";
export { type PartnerLink, partnerLink } from "./partner-link.js";
export * from "./plans.js";
