// An enrollment's statuses, as the OpenAPI document lists them: strict where a request names one, open where a
// response may bring a newer one.

/** The enrollment statuses Dub documents. */
export const PARTNER_STATUSES = [
  "pending",
  "approved",
  "rejected",
  "invited",
  "declined",
  "deactivated",
  "banned",
  "archived",
] as const;

/** One of {@link PARTNER_STATUSES}. */
export type PartnerStatus = (typeof PARTNER_STATUSES)[number];
