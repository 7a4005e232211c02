import { describe, expect, it } from "vitest";
import { formatIssuePath } from "./issue-path.js";

describe("formatIssuePath", () => {
  it("dots keys and brackets indexes", () => {
    expect(formatIssuePath(["linkProps", "testVariants", 0, "percentage"])).toBe(
      "linkProps.testVariants[0].percentage",
    );
  });

  it("accepts { key } segments", () => {
    expect(formatIssuePath([{ key: "links" }, { key: 2 }, "url"])).toBe("links[2].url");
  });

  it("quotes keys that are not identifiers", () => {
    expect(formatIssuePath(["headers", "x-id"])).toBe('headers["x-id"]');
    expect(formatIssuePath(["a b"])).toBe('["a b"]');
  });

  it("gives an empty string for the root", () => {
    expect(formatIssuePath([])).toBe("");
    expect(formatIssuePath(undefined)).toBe("");
  });
});
