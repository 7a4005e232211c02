// The envelope Dub puts around every error response (apps/web/lib/api/errors.ts).

import { DUB_ERROR_CODES, type DubErrorCode } from "@dubkit/core";
import * as z from "zod/mini";
import { lenientObject, openEnum } from "./lenient.js";
import type { ObjectSchema } from "./object-schema.js";

const dubErrorShape = {
  /** Dub's error code, e.g. `"conflict"`; its HTTP status is in `DUB_ERROR_CODES`. */
  code: openEnum(Object.keys(DUB_ERROR_CODES) as DubErrorCode[]),
  /** A human-readable message; for a 422, `<code>: <field>: <what is wrong>` about the first failing field. */
  message: z.string(),
  /** A link to the error's documentation. */
  doc_url: z.string(),
};

/** What went wrong. */
const dubError: ObjectSchema<typeof dubErrorShape> = lenientObject(dubErrorShape);

const dubErrorBodyShape = {
  /** What went wrong. */
  error: dubError,
};

/** `{ error: { code, message, doc_url } }`, the body of every Dub API error (extra keys are kept). */
export const dubErrorBody: ObjectSchema<typeof dubErrorBodyShape> = lenientObject(dubErrorBodyShape);

/** A Dub API error body. */
export type DubErrorBody = z.output<typeof dubErrorBody>;
