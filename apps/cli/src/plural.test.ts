import { expect, it } from "vitest";
import { plural } from "./plural.js";

it("uses the singular for exactly one and the plural otherwise, with grouped digits", () => {
  expect(plural(1, "row")).toBe("1 row");
  expect(plural(0, "row")).toBe("0 rows");
  expect(plural(2, "partner")).toBe("2 partners");
  expect(plural(10_000, "page")).toBe("10,000 pages");
  expect(plural(3, "entry", "entries")).toBe("3 entries");
});
