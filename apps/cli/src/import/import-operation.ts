// The create the import sends: the contract's own operation (path, method, retry safety), sent through the SDK's
// transport, but with the body check already done, because the import validates each row itself before anything
// is sent (for the plan, the dry run and the report), and a transform applied twice is not always the same
// (`ext_ext_9` would lose both prefixes). The answer is checked for what the import reads: the partner's id and email.

import { type CreatePartnerRequest, createPartnerOperation } from "@dubkit/contract";
import { defineOperation, type StandardSchemaV1 } from "@dubkit/core";
import type { PartnerHead } from "./send-outcome.js";

/** The body as the import's validation output it: already checked and transformed by the contract's schema. */
const validatedBody: StandardSchemaV1<CreatePartnerRequest, CreatePartnerRequest> = {
  "~standard": {
    version: 1,
    vendor: "dubkit-cli",
    validate: (value) => ({ value: value as CreatePartnerRequest }),
  },
};

/** The enrolled partner's id and email (the rest of the answer is kept as it came). */
const partnerHead: StandardSchemaV1<unknown, PartnerHead> = {
  "~standard": {
    version: 1,
    vendor: "dubkit-cli",
    validate: (value) => {
      const partner = value as Partial<PartnerHead> | null;
      return typeof partner === "object" &&
        partner !== null &&
        typeof partner.id === "string" &&
        typeof partner.email === "string"
        ? { value: partner as PartnerHead }
        : { issues: [{ message: "expected the enrolled partner, with a string id and email" }] };
    },
  },
};

/** `POST /partners` for a row the import has validated. */
export const importCreateOperation = defineOperation<CreatePartnerRequest, PartnerHead>({
  id: createPartnerOperation.id,
  method: createPartnerOperation.method,
  path: createPartnerOperation.path,
  retry: createPartnerOperation.retry,
  body: validatedBody,
  response: partnerHead,
});
