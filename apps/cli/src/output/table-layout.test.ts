import { expect, it } from "vitest";
import { fitWidths, GAP } from "./table-layout.js";

const columns = [
  { natural: 28, shrink: false },
  { natural: 30, shrink: true },
  { natural: 40, shrink: true },
  { natural: 8, shrink: false },
];
const total = (widths: number[]) => widths.reduce((a, b) => a + b, 0) + GAP * (widths.length - 1);

it("keeps natural widths when they fit or there is no limit", () => {
  expect(fitWidths(columns, undefined)).toEqual([28, 30, 40, 8]);
  expect(fitWidths(columns, 200)).toEqual([28, 30, 40, 8]);
});

it("shrinks the widest shrinkable column first until the line fits", () => {
  const widths = fitWidths(columns, 100);
  expect(total(widths)).toBe(100);
  expect(widths[0]).toBe(28);
  expect(widths[3]).toBe(8);
  expect(widths).toEqual([28, 29, 29, 8]);
});

it("cuts from the right when shrinkable columns are at their minimum and the line is still too long", () => {
  expect(fitWidths(columns, 56)).toEqual([28, 8, 8, 6]);
  expect(fitWidths(columns, 40)).toEqual([28, 4, 1, 1]);
  expect(total(fitWidths(columns, 40))).toBe(40);
});
