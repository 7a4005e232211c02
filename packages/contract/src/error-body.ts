// The envelope Dub puts around every error response (apps/web/lib/api/errors.ts).

import { DUB_ERROR_CODES, type DubErrorCode } from "@dubkit/core";
import * as z from "zod/mini";
import { lenientObject, openEnum } from "./lenient.js";

/** `{ error: { code, message, doc_url } }`, the body of every Dub API error (extra keys are kept). */
export const dubErrorBody = lenientObject({
  /** What went wrong. */
  error: lenientObject({
    /** Dub's error code, e.g. `"conflict"`; its HTTP status is in `DUB_ERROR_CODES`. */
    code: openEnum(Object.keys(DUB_ERROR_CODES) as DubErrorCode[]),
    /** A human-readable message; for a 422, `<code>: <field>: <what is wrong>` about the first failing field. */
    message: z.string(),
    /** A link to the error's documentation. */
    doc_url: z.string(),
  }),
});

/** A Dub API error body. */
export type DubErrorBody = z.output<typeof dubErrorBody>;
