// Short-link keys as Dub's link processing makes them: a given key is checked and normalised (`processKey`), a
// reserved or taken one refused (`keyChecks`); a missing one is drawn at random (`getRandomKey`).
import { toASCII } from "punycode/punycode.es6.js";
import { DubApiError } from "./dub-error.js";
import type { Random } from "./random.js";
import type { Store } from "./store.js";

/** Dub's `validKeyRegex`: letters, digits, `_`, `/`, `-`, `.`, non-ASCII and emoji. */
const VALID_KEY = /^[0-9A-Za-z_\u0080-\uFFFF/\-\p{Emoji}.]+$/u;

/** Keys no domain may use (`isReservedKeyGlobal`). */
const RESERVED_KEYS = [
  "favicon.ico",
  "sitemap.xml",
  "robots.txt",
  "manifest.webmanifest",
  "manifest.json",
  "apple-app-site-association",
];

/** nanoid's alphabet in `@dub/utils` (`[0-9A-Za-z]`). */
const RANDOM_KEY_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/**
 * `processKey` for a custom domain: null when the key is refused (characters outside the set, a leading `_` other
 * than `_root`, a `.well-known` prefix, a `.php`/`.php7` suffix); otherwise the key without leading and trailing
 * slashes, its non-ASCII parts punycode-encoded.
 */
export function processKey(key: string): string | null {
  if (key === "_root") return key;
  if (!VALID_KEY.test(key) || key.startsWith("_")) return null;
  if (key.startsWith(".well-known") || key.endsWith(".php") || key.endsWith(".php7")) return null;
  return toASCII(key.replace(/^\/+|\/+$/g, ""));
}

/**
 * `keyChecks` on a business-plan workspace's own domain: a reserved key is 403, a key already on the domain 409.
 * Every domain has its `_root` link, so `_root` is always taken.
 */
export function checkKeyIsFree(store: Store, domain: string, key: string): void {
  if (RESERVED_KEYS.includes(key)) {
    throw new DubApiError("forbidden", `${key} is a reserved path and cannot be used as a short link.`);
  }
  if (key === "_root" || store.linkTaken(domain, key)) {
    throw new DubApiError("conflict", "Duplicate key: This short link already exists.");
  }
}

/** `nanoid(length)` of @dub/utils: characters from `[0-9A-Za-z]`. */
export function randomKeyCharacters(random: Random, length: number): string {
  return Array.from({ length }, () => RANDOM_KEY_ALPHABET[Math.floor(random() * 62)]).join("");
}

/** `getRandomKey`: 7 random characters, after `prefix` (slashes trimmed) when given, drawn again until unused. */
export function randomFreeKey(
  store: Store,
  random: Random,
  domain: string,
  prefix: string | undefined,
): string {
  for (;;) {
    let key = randomKeyCharacters(random, 7);
    if (prefix) key = `${prefix.replace(/^\/|\/$/g, "")}/${key}`;
    if (!store.linkTaken(domain, key)) return key;
  }
}
