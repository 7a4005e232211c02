// Country cells as Dub expects them, ISO 3166-1 alpha-2 (the server stores any string, so "Germany" would stay
// "Germany"): codes, alpha-3 codes and names in the languages exports come in are looked up with
// i18n-iso-countries; what it does not know is reported with the row instead of being sent as it is.

import { createRequire } from "node:module";

type Countries = typeof import("i18n-iso-countries");

// English plus the languages of the markets most exports come from; each adds ~3 ms to loading.
const LOCALES = ["en", "de", "fr", "es", "it", "nl", "pt"];

// Names people write that are not the ISO name in any loaded language.
const ALIASES: Record<string, string> = {
  uk: "GB",
  england: "GB",
  scotland: "GB",
  wales: "GB",
  "northern ireland": "GB",
  holland: "NL",
  "viet nam": "VN",
  "south korea": "KR",
  "north korea": "KP",
  "ivory coast": "CI",
};

let countries: Countries | undefined;

/** Loads the country tables (~20 ms); call once before {@link normalizeCountry}, only when a country column exists. */
export function loadCountries(): void {
  if (countries) return;
  const require = createRequire(import.meta.url);
  // The package's main entry registers all 80 languages (~45 ms); the core module plus a few is enough.
  const library = require("i18n-iso-countries/index.js") as Countries;
  for (const locale of LOCALES) library.registerLocale(require(`i18n-iso-countries/langs/${locale}.json`));
  countries = library;
}

/** A country as an alpha-2 code, or why it is not one. */
export type CountryResult = { code: string } | { error: string };

/** `DE`, `de`, `DEU`, `Germany`, `Deutschland`, `Allemagne` → `DE`; anything unknown is an error naming it. */
export function normalizeCountry(value: string): CountryResult {
  const library = countries;
  if (!library) throw new Error("loadCountries() must run before normalizeCountry()");
  const text = value.trim();
  const upper = text.toUpperCase();
  if (upper.length === 2 && library.isValid(upper)) return { code: upper };
  if (upper.length === 3) {
    const code = library.alpha3ToAlpha2(upper);
    if (code) return { code };
  }
  const alias = ALIASES[text.toLowerCase()];
  if (alias) return { code: alias };
  for (const locale of LOCALES) {
    const code = library.getAlpha2Code(text, locale);
    if (code) return { code };
  }
  return {
    error: `unknown country ${JSON.stringify(text)}: use a 2-letter ISO 3166-1 code such as US or DE`,
  };
}
