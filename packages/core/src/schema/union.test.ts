import { describe, expect, it } from "vitest";
import { array } from "./array.js";
import { maxLength } from "./checks.js";
import { number, string } from "./primitives.js";
import { safeParse } from "./schema.js";
import { union } from "./union.js";

describe("union", () => {
  const stringOrList = union([string(), array(string())]);

  it("returns the first option that accepts the value", () => {
    expect(safeParse(stringOrList, "a,b")).toEqual({ success: true, data: "a,b" });
    expect(safeParse(stringOrList, ["a"])).toEqual({ success: true, data: ["a"] });
  });

  it("reports one invalid_union issue when every option fails on type", () => {
    expect(safeParse(stringOrList, ["a", 1])).toEqual({
      success: false,
      issues: [{ code: "invalid_union", path: [], message: "Invalid input" }],
    });
  });

  it("reports the only option that failed just its checks, as zod does", () => {
    expect(safeParse(union([string(maxLength(1)), number()]), "abc")).toEqual({
      success: false,
      issues: [{ code: "too_big", path: [], message: "Too big: expected string to have <=1 characters" }],
    });
  });

  it("reports invalid_union when more than one option failed just its checks", () => {
    const result = safeParse(union([string(maxLength(1)), string(maxLength(2))]), "abc");
    expect(result.success ? [] : result.issues.map((i) => i.code)).toEqual(["invalid_union"]);
  });
});
