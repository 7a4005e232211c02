// Dub slugifies names and email local parts with @sindresorhus/slugify; the emulator bundles the same library
// (see tsup.config.ts) so keys and usernames match the server's character for character. The library's
// transliteration runs ~1,900 regex replacements per call (about 0.6 ms), which alone would cap the emulator at a
// few hundred creates per second, so plain-ASCII text (none of those replacements applies to it) takes a path
// with the library's remaining steps at their default options; slug.test.ts checks that both paths agree.
import slugifyLibrary from "@sindresorhus/slugify";

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

function slugifyAscii(text: string): string {
  return (
    text
      // Transliteration's only effects on ASCII: the `&` replacement and the removal of diacritic marks (^ and `).
      .replace(/&/g, " and ")
      .replace(/\p{Diacritic}/gu, "")
      // decamelize
      .replace(/([A-Z]{2,})(\d+)/g, "$1 $2")
      .replace(/([a-z\d]+)([A-Z]{2,})/g, "$1 $2")
      .replace(/([a-z\d])([A-Z])/g, "$1 $2")
      .replace(/([A-Z]+)([A-Z][a-rt-z\d]+)/g, "$1 $2")
      .toLowerCase()
      // contractions and possessives ("don't" → "dont")
      .replace(/([a-zA-Z\d]+)'([ts])(\s|$)/g, "$1$2$3")
      .replace(/[^a-z\d]+/g, "-")
      .replace(/-{2,}/g, "-")
      .replace(/^-|-$/g, "")
  );
}

/** "John Doe" → "john-doe", "Jöhn Müller" → "joehn-mueller", "jane.doe+test" → "jane-doe-test". */
export function slugify(text: string): string {
  return PRINTABLE_ASCII.test(text) ? slugifyAscii(text) : slugifyLibrary(text);
}
