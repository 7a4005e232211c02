// A row's identity and content, as the journal and the duplicate checks see them: Dub keeps one partner per email
// (compared without case), so the normalised email is the row's identity wherever the row sits in the file; the
// content hash of the body as sent tells an edited row from the one recorded.

import { createHash } from "node:crypto";

/** The identity of a row: its email, trimmed and lower-cased. */
export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

/** A 64-bit hash of a key, as two unsigned 32-bit halves, for the compact indexes. */
export interface KeyHash {
  hi: number;
  lo: number;
}

/** The 64-bit hash of `key` (the first 8 bytes of its SHA-1). */
export function keyHash(key: string): KeyHash {
  const digest = createHash("sha1").update(key).digest();
  return { hi: digest.readUInt32BE(0), lo: digest.readUInt32BE(4) };
}

/** A short hash of the body as sent (8 hex digits), so an edited row is not mistaken for a recorded one. */
export function contentHash(body: unknown): string {
  return createHash("sha1").update(JSON.stringify(body)).digest("hex").slice(0, 8);
}
