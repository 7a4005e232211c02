// The envelope Dub puts around every error response.

import { type Infer, looseObject, string } from "@dubkit/core/schema";

/** `{ error: { code, message, doc_url } }`, the body of every Dub API error (extra keys are kept). */
export const dubErrorBody = looseObject({
  error: looseObject({ code: string(), message: string(), doc_url: string() }),
});

/** A Dub API error body. */
export type DubErrorBody = Infer<typeof dubErrorBody>;
