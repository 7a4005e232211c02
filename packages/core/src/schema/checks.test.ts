import { describe, expect, it } from "vitest";
import { array } from "./array.js";
import { EMAIL_PATTERN, email, gt, gte, lte, maxLength, minLength, refine, trim, url } from "./checks.js";
import { number, string } from "./primitives.js";
import { type Schema, safeParse } from "./schema.js";

const issuesOf = (schema: Schema, value: unknown) => {
  const result = safeParse(schema, value);
  return result.success ? [] : result.issues.map(({ code, message }) => `${code}: ${message}`);
};

describe("string length checks", () => {
  it("bound length inclusively with zod's messages", () => {
    const schema = string(minLength(1), maxLength(3));
    expect(issuesOf(schema, "abc")).toEqual([]);
    expect(issuesOf(schema, "")).toEqual(["too_small: Too small: expected string to have >=1 characters"]);
    expect(issuesOf(schema, "abcd")).toEqual(["too_big: Too big: expected string to have <=3 characters"]);
  });

  it("count UTF-16 units, like the zod 4.3 that Dub's server runs", () => {
    expect(issuesOf(string(maxLength(2)), "😀")).toEqual([]);
    expect(issuesOf(string(maxLength(3)), "😀😀")).toEqual([
      "too_big: Too big: expected string to have <=3 characters",
    ]);
  });

  it("use a server's own message when given one", () => {
    expect(issuesOf(string(maxLength(2, "Must be 2 or fewer characters long.")), "abc")).toEqual([
      "too_big: Must be 2 or fewer characters long.",
    ]);
  });

  it("still run after a type mismatch when the value has a length, as in zod", () => {
    expect(issuesOf(string(maxLength(1)), ["a", "b"])).toEqual([
      "invalid_type: Invalid input: expected string, received array",
      "too_big: Too big: expected array to have <=1 items",
    ]);
    expect(issuesOf(string(maxLength(1)), { length: 5 })).toEqual([
      "invalid_type: Invalid input: expected string, received object",
      "too_big: Too big: expected unknown to be <=1",
    ]);
    expect(issuesOf(string(maxLength(1)), 12)).toEqual([
      "invalid_type: Invalid input: expected string, received number",
    ]);
  });
});

describe("array length checks", () => {
  it("count items", () => {
    const schema = array(number(), minLength(2), maxLength(3));
    expect(issuesOf(schema, [1])).toEqual(["too_small: Too small: expected array to have >=2 items"]);
    expect(issuesOf(schema, [1, 2, 3, 4])).toEqual(["too_big: Too big: expected array to have <=3 items"]);
  });
});

describe("trim", () => {
  it("rewrites the value, and later checks see the trimmed string", () => {
    expect(safeParse(string(trim(), maxLength(3)), "  abc  ")).toEqual({ success: true, data: "abc" });
  });

  it("does not affect checks that come before it", () => {
    expect(issuesOf(string(maxLength(3), trim()), " abc ")).toEqual([
      "too_big: Too big: expected string to have <=3 characters",
    ]);
  });
});

describe("number checks", () => {
  it("bound the value with zod's messages", () => {
    expect(issuesOf(number(gte(10), lte(90)), 50)).toEqual([]);
    expect(issuesOf(number(gte(10), lte(90)), 9)).toEqual([
      "too_small: Too small: expected number to be >=10",
    ]);
    expect(issuesOf(number(gte(10), lte(90)), 91)).toEqual(["too_big: Too big: expected number to be <=90"]);
    expect(issuesOf(number(gt(0)), 0)).toEqual(["too_small: Too small: expected number to be >0"]);
    expect(issuesOf(number(gt(0)), 0.1)).toEqual([]);
  });

  it("all run, and each failure is reported", () => {
    expect(issuesOf(number(gte(10), lte(5)), 7)).toEqual([
      "too_small: Too small: expected number to be >=10",
      "too_big: Too big: expected number to be <=5",
    ]);
  });

  it("are skipped after a type mismatch", () => {
    expect(issuesOf(number(gte(10)), "5")).toEqual([
      "invalid_type: Invalid input: expected number, received string",
    ]);
  });
});

describe("refine", () => {
  it("reports a custom issue with the given message", () => {
    const even = number(refine((n) => n % 2 === 0, "Must be even."));
    expect(issuesOf(even, 2)).toEqual([]);
    expect(issuesOf(even, 3)).toEqual(["custom: Must be even."]);
  });

  it("runs after a failed length check but not after a type mismatch", () => {
    const schema = string(
      maxLength(1),
      refine((s) => !s.includes(" "), "No spaces."),
    );
    expect(issuesOf(schema, "a b")).toEqual([
      "too_big: Too big: expected string to have <=1 characters",
      "custom: No spaces.",
    ]);
    expect(issuesOf(schema, 1)).toEqual(["invalid_type: Invalid input: expected string, received number"]);
  });
});

describe("email", () => {
  it("uses zod 4's pattern by default", () => {
    for (const good of ["a@b.co", "jane.doe+x@example.com", "a'b@c.de", "A_B-C@sub.example.org"]) {
      expect(issuesOf(string(email()), good)).toEqual([]);
    }
    for (const bad of ["foo", "a@b.c", ".a@b.co", "a.@b.co", "a..b@c.de", "a@-b.co", " a@b.co", "a@b.co "]) {
      expect(issuesOf(string(email()), bad)).toEqual(["invalid_format: Invalid email address"]);
    }
    expect(EMAIL_PATTERN.test("a@b.co")).toBe(true);
  });

  it("accepts a custom pattern", () => {
    expect(issuesOf(string(email({ pattern: /@acme\.test$/ })), "a@b.co")).toEqual([
      "invalid_format: Invalid email address",
    ]);
    expect(issuesOf(string(email({ pattern: /@acme\.test$/ })), "a@acme.test")).toEqual([]);
  });

  it("checks the untrimmed value when it comes before trim, and later checks still run", () => {
    expect(issuesOf(string(email(), trim(), maxLength(5)), " a@b.co ")).toEqual([
      "invalid_format: Invalid email address",
      "too_big: Too big: expected string to have <=5 characters",
    ]);
  });
});

describe("url", () => {
  it("accepts absolute URLs and rejects the rest", () => {
    expect(issuesOf(string(url()), "https://dub.co/x?y=1")).toEqual([]);
    expect(issuesOf(string(url()), "mailto:a@b.co")).toEqual([]);
    expect(issuesOf(string(url()), "dub.co")).toEqual(["invalid_format: Invalid URL"]);
    expect(issuesOf(string(url()), "")).toEqual(["invalid_format: Invalid URL"]);
  });
});
