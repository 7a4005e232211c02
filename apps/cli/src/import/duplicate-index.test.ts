import { describe, expect, it } from "vitest";
import { DuplicateIndex } from "./duplicate-index.js";

const rows: Array<[number, string, string | undefined]> = [
  [2, "jane@x.co", "t1"],
  [3, "john@x.co", "t1"],
  [4, "jane@x.co", undefined],
  [5, "ann@x.co", undefined],
];

describe("DuplicateIndex", () => {
  it("calls nothing a duplicate while it collects, then names the first line of a repeated email or tenantId", () => {
    const index = new DuplicateIndex();
    expect(rows.map(([line, email, tenant]) => index.check(line, email, tenant))).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(index.settle()).toBe(true);
    const expected = [
      undefined,
      { field: "secondary", firstLine: 2, firstLabel: { email: "Jane@x.co" } },
      { field: "key", firstLine: 2, firstLabel: { email: "Jane@x.co" } },
      undefined,
    ];
    // Each row labels itself; a duplicate gets the label of the row it repeats.
    const label = (line: number) => ({ email: line === 2 ? "Jane@x.co" : `row ${line}` });
    expect(rows.map(([line, email, tenant]) => index.check(line, email, tenant, label(line)))).toEqual(
      expected,
    );
    // Another pass from the start gets the same answers.
    index.restart();
    expect(rows.map(([line, email, tenant]) => index.check(line, email, tenant, label(line)))).toEqual(
      expected,
    );
  });

  it("says when nothing repeats, so the plan needs no second pass", () => {
    const index = new DuplicateIndex();
    for (let i = 0; i < 200_000; i++) index.check(i + 2, `user${i}@x.co`, `t${i}`);
    expect(index.settle()).toBe(false);
    expect(index.check(2, "user0@x.co", "t0")).toBeUndefined();
  });
});
