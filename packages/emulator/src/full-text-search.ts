// GET /partners `search` as MySQL full-text search treats it (Prisma's `search` on email, name and companyName):
// the server strips the boolean-mode operators, and MySQL matches whole words, case-insensitively, any word of
// the query being enough. Not emulated: MySQL's minimum word length and stopword list (which drop very short and
// very common words), relevance ranking, and quoted phrases.

/** The characters the server removes before searching (`sanitizeFullTextSearch`). */
const OPERATORS = /[*+\-()~@%<>!=?:]/g;

/** The words of a text, lowercased: runs of letters, digits and underscores (MySQL's word characters). */
function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}_]+/u)
    .filter(Boolean);
}

/**
 * A matcher for the search text: true when any of the texts contains one of its words as a whole word. A search
 * left empty once sanitised (`"***"`) matches nothing, as an empty `AGAINST('')` does.
 */
export function fullTextMatcher(search: string): (texts: readonly (string | null)[]) => boolean {
  const wanted = new Set(words(search.replace(OPERATORS, "").trim()));
  return (texts) => texts.some((text) => text !== null && words(text).some((word) => wanted.has(word)));
}
