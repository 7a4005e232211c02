// A row's identity and content, as the journal and the duplicate checks see them: Dub keeps one partner per email
// (compared without case), so the normalised email is the row's identity wherever the row sits in the file; a hash
// of the body as sent tells an edited row from the one recorded. The hashes are cyrb53-style mixes in plain
// JavaScript: a SHA-1 per key cost more CPU per row than the rest of the row's bookkeeping together, and neither
// hash guards anything against an adversary, only against chance.

/** The identity of a row: its email, trimmed and lower-cased. */
export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

/** A 64-bit hash of a key, as two unsigned 32-bit halves, for the compact indexes. */
export interface KeyHash {
  hi: number;
  lo: number;
}

/** Two 32-bit lanes of a cyrb53-style hash of `text`, seeded. */
function lanes(text: string, seed: number): KeyHash {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return { hi: h2 >>> 0, lo: h1 >>> 0 };
}

/** The 64-bit hash of `key`. */
export function keyHash(key: string): KeyHash {
  return lanes(key, 0);
}

/** A short hash of the body as sent (8 hex digits), so an edited row is not mistaken for a recorded one. */
export function contentHash(body: unknown): string {
  return lanes(JSON.stringify(body), 0x9e3779b9).lo.toString(16).padStart(8, "0");
}
