import { describe, expect, it } from "vitest";
import { formatIssues } from "./format-issues.js";

describe("formatIssues", () => {
  it("joins issues as path: message, with dotted keys and bracketed indexes", () => {
    expect(
      formatIssues([
        { message: "Invalid email address", path: ["email"] },
        {
          message: "Too small: expected number to be >=10",
          path: ["linkProps", "testVariants", 0, "percentage"],
        },
      ]),
    ).toBe(
      "email: Invalid email address; linkProps.testVariants[0].percentage: Too small: expected number to be >=10",
    );
  });

  it("gives no prefix for an issue about the value itself", () => {
    expect(formatIssues([{ message: "Invalid input: expected object, received null", path: [] }])).toBe(
      "Invalid input: expected object, received null",
    );
    expect(formatIssues([{ message: "Bad" }])).toBe("Bad");
  });
});
