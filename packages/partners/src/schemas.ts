// @dubkit/partners/schemas: the contract of Dub's Partners API, written once with `@dubkit/core/schema`.
// The client validates with these before sending and after receiving; the emulator validates with them
// to answer exactly as Dub's server does. TypeScript types are inferred from them.

export {
  type CreatePartnerBody,
  type CreatePartnerRequest,
  createPartnerBody,
} from "./schemas/create-partner-body.js";
export { type DubErrorBody, dubErrorBody } from "./schemas/dub-error-body.js";
export { type EnrolledPartner, enrolledPartner } from "./schemas/enrolled-partner.js";
export { linkProps } from "./schemas/link-props.js";
export {
  type ListPartnersQuery,
  type ListPartnersResponse,
  listPartnersQuery,
  listPartnersResponse,
  type Partner,
} from "./schemas/list-partners.js";
