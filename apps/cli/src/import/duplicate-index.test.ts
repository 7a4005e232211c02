import { describe, expect, it } from "vitest";
import { DuplicateIndex } from "./duplicate-index.js";

describe("DuplicateIndex", () => {
  it("names the first line of a repeated email or tenantId, and answers a second pass the same way", () => {
    const index = new DuplicateIndex();
    const pass = () => [
      index.check(2, "jane@x.co", "t1"),
      index.check(3, "john@x.co", "t1"),
      index.check(4, "jane@x.co", undefined),
      index.check(5, "ann@x.co", undefined),
    ];
    const expected = [
      undefined,
      { field: "tenantId", firstLine: 2 },
      { field: "email", firstLine: 2 },
      undefined,
    ];
    expect(pass()).toEqual(expected);
    expect(pass()).toEqual(expected);
  });
});
