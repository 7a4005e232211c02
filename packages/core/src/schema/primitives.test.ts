import { describe, expect, it } from "vitest";
import { boolean, enumOf, literal, number, openEnum, string, unknown } from "./primitives.js";
import { type Schema, safeParse } from "./schema.js";

const issuesOf = (schema: Schema, value: unknown) => {
  const result = safeParse(schema, value);
  return result.success ? [] : result.issues;
};
const messageOf = (schema: Schema, value: unknown) => issuesOf(schema, value)[0]?.message;

describe("string", () => {
  it("accepts a string and returns it", () => {
    expect(safeParse(string(), "x")).toEqual({ success: true, data: "x" });
  });

  it("names the received type the way zod 4 does", () => {
    expect(messageOf(string(), undefined)).toBe("Invalid input: expected string, received undefined");
    expect(messageOf(string(), null)).toBe("Invalid input: expected string, received null");
    expect(messageOf(string(), [])).toBe("Invalid input: expected string, received array");
    expect(messageOf(string(), 5)).toBe("Invalid input: expected string, received number");
    expect(messageOf(string(), Number.NaN)).toBe("Invalid input: expected string, received NaN");
    expect(messageOf(string(), Number.POSITIVE_INFINITY)).toBe(
      "Invalid input: expected string, received Infinity",
    );
    expect(messageOf(string(), {})).toBe("Invalid input: expected string, received object");
    expect(messageOf(string(), Object.create(null))).toBe("Invalid input: expected string, received object");
    expect(messageOf(string(), new Date(0))).toBe("Invalid input: expected string, received Date");
    expect(messageOf(string(), true)).toBe("Invalid input: expected string, received boolean");
    expect(messageOf(string(), 1n)).toBe("Invalid input: expected string, received bigint");
  });

  it("reports invalid_type at the root with an empty path", () => {
    expect(issuesOf(string(), 1)).toEqual([
      { code: "invalid_type", path: [], message: "Invalid input: expected string, received number" },
    ]);
  });
});

describe("number", () => {
  it("accepts finite numbers only", () => {
    expect(safeParse(number(), 1.5)).toEqual({ success: true, data: 1.5 });
    expect(messageOf(number(), Number.NaN)).toBe("Invalid input: expected number, received NaN");
    expect(messageOf(number(), Number.NEGATIVE_INFINITY)).toBe(
      "Invalid input: expected number, received -Infinity",
    );
    expect(messageOf(number(), "1")).toBe("Invalid input: expected number, received string");
  });
});

describe("boolean", () => {
  it("accepts true and false, nothing else", () => {
    expect(safeParse(boolean(), false)).toEqual({ success: true, data: false });
    expect(messageOf(boolean(), "yes")).toBe("Invalid input: expected boolean, received string");
    expect(messageOf(boolean(), 0)).toBe("Invalid input: expected boolean, received number");
  });
});

describe("unknown", () => {
  it("passes any value through unchanged", () => {
    const value = { a: [1] };
    const result = safeParse(unknown(), value);
    expect(result.success && result.data).toBe(value);
  });
});

describe("literal", () => {
  it("accepts only the exact value, quoting it like zod", () => {
    expect(safeParse(literal("a"), "a").success).toBe(true);
    expect(issuesOf(literal("a"), "b")).toEqual([
      { code: "invalid_value", path: [], message: 'Invalid input: expected "a"' },
    ]);
    expect(messageOf(literal(3), 4)).toBe("Invalid input: expected 3");
    expect(messageOf(literal(null), undefined)).toBe("Invalid input: expected null");
  });
});

describe("enumOf", () => {
  it("accepts one of the values and lists them all on failure", () => {
    expect(safeParse(enumOf(["asc", "desc"]), "asc").success).toBe(true);
    expect(issuesOf(enumOf(["asc", "desc"]), "up")).toEqual([
      { code: "invalid_value", path: [], message: 'Invalid option: expected one of "asc"|"desc"' },
    ]);
    expect(messageOf(enumOf(["only"]), 1)).toBe('Invalid input: expected "only"');
  });
});

describe("openEnum", () => {
  it("accepts known and unknown strings alike, and rejects non-strings", () => {
    const status = openEnum(["approved", "pending"]);
    expect(safeParse(status, "approved")).toEqual({ success: true, data: "approved" });
    expect(safeParse(status, "a-status-from-the-future")).toEqual({
      success: true,
      data: "a-status-from-the-future",
    });
    expect(messageOf(status, 1)).toBe("Invalid input: expected string, received number");
  });
});
