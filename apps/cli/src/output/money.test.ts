import { expect, it } from "vitest";
import { money } from "./money.js";

it("shows cents as dollars with separators, and nothing for a missing amount", () => {
  expect(money(4900)).toBe("$49.00");
  expect(money(24_999_950)).toBe("$249,999.50");
  expect(money(0)).toBe("$0.00");
  expect(money(undefined)).toBe("");
  expect(money(null)).toBe("");
});
