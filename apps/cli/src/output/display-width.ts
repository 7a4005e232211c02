// How many terminal columns text takes, the way terminals draw it: per code point, as glibc's
// wcwidth (tmux, xterm, VTE) does, with emoji sequences counted whole.
//
// Written here rather than taken from `string-width` because measured on tmux 3.3a, string-width
// 8.2.0 counts each grapheme cluster once: "प्रिया शर्मा" is 5 columns to it and 10 on screen
// (Devanagari's spacing vowel signs take a column each), so a table aligned with it is skewed by
// five columns per such name. East Asian widths still come from a library, `get-east-asian-width`.

import { eastAsianWidth } from "get-east-asian-width";

const segmenter = new Intl.Segmenter("en", { granularity: "grapheme" });
// Nonspacing and enclosing marks, format characters (ZWJ, soft hyphen) and variation selectors take no column.
const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Cf}]$/u;
// A fully-qualified emoji or emoji sequence (ZWJ families, flags, keycaps) is drawn two columns wide.
// Built from a string: the `v` flag is Node 20's, newer than the ES2022 the code is checked against.
const EMOJI_SOURCE = "^\\p{RGI_Emoji}$";
const EMOJI = new RegExp(EMOJI_SOURCE, "v");
// Control characters would move the cursor or start an escape sequence; they never reach a cell.
const CONTROL = /[\p{Cc}]/gu;

/** Text safe to put in a table cell: line breaks and tabs become spaces, other controls become U+FFFD. */
export function cellText(text: string): string {
  return text.replace(CONTROL, (char) => (char === "\n" || char === "\r" || char === "\t" ? " " : "\uFFFD"));
}

/** wcwidth summed over the code points: marks and format characters 0, East Asian wide 2, others 1. */
function codePointsWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    if (ZERO_WIDTH.test(char)) continue;
    width += eastAsianWidth(char.codePointAt(0) ?? 0);
  }
  return width;
}

function graphemeWidth(grapheme: string): number {
  return grapheme.length > 1 && EMOJI.test(grapheme) ? 2 : codePointsWidth(grapheme);
}

// Only emoji sequences need grapheme clusters; any other text is measured code point by code point.
const CLUSTERED = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u200D|\uFE0F|\u20E3/u;

/** The columns `text` (free of control characters, see {@link cellText}) takes on a terminal. */
export function displayWidth(text: string): number {
  // Printable ASCII is one column a character; most cells are that.
  if (/^[\x20-\x7E]*$/.test(text)) return text.length;
  if (!CLUSTERED.test(text)) return codePointsWidth(text);
  let width = 0;
  for (const { segment } of segmenter.segment(text)) width += graphemeWidth(segment);
  return width;
}

/** `text` cut to at most `width` columns, ending in "…" when cut; never splits a grapheme. */
export function truncateToWidth(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  if (width <= 0) return "";
  let out = "";
  let used = 0;
  for (const { segment } of segmenter.segment(text)) {
    const w = graphemeWidth(segment);
    if (used + w > width - 1) break;
    out += segment;
    used += w;
  }
  return `${out}…`;
}

/** `text` followed by spaces up to `width` columns. */
export function padToWidth(text: string, width: number): string {
  const missing = width - displayWidth(text);
  return missing > 0 ? text + " ".repeat(missing) : text;
}
