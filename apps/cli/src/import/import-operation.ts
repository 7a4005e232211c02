// The requests bulk runs send: the contract's own operations (path, method, retry safety), sent through the SDK's
// transport, but with the body check already done, because a bulk run validates each row itself before anything
// is sent (for the plan, the dry run and the report), and a transform applied twice is not always the same
// (`ext_ext_9` would lose both prefixes). The answer is checked for what the run reads (for the import: the
// partner's id and email).

import {
  type CreatePartnerRequest,
  createPartnerOperation,
  type UpsertPartnerLinkRequest,
  upsertPartnerLinkOperation,
} from "@dubkit/contract";
import { defineOperation, type StandardSchemaV1 } from "@dubkit/core";
import type { PartnerHead } from "./send-outcome.js";

/** A body as the run's validation output it: already checked and transformed by the contract's schema. */
function validatedBody<T>(): StandardSchemaV1<T, T> {
  return {
    "~standard": {
      version: 1,
      vendor: "dubkit-cli",
      validate: (value) => ({ value: value as T }),
    },
  };
}

/** An answer that is an object whose `fields` are strings (the rest of it is kept as it came). */
function answerWith<T>(what: string, fields: readonly string[]): StandardSchemaV1<unknown, T> {
  return {
    "~standard": {
      version: 1,
      vendor: "dubkit-cli",
      validate: (value) => {
        const answer = value as Record<string, unknown> | null;
        return typeof answer === "object" &&
          answer !== null &&
          fields.every((field) => typeof answer[field] === "string")
          ? { value: answer as T }
          : { issues: [{ message: `expected ${what}` }] };
      },
    },
  };
}

/** `POST /partners` for a row the import has validated. */
export const importCreateOperation = defineOperation<CreatePartnerRequest, PartnerHead>({
  id: createPartnerOperation.id,
  method: createPartnerOperation.method,
  path: createPartnerOperation.path,
  retry: createPartnerOperation.retry,
  body: validatedBody<CreatePartnerRequest>(),
  response: answerWith<PartnerHead>("the enrolled partner, with a string id and email", ["id", "email"]),
});

/** The part of an upserted link a bulk upsert reads. */
export interface LinkHead {
  id: string;
  url: string;
  key?: string;
  shortLink?: string;
  createdAt?: string;
  updatedAt?: string;
}

/** `PUT /partners/links/upsert` for a row `links upsert FILE` has validated. */
export const bulkUpsertLinkOperation = defineOperation<UpsertPartnerLinkRequest, LinkHead>({
  id: upsertPartnerLinkOperation.id,
  method: upsertPartnerLinkOperation.method,
  path: upsertPartnerLinkOperation.path,
  retry: upsertPartnerLinkOperation.retry,
  body: validatedBody<UpsertPartnerLinkRequest>(),
  response: answerWith<LinkHead>("the link, with a string id and url", ["id", "url"]),
});
