// The one redaction every quoted value goes through (option values, URLs, error messages, debug
// lines): anything shaped like a Dub key, and every token this process has resolved, is hidden.

/** Placeholder written where a secret was. */
export const REDACTED = "dub_[REDACTED]";

// Dub keys are `dub_` + 24 letters and digits; 8 is enough to tell a key from prose such as `dub_id`.
const KEY_SHAPE = /dub_[A-Za-z0-9]{8,}/g;

const known = new Set<string>();

/** Remembers a token this process uses, so it is redacted even when it does not look like a Dub key. */
export function rememberSecret(secret: string): void {
  // Very short values would redact ordinary words; they are refused as tokens before this is reached.
  if (secret.length >= 8) known.add(secret);
}

/** `text` with every Dub-key-shaped run and every remembered secret replaced by {@link REDACTED}. */
export function redact(text: string): string {
  return redactSecrets(text.replace(KEY_SHAPE, REDACTED));
}

/**
 * `text` with only the remembered secrets replaced: for the user's own data written back (a failure report's cells),
 * where a value that merely looks like a key is kept as it was.
 */
export function redactSecrets(text: string): string {
  let out = text;
  for (const secret of known) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  return out;
}
