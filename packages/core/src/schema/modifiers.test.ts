import { describe, expect, it } from "vitest";
import { minLength } from "./checks.js";
import { nullable, nullish, optional, transform } from "./modifiers.js";
import { object } from "./object.js";
import { string } from "./primitives.js";
import { safeParse } from "./schema.js";

describe("optional, nullable, nullish", () => {
  it("widen the accepted values exactly", () => {
    expect(safeParse(optional(string()), undefined).success).toBe(true);
    expect(safeParse(optional(string()), null).success).toBe(false);
    expect(safeParse(nullable(string()), null).success).toBe(true);
    expect(safeParse(nullable(string()), undefined).success).toBe(false);
    expect(safeParse(nullish(string()), null).success).toBe(true);
    expect(safeParse(nullish(string()), undefined).success).toBe(true);
    expect(safeParse(nullish(string()), 1)).toEqual({
      success: false,
      issues: [
        { code: "invalid_type", path: [], message: "Invalid input: expected string, received number" },
      ],
    });
  });

  it("make a key optional only for optional and nullish", () => {
    expect(safeParse(object({ a: nullable(string()) }), {}).success).toBe(false);
    expect(safeParse(object({ a: optional(string()) }), {}).success).toBe(true);
  });
});

describe("transform", () => {
  const stripped = transform(nullish(string(minLength(1))), (v) => (v?.startsWith("ext_") ? v.slice(4) : v));

  it("maps the validated output", () => {
    expect(safeParse(stripped, "ext_12")).toEqual({ success: true, data: "12" });
    expect(safeParse(stripped, null)).toEqual({ success: true, data: null });
  });

  it("does not run when the inner schema reported an issue", () => {
    let calls = 0;
    const counted = transform(string(minLength(2)), (v) => {
      calls++;
      return v;
    });
    expect(safeParse(counted, "a").success).toBe(false);
    expect(calls).toBe(0);
  });

  it("keeps the key optional when the inner schema is", () => {
    expect(safeParse(object({ id: stripped }), {})).toEqual({ success: true, data: {} });
  });
});
