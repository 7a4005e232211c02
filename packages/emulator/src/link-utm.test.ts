// UTM parameters on partner links: the group's template under the URL's own values, set/delete on a URL (Dub's
// first-`+`-only replacement included), and the utm_* columns read back.
import { describe, expect, it } from "vitest";
import { templateUtmParams, utmColumns, withUtmParams } from "./link-utm.js";

describe("link UTM parameters", () => {
  it("fills every tag from the template, null where unset, the URL's non-empty values winning", () => {
    expect(
      templateUtmParams(
        { utm_source: "partners", utm_term: "t" },
        "https://a.test/?utm_source=own&utm_term=",
      ),
    ).toEqual({
      utm_source: "own",
      utm_medium: null,
      utm_campaign: null,
      utm_term: "t",
      utm_content: null,
      ref: null,
    });
  });

  it("sets non-empty values, deletes empty ones, and normalises the URL", () => {
    expect(withUtmParams("https://a.test", { utm_source: "x", ref: null })).toBe(
      "https://a.test/?utm_source=x",
    );
    expect(withUtmParams("https://a.test/p?ref=old&keep=1", { ref: null })).toBe("https://a.test/p?keep=1");
    expect(withUtmParams("https://a.test/p", { utm_campaign: "a+b+c" })).toBe(
      "https://a.test/p?utm_campaign=a+b%2Bc",
    );
    expect(withUtmParams("not a url", { utm_source: "x" })).toBe("");
  });

  it("reads the utm_* columns from a URL, null when absent or empty", () => {
    expect(utmColumns("https://a.test/?utm_source=s&utm_medium=&utm_term=t&utm_term=u")).toEqual({
      utm_source: "s",
      utm_medium: null,
      utm_campaign: null,
      utm_term: "u",
      utm_content: null,
    });
  });
});
