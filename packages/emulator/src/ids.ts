// Dub's id format (apps/web/lib/api/create-id.ts): a prefix, then 16 bytes (48-bit ms timestamp + 80 random
// bits) written in base32 with the Crockford-like alphabet, as base-x would (no padding, most significant first).
import type { Random } from "./random.js";

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** The id prefixes the emulator creates. */
export type IdPrefix = "pn_" | "link_" | "pge_" | "grp_" | "prog_" | "ws_" | "pga_" | "user_" | "tag_";

/** Creates ids like `pn_1M0GSW2…` that sort by creation time, as Dub's do. */
export function createIdFactory(random: Random, now: () => number): (prefix: IdPrefix) => string {
  return (prefix) => {
    const bytes = new Uint8Array(16);
    let time = Math.floor(now());
    for (let i = 5; i >= 0; i--) {
      bytes[i] = time % 256;
      time = Math.floor(time / 256);
    }
    for (let i = 6; i < 16; i++) bytes[i] = Math.floor(random() * 256);
    let value = 0n;
    let leadingZeros = 0;
    for (const byte of bytes) {
      if (value === 0n && byte === 0) leadingZeros += 1;
      value = (value << 8n) | BigInt(byte);
    }
    let text = "";
    while (value > 0n) {
      text = ALPHABET[Number(value & 31n)] + text;
      value >>= 5n;
    }
    // base-x writes one leading "0" per leading zero byte.
    return prefix + "0".repeat(leadingZeros) + text;
  };
}
