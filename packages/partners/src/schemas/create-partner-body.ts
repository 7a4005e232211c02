// The body of POST /partners, with the server's rules in the server's key order: Dub reports only
// the first issue, so the order decides which problem a user hears about first.

import {
  email,
  type Infer,
  type Input,
  maxLength,
  nullish,
  object,
  optional,
  refine,
  string,
  trim,
} from "@dubkit/core/schema";
import { isUrlFriendlyKey } from "./link-key.js";
import { linkProps } from "./link-props.js";

/**
 * The create-partner request as Dub's server validates it: only `email` is required; unknown keys
 * (such as the seed-era `programId`) are dropped. The output is what gets sent: `name` and `email`
 * trimmed, a leading `ext_` removed from `linkProps.externalId`, comma-separated tag lists split.
 */
export const createPartnerBody = object({
  name: nullish(string(trim(), maxLength(100))),
  // The format check runs before trim, as on the server: " a@b.co " is rejected, not trimmed.
  email: string(email(), trim(), maxLength(190)),
  username: nullish(
    string(maxLength(100), refine(isUrlFriendlyKey, "Invalid username. Must be a URL-friendly string.")),
  ),
  image: nullish(string()),
  tenantId: optional(string()),
  groupId: optional(string()),
  // Not validated by the server (any string is stored), although its docs ask for an ISO code.
  country: nullish(string()),
  description: nullish(string(maxLength(5000))),
  linkProps: optional(linkProps),
});

/** What a caller passes to create a partner: `email` is required, everything else optional. */
export type CreatePartnerRequest = Input<typeof createPartnerBody>;

/** The create-partner body after validation: what is sent to the server. */
export type CreatePartnerBody = Infer<typeof createPartnerBody>;
