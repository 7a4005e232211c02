import { describe, expect, it } from "vitest";
import { describeIssue, parseServerIssue, plainIssue, plainReason } from "./plain-issue.js";

describe("plainReason", () => {
  it.each([
    ["Invalid input: expected string, received undefined", "email", "is required"],
    ["Invalid input: expected string, received null", "tenantId", "must be text, not null"],
    [
      "Invalid input: expected boolean, received string",
      "linkProps.archived",
      "must be true or false, not text",
    ],
    ["Invalid input: expected object, received array", "", "must be an object, not an array"],
    ["Too big: expected string to have <=100 characters", "name", "must be at most 100 characters long"],
    ["Too small: expected string to have >=1 characters", "linkProps.externalId", "must not be empty"],
    ["Too small: expected string to have >=3 characters", "key", "must be at least 3 characters long"],
    ["Too small: expected number to be >=0", "totalClicksMin", "must be at least 0"],
    ["Too big: expected number to be <=100", "pageSize", "must be at most 100"],
    ["Too small: expected number to be >0", "page", "must be more than 0"],
    ["Too small: expected array to have >=2 items", "linkProps.testVariants", "must have at least 2 items"],
    ['Invalid option: expected one of "asc"|"desc"', "sortOrder", "must be one of asc, desc"],
    ["Invalid email address", "email", "must look like name@example.com"],
    ["Invalid URL", "image", "must be a URL such as https://example.com"],
    ["Invalid input", "sortBy", "is not valid"],
    ["Invalid username. Must be a URL-friendly string.", "username", "must be a URL-friendly string"],
    ["Page must be a number.", "page", "must be a number"],
    ["Page size must be greater than 0.", "pageSize", "must be greater than 0"],
    ["Max page size is 100.", "pageSize", "must be at most 100"],
    ["Something else entirely", "x", "is not valid: Something else entirely"],
  ])("%s → %s %s", (message, field, reason) => {
    expect(plainReason(message, field)).toBe(reason);
  });

  it("never names the field twice", () => {
    for (const [message, field] of [
      ["Invalid username. Must be a URL-friendly string.", "username"],
      ["Page size must be greater than 0.", "pageSize"],
      ["Invalid email address", "email"],
    ] as const) {
      const text = describeIssue(plainIssue(field, message)).toLowerCase().replace(/\s/g, "");
      expect(text.split(field.toLowerCase()).length - 1, text).toBe(1);
    }
  });
});

describe("parseServerIssue", () => {
  it("reads Dub's `<code>: <path>: <message>` 422 format", () => {
    expect(
      parseServerIssue("invalid_type: email: Invalid input: expected string, received undefined"),
    ).toEqual({
      field: "email",
      reason: "is required",
    });
    expect(
      parseServerIssue("too_big: linkProps.testVariants[0].percentage: Too big: expected number to be <=90"),
    ).toEqual({
      field: "linkProps.testVariants[0].percentage",
      reason: "must be at most 90",
    });
  });

  it("reads an issue about the whole body, whose path is empty", () => {
    const issue = parseServerIssue("invalid_type: : Invalid input: expected object, received null");
    expect(issue).toEqual({ field: "", reason: "must be an object, not null" });
    expect(describeIssue(issue!, "the request body")).toBe("the request body must be an object, not null");
  });

  it("returns undefined for any other message", () => {
    expect(parseServerIssue("Program not found")).toBeUndefined();
  });
});
