import { describe, expect, it } from "vitest";
import { HashIndex } from "./hash-index.js";
import { keyHash } from "./row-identity.js";

describe("HashIndex", () => {
  it("gives each key one dense id, growing as needed", () => {
    const index = new HashIndex(4);
    const ids = Array.from({ length: 10_000 }, (_, i) => index.add(keyHash(`k${i}`)));
    expect(ids).toEqual(Array.from({ length: 10_000 }, (_, i) => i));
    expect(index.add(keyHash("k42"))).toBe(42);
    expect(index.get(keyHash("k9999"))).toBe(9999);
    expect(index.get(keyHash("missing"))).toBe(-1);
    expect(index.size).toBe(10_000);
  });
});
