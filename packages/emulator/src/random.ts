// A small seeded PRNG so ids, generated usernames and fault draws repeat exactly for a given --seed.
import { randomBytes } from "node:crypto";

/** A source of uniform random numbers in [0, 1). */
export type Random = () => number;

/** sfc32: fast, good statistical quality, 128-bit state; plenty for an emulator and trivially seedable. */
export function createRandom(seed?: number): Random {
  let a: number;
  let b: number;
  let c: number;
  let d: number;
  if (seed === undefined) {
    const bytes = randomBytes(16);
    a = bytes.readUInt32LE(0);
    b = bytes.readUInt32LE(4);
    c = bytes.readUInt32LE(8);
    d = bytes.readUInt32LE(12);
  } else {
    a = 0x9e3779b9;
    b = 0x243f6a88;
    c = 0xb7e15162;
    d = seed >>> 0;
  }
  const next = (): number => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  // Mix the seed through the state before the first draw, as the algorithm's authors recommend.
  for (let i = 0; i < 15; i++) next();
  return next;
}

const LOWER_ALNUM = "0123456789abcdefghijklmnopqrstuvwxyz";

/** `length` characters from `[0-9a-z]`, like nanoid with Dub's lowercase alphabet. */
export function randomLowerAlnum(random: Random, length: number): string {
  let out = "";
  for (let i = 0; i < length; i++) out += LOWER_ALNUM[Math.floor(random() * LOWER_ALNUM.length)];
  return out;
}

const KEY_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** A workspace API key in Dub's shape: `dub_` + 24 nanoid characters. */
export function generateApiKey(random: Random): string {
  let out = "dub_";
  for (let i = 0; i < 24; i++) out += KEY_ALPHABET[Math.floor(random() * KEY_ALPHABET.length)];
  return out;
}
