// Keeps the API token out of everything dubkit shows: error messages and bodies, headers, logs.

/** Placeholder written where a secret was. */
export const REDACTED = "[REDACTED]";

/** `text` with every occurrence of `secret` replaced by {@link REDACTED}. */
export function redactSecret(text: string, secret: string | undefined): string {
  return secret && text.includes(secret) ? text.split(secret).join(REDACTED) : text;
}

/** A copy of request headers safe to print: `authorization` (any case) masked. */
export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  const copy: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    copy[name] = name.toLowerCase() === "authorization" ? `${value.split(" ")[0]} ${REDACTED}` : value;
  }
  return copy;
}
