// The API token as the transport sends it: trimmed (a token file saved with CRLF ends in "\r"), and refused up front
// when an HTTP header could not carry it, instead of failing later as a confusing network error.

import { ConfigurationError } from "@dubkit/core";

// Header values may hold tab, visible ASCII and obs-text (0x80-0xFF); a token needs nothing else.
const HEADER_SAFE = /^[\t\x20-\x7e\x80-\xff]*$/;

/** `token` without surrounding whitespace; a `ConfigurationError` if it is empty or cannot go in a header. */
export function checkToken(token: string): string {
  const trimmed = token.trim();
  if (trimmed === "") {
    throw new ConfigurationError("The API token is empty: pass `token` or set DUB_API_KEY.", {
      option: "token",
    });
  }
  if (!HEADER_SAFE.test(trimmed) || /\s/.test(trimmed)) {
    throw new ConfigurationError(
      "The API token contains characters an HTTP header cannot carry (a space, a line break or a control character): " +
        "copy it again from the Dub dashboard (Settings → API Keys).",
      { option: "token" },
    );
  }
  return trimmed;
}
