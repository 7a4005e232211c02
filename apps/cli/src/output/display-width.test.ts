import { describe, expect, it } from "vitest";
import { cellText, displayWidth, padToWidth, truncateToWidth } from "./display-width.js";

describe("displayWidth", () => {
  it.each([
    ["Ada Lovelace", 12],
    ["李小龙", 6],
    ["山田 太郎", 9],
    // Devanagari: the virama takes no column, spacing vowel signs one each, as wcwidth (and tmux) count them.
    ["नमस्ते", 4],
    ["प्रिया शर्मा", 10],
    // Thai: vowel and tone marks above and below take no column.
    ["สวัสดี", 4],
    ["สมชาย ใจดี", 9],
    ["Zoë", 3],
    ["Zoe\u0308", 3],
    ["👩‍💻", 2],
    ["🇫🇷", 2],
    ["ｱｲｳ", 3],
    ["", 0],
  ])("%s takes %i columns", (text, width) => {
    expect(displayWidth(text)).toBe(width);
  });
});

describe("truncateToWidth", () => {
  it("cuts to the width with an ellipsis, never through a wide character or a cluster", () => {
    expect(truncateToWidth("Ada Lovelace", 6)).toBe("Ada L…");
    expect(truncateToWidth("李小龙李小龙", 6)).toBe("李小…");
    expect(displayWidth(truncateToWidth("李小龙李小龙", 6))).toBeLessThanOrEqual(6);
    expect(truncateToWidth("प्रिया शर्मा", 5)).toBe("प्रि…");
    expect(truncateToWidth("short", 10)).toBe("short");
  });
});

describe("padToWidth and cellText", () => {
  it("pads by display width", () => {
    expect(padToWidth("李", 4)).toBe("李  ");
    expect(displayWidth(padToWidth("สวัสดี", 6))).toBe(6);
  });

  it("keeps control characters out of cells", () => {
    expect(cellText("a\tb\nc\u001b[31md")).toBe("a b c\uFFFD[31md");
  });
});
