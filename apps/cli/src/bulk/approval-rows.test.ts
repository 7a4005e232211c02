import { describe, expect, it } from "vitest";
import { planColumns } from "../import/column-mapping.js";
import { DuplicateIndex } from "../import/duplicate-index.js";
import { decideRow, type RowDecision } from "../import/row-decision.js";
import { APPROVAL_COLUMNS, approvalRows } from "./approval-rows.js";

/** Decides every row of a CSV (header first) as a run does: a collecting pass, then the deciding one. */
function decideAll(lines: string[][], group?: string): RowDecision[] {
  const rules = approvalRows(group);
  const [header, ...rows] = lines as [string[], ...string[][]];
  const { targets } = planColumns(header, new Map(), APPROVAL_COLUMNS);
  const context = {
    mapCells: rules.cellsMapper(targets),
    columns: header.length,
    mapObject: rules.objectMapper(),
    check: rules.check,
    duplicates: new DuplicateIndex(),
    resume: undefined,
  };
  const records = rows.map((cells, i) => ({ line: i + 2, cells }));
  for (const record of records) decideRow(record, context);
  context.duplicates.settle();
  return records.map((record) => decideRow(record, context));
}

describe("approval rows", () => {
  it("keys a row by its applicant: the partner id, else the tenantId; --group-id fills a row's missing group", () => {
    const decided = decideAll(
      [
        ["tenantId", "partnerId", "group"],
        ["user_1", "pn_1", ""],
        ["user_2", "", "grp_gold"],
      ],
      "vip",
    );
    expect(decided).toMatchObject([
      { kind: "send", key: "pn_1", body: { partnerId: "pn_1", groupId: "vip" } },
      { kind: "send", key: 'tenantId "user_2"', body: { tenantId: "user_2", groupId: "grp_gold" } },
    ]);
    // Dub's id wins: the tenantId beside it is neither sent nor part of the row's content.
    expect((decided[0] as { body: object }).body).not.toHaveProperty("tenantId");
  });

  it("gives the same content hash whatever the order of the columns", () => {
    const [a] = decideAll([
      ["partnerId", "groupId", "applicationId"],
      ["pn_1", "vip", "pga_1"],
    ]);
    const [b] = decideAll([
      ["applicationId", "groupId", "partnerId"],
      ["pga_1", "vip", "pn_1"],
    ]);
    expect(a).toMatchObject({ kind: "send" });
    expect((a as { hash: string }).hash).toBe((b as { hash: string }).hash);
  });

  it("names the line and field of a row with no applicant or a malformed id, and reports a second row for one applicant", () => {
    const decided = decideAll([
      ["partnerId", "tenantId"],
      ["", ""],
      ["user_9", ""],
      ["pn_1", ""],
      ["pn_1", "user_1"],
    ]);
    expect(
      decided.map((row) => [row.kind, row.line, "failure" in row ? row.failure.field : undefined]),
    ).toEqual([
      ["invalid", 2, "partnerId"],
      ["invalid", 3, "partnerId"],
      ["send", 4, undefined],
      ["duplicate", 5, "partnerId"],
    ]);
    expect(decided[0]).toMatchObject({
      failure: { error: "partnerId or tenantId is required: the applicant to approve" },
    });
    expect(decided[3]).toMatchObject({
      failure: { error: "duplicate: line 4 approves pn_1 already; only line 4 is sent" },
    });
  });

  it("refuses a JSON Lines value that is not text, naming the field", () => {
    const rules = approvalRows(undefined);
    const mapped = rules.objectMapper()({ partnerId: "pn_1", groupId: 7 });
    expect("body" in mapped && rules.check.validate(mapped.body)).toEqual({
      ok: false,
      field: "groupId",
      error: "groupId: must be text, got 7",
    });
  });
});
