import slugifyLibrary from "@sindresorhus/slugify";
import { describe, expect, it } from "vitest";
import { createRandom } from "./random.js";
import { slugify } from "./slug.js";

describe("slugify", () => {
  it.each([
    ["John Doe", "john-doe"],
    ["Jöhn Müller", "joehn-mueller"],
    ["jane.doe+test", "jane-doe-test"],
    ["Tom & Jerry", "tom-and-jerry"],
    ["fooBar APIs", "foo-bar-apis"],
    ["Don't stop", "dont-stop"],
    ["李小龙", ""],
  ])("slugifies %j as the server does", (text, slug) => {
    expect(slugify(text)).toBe(slug);
    expect(slugifyLibrary(text)).toBe(slug);
  });

  it("agrees with the library on every kind of printable ASCII text", () => {
    const random = createRandom(1);
    const alphabet =
      " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~";
    const pieces = ["ts ", "'s", "'t", "API", "HTML5", "XMLHttp", "&", "^", "`", "-", "  "];
    for (let i = 0; i < 600; i++) {
      let text = "";
      const length = Math.floor(random() * 16);
      for (let j = 0; j < length; j++) {
        text +=
          random() < 0.3
            ? pieces[Math.floor(random() * pieces.length)]
            : alphabet[Math.floor(random() * alphabet.length)];
      }
      expect(slugify(text), JSON.stringify(text)).toBe(slugifyLibrary(text));
    }
  });
});
