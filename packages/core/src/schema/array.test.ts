import { describe, expect, it } from "vitest";
import { array } from "./array.js";
import { gte, maxLength, trim } from "./checks.js";
import { number, string } from "./primitives.js";
import { safeParse } from "./schema.js";

describe("array", () => {
  it("validates every item and returns a new array of their outputs", () => {
    const input = [" a ", "b"];
    const result = safeParse(array(string(trim())), input);
    expect(result).toEqual({ success: true, data: ["a", "b"] });
    expect(result.success && result.data).not.toBe(input);
  });

  it("reports every bad item with its index, then the array's own checks", () => {
    expect(safeParse(array(number(gte(1)), maxLength(2)), [0, "x", 3])).toEqual({
      success: false,
      issues: [
        { code: "too_small", path: [0], message: "Too small: expected number to be >=1" },
        { code: "invalid_type", path: [1], message: "Invalid input: expected number, received string" },
        { code: "too_big", path: [], message: "Too big: expected array to have <=2 items" },
      ],
    });
  });

  it("rejects non-arrays", () => {
    expect(safeParse(array(string()), { 0: "a" })).toEqual({
      success: false,
      issues: [{ code: "invalid_type", path: [], message: "Invalid input: expected array, received object" }],
    });
  });
});
