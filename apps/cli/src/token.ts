// What may be used as a token: trimmed of the whitespace and CR a file or a paste adds, refused
// when an HTTP header cannot carry it; and how a token is shown (masked, never whole).

import { CliError } from "./cli-error.js";
import { ExitCode } from "./exit-codes.js";

/** Where a Dub API key is made, for messages that ask for one. */
export const WHERE_KEYS_ARE = "the Dub dashboard → Settings → API Keys";

/** A workspace API key: `dub_` then letters and digits (24 in keys Dub issues today). */
const DUB_KEY = /^dub_[A-Za-z0-9]+$/;

// An Authorization header value may hold visible ASCII only; a space or a control character would
// split or corrupt the header, and anything past 0x7E is not sent as-is by fetch.
const HEADER_SAFE = /^[\x21-\x7E]+$/;

/**
 * The token trimmed of surrounding whitespace (CRLF from a Windows file, a pasted newline).
 * Throws a usage error (exit 2), naming `source` but never quoting the token, when it is empty or
 * holds a character an HTTP header cannot carry; nothing is sent in that case.
 */
export function checkToken(raw: string, source: string): string {
  const token = raw.trim();
  if (token === "") {
    throw new CliError(`The token from ${source} is empty.`, ExitCode.usage, {
      code: "invalid_token",
      hint: `A Dub API key looks like dub_ followed by 24 letters and digits; create one in ${WHERE_KEYS_ARE}.`,
    });
  }
  if (!HEADER_SAFE.test(token)) {
    const index = [...token].findIndex((char) => !HEADER_SAFE.test(char));
    const char = [...token][index] ?? "";
    const name = `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
    throw new CliError(
      `The token from ${source} contains a character an HTTP header cannot carry (${name} at position ${index + 1}); nothing was sent.`,
      ExitCode.usage,
      {
        code: "invalid_token",
        hint: `A Dub API key is dub_ followed by letters and digits only; copy it again from ${WHERE_KEYS_ARE}.`,
      },
    );
  }
  return token;
}

/** Whether `token` has the shape of a Dub workspace API key. */
export function isDubKey(token: string): boolean {
  return DUB_KEY.test(token);
}

/**
 * A token with all but its prefix and last four characters hidden, e.g. `dub_…Xy9Q`. Short tokens
 * are hidden entirely so the mask never reveals most of a secret.
 */
export function maskToken(token: string): string {
  const prefix = /^[a-z]+_/.exec(token)?.[0] ?? "";
  const rest = token.length - prefix.length;
  if (rest < 12) return `${prefix}****`;
  return `${prefix}…${token.slice(-4)}`;
}
