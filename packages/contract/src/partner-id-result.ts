// `{ partnerId }`: the 200 body of the partner-program actions (ban, deactivate, approve, reject).

import * as z from "zod/mini";
import { lenientObject } from "./lenient.js";
import type { ObjectSchema } from "./object-schema.js";

const partnerIdResultShape = {
  /**
   * The ID on Dub (`pn_…`) of the partner the action was applied to: the one found by `tenantId` when only that was
   * given, else the `partnerId` of the request.
   */
  partnerId: z.string(),
};

/** The 200 body of a partner-program action, naming the partner it was applied to. */
export const partnerIdResult: ObjectSchema<typeof partnerIdResultShape> = lenientObject(partnerIdResultShape);

/** The 200 body of a partner-program action. */
export type PartnerIdResult = z.output<typeof partnerIdResult>;
