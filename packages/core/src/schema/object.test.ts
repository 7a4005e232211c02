import { describe, expect, it } from "vitest";
import { array } from "./array.js";
import { maxLength, trim } from "./checks.js";
import { nullish, optional } from "./modifiers.js";
import { isObject, looseObject, object } from "./object.js";
import { number, string, unknown } from "./primitives.js";
import { safeParse } from "./schema.js";

describe("object", () => {
  const person = object({ name: string(trim()), age: optional(number()) });

  it("validates each key and drops keys outside the shape, like zod's default", () => {
    expect(safeParse(person, { name: " Jo ", age: 3, programId: "prg_1" })).toEqual({
      success: true,
      data: { name: "Jo", age: 3 },
    });
  });

  it("leaves an absent optional key absent, and keeps a present undefined one", () => {
    const absent = safeParse(person, { name: "Jo" });
    expect(absent.success && Object.keys(absent.data)).toEqual(["name"]);
    const present = safeParse(person, { name: "Jo", age: undefined });
    expect(present.success && Object.keys(present.data)).toEqual(["name", "age"]);
  });

  it("reports a missing required key as undefined at that key", () => {
    expect(safeParse(person, {})).toEqual({
      success: false,
      issues: [
        {
          code: "invalid_type",
          path: ["name"],
          message: "Invalid input: expected string, received undefined",
        },
      ],
    });
  });

  it("reports non-objects as zod does: null, arrays and primitives", () => {
    const messageOf = (value: unknown) => {
      const result = safeParse(person, value);
      return result.success ? undefined : result.issues.map((i) => `${i.path.length}:${i.message}`);
    };
    expect(messageOf(null)).toEqual(["0:Invalid input: expected object, received null"]);
    expect(messageOf([])).toEqual(["0:Invalid input: expected object, received array"]);
    expect(messageOf("x")).toEqual(["0:Invalid input: expected object, received string"]);
  });

  it("collects every issue in shape order, whatever the input's key order", () => {
    const schema = object({ a: string(), b: string(maxLength(1)), c: object({ d: number() }) });
    const result = safeParse(schema, { c: { d: "x" }, b: "long", a: 1 });
    expect(result.success ? [] : result.issues.map((i) => i.path)).toEqual([["a"], ["b"], ["c", "d"]]);
  });

  it("returns a new object, never the input", () => {
    const input = { name: "Jo" };
    const result = safeParse(person, input);
    expect(result.success && result.data).not.toBe(input);
  });
});

describe("looseObject", () => {
  const partner = looseObject({ id: string(), links: array(looseObject({ id: string() })) });

  it("keeps unknown keys after the shape's keys", () => {
    const result = safeParse(partner, { extra: 1, id: "pn_1", links: [{ id: "link_1", clicks: 0 }] });
    expect(result).toEqual({
      success: true,
      data: { id: "pn_1", links: [{ id: "link_1", clicks: 0 }], extra: 1 },
    });
    expect(result.success && Object.keys(result.data)).toEqual(["id", "links", "extra"]);
  });

  it("keeps an unknown key named like an Object.prototype member", () => {
    const result = safeParse(partner, { id: "pn_1", links: [], toString: "x" });
    expect(result.success && result.data.toString).toBe("x");
  });

  it("keeps an unknown key even when a shape key named like an Object.prototype member is inherited", () => {
    const schema = looseObject({ toString: optional(unknown()) });
    const result = safeParse(schema, { extra: 1 });
    expect(result.success && Object.keys(result.data)).toEqual(["toString", "extra"]);
  });

  it("keeps an unknown key of a class instance whose shape key comes from its prototype", () => {
    class Profile {
      get id() {
        return "pn_1";
      }
      extra = 1;
    }
    const result = safeParse(looseObject({ id: string() }), new Profile());
    expect(result).toEqual({ success: true, data: { id: "pn_1", extra: 1 } });
  });

  it("drops an own __proto__ key instead of letting it replace the prototype", () => {
    const result = safeParse(partner, JSON.parse('{"id":"pn_1","links":[],"__proto__":{"polluted":true}}'));
    expect(result.success && Object.getPrototypeOf(result.data)).toBe(Object.prototype);
    expect(result.success && (result.data as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("still requires the shape's keys with their types, naming the path", () => {
    expect(safeParse(partner, { id: 1, links: [{}] })).toEqual({
      success: false,
      issues: [
        { code: "invalid_type", path: ["id"], message: "Invalid input: expected string, received number" },
        {
          code: "invalid_type",
          path: ["links", 0, "id"],
          message: "Invalid input: expected string, received undefined",
        },
      ],
    });
  });
});

describe("nullish keys", () => {
  it("accept null and absence alike", () => {
    const schema = object({ note: nullish(string()) });
    expect(safeParse(schema, { note: null })).toEqual({ success: true, data: { note: null } });
    expect(safeParse(schema, {})).toEqual({ success: true, data: {} });
  });
});

describe("isObject", () => {
  it("is zod's notion of an object", () => {
    expect(isObject({})).toBe(true);
    expect(isObject(new Date())).toBe(true);
    expect(isObject([])).toBe(false);
    expect(isObject(null)).toBe(false);
    expect(isObject("x")).toBe(false);
  });
});
