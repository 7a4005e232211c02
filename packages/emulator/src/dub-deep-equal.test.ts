// Dub's deepEqual, with the quirks the upsert's no-op check depends on.
import { describe, expect, it } from "vitest";
import { dubDeepEqual } from "./dub-deep-equal.js";

describe("dubDeepEqual", () => {
  it("compares own keys recursively, whatever their order", () => {
    expect(dubDeepEqual({ a: 1, b: [1, { c: "x" }] }, { b: [1, { c: "x" }], a: 1 })).toBe(true);
    expect(dubDeepEqual({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(dubDeepEqual({ a: null }, { a: undefined })).toBe(false);
    expect(dubDeepEqual([1, 2], [2, 1])).toBe(false);
  });

  it("finds any two Dates equal, and a Date never equal to its ISO text", () => {
    expect(dubDeepEqual({ d: new Date(0) }, { d: new Date(1e12) })).toBe(true);
    expect(dubDeepEqual({ d: new Date(0) }, { d: new Date(0).toISOString() })).toBe(false);
  });
});
