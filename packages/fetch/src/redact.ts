// Keeps API tokens out of everything dubkit shows: error messages and bodies, headers, logs, and any value it
// quotes back (a token pasted where a URL goes must not be echoed).

/** Placeholder written where a secret was. */
export const REDACTED = "[REDACTED]";

// Dub workspace keys are `dub_` + 24 characters; anything shaped like one is masked, whatever its length.
const TOKEN_LIKE = /\bdub_[A-Za-z0-9_-]{6,}/g;

/** `text` with every occurrence of `secret` replaced by {@link REDACTED}. */
export function redactSecret(text: string, secret: string | undefined): string {
  return secret && text.includes(secret) ? text.split(secret).join(REDACTED) : text;
}

/** `text` with everything that looks like a Dub API key (`dub_…`) replaced by `[REDACTED]`. */
export function redactTokens(text: string): string {
  return text.includes("dub_") ? text.replace(TOKEN_LIKE, REDACTED) : text;
}

/** A copy of request headers safe to print: `authorization` (any case) masked. */
export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  const copy: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    copy[name] = name.toLowerCase() === "authorization" ? `${value.split(" ")[0]} ${REDACTED}` : value;
  }
  return copy;
}
