import { describe, expect, it } from "vitest";
import { createIdFactory } from "./ids.js";
import { createRandom } from "./random.js";

describe("createIdFactory", () => {
  it("makes 25-character base32 ids starting with 1 for current timestamps", () => {
    const newId = createIdFactory(createRandom(1), () => Date.UTC(2026, 10, 23));
    const id = newId("pn_");
    expect(id).toMatch(/^pn_1[0-9ABCDEFGHJKMNPQRSTVWXYZ]{24}$/);
  });

  it("sorts by creation time", () => {
    let now = Date.UTC(2026, 10, 23);
    const newId = createIdFactory(createRandom(2), () => now);
    const first = newId("link_");
    now += 1;
    expect(newId("link_") > first).toBe(true);
  });

  it("writes a leading 0 per leading zero byte, as base-x does", () => {
    const newId = createIdFactory(createRandom(3), () => 5);
    expect(newId("pn_")).toMatch(/^pn_00000/);
  });
});
