// Dub's error envelope (apps/web/lib/api/errors.ts): `{ error: { code, message, doc_url } }`, where the doc_url
// anchor replaces only the FIRST underscore of the code (`#rate-limit_exceeded`, a quirk kept on purpose).
import type { DubErrorBody } from "@dubkit/contract";
import { DUB_ERROR_CODES, type DubErrorCode } from "@dubkit/core";

export type { DubErrorCode } from "@dubkit/core";

/** An error the request handler turns into Dub's error response. */
export class DubApiError extends Error {
  readonly status: number;
  constructor(
    readonly code: DubErrorCode,
    message: string,
    /** The doc_url anchor; by default the code with its first underscore replaced, as Dub's handler does. */
    private readonly anchor = code.replace("_", "-"),
  ) {
    super(message);
    this.name = "DubApiError";
    this.status = DUB_ERROR_CODES[code];
  }

  /** The response body, exactly as Dub renders it. */
  toBody(): DubErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        doc_url: `https://dub.co/docs/api-reference/errors#${this.anchor}`,
      },
    };
  }
}

/** Dub's fallback for an unhandled error, whose doc_url is written out in full (`#internal-server-error`). */
export function internalServerError(): DubApiError {
  return new DubApiError(
    "internal_server_error",
    "An internal server error occurred. Please contact our support if the problem persists.",
    "internal-server-error",
  );
}
