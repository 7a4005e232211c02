import { describe, expect, it } from "vitest";
import type { CliError } from "../cli-error.js";
import { planColumns } from "../import/column-mapping.js";
import { DuplicateIndex } from "../import/duplicate-index.js";
import { decideRow, type RowDecision } from "../import/row-decision.js";
import { LINK_COLUMNS, LINK_ROWS } from "./link-rows.js";

/** Decides every row of a CSV (header first) as a run does: a collecting pass, then the deciding one. */
function decideAll(lines: string[][]): RowDecision[] {
  const [header, ...rows] = lines as [string[], ...string[][]];
  const { targets } = planColumns(header, new Map(), LINK_COLUMNS);
  const context = {
    mapCells: LINK_ROWS.cellsMapper(targets),
    columns: header.length,
    mapObject: LINK_ROWS.objectMapper(),
    check: LINK_ROWS.check,
    duplicates: new DuplicateIndex(),
    resume: undefined,
  };
  const records = rows.map((cells, i) => ({ line: i + 2, cells }));
  for (const record of records) decideRow(record, context);
  context.duplicates.settle();
  return records.map((record) => decideRow(record, context));
}

describe("links upsert rows", () => {
  it("sends the body as the upsert's schema outputs it, keyed by the partner as named and the normalised URL", () => {
    const [byId, byTenant] = decideAll([
      ["partnerId", "tenant_id", "Destination", "key", "link_props.external_id"],
      ["pn_1", "", "acme.test/spring", "jane-spring", "ext_42"],
      ["", "user_7", "https://acme.test/omar", "", ""],
    ]);
    expect(byId).toMatchObject({
      kind: "send",
      key: '"pn_1" https://acme.test/spring',
      body: {
        partnerId: "pn_1",
        url: "https://acme.test/spring",
        key: "jane-spring",
        linkProps: { externalId: "42" },
      },
    });
    expect(byTenant).toMatchObject({
      kind: "send",
      key: '"tenantId:user_7" https://acme.test/omar',
      body: { tenantId: "user_7", url: "https://acme.test/omar" },
    });
  });

  it("names the line and field of a row with no partner, a malformed id or a bad URL, and sends none of them", () => {
    const decided = decideAll([
      ["partnerId", "tenantId", "url"],
      ["", "", "https://acme.test/a"],
      ["user_7", "", "https://acme.test/b"],
      ["pn_1", "", "not a url"],
      ["pn_1", "", ""],
    ]);
    expect(
      decided.map((row) => [row.kind, row.line, "failure" in row ? row.failure.field : undefined]),
    ).toEqual([
      ["invalid", 2, "partnerId"],
      ["invalid", 3, "partnerId"],
      ["invalid", 4, "url"],
      ["invalid", 5, "url"],
    ]);
    expect(decided[1]).toMatchObject({ failure: { error: 'a partner id starts with pn_, got "user_7"' } });
  });

  it("reports a second row for the same partner and URL, and a key taken by an earlier row in any case", () => {
    const decided = decideAll([
      ["partnerId", "url", "key"],
      ["pn_1", "https://acme.test/a", "spring"],
      ["pn_1", "acme.test/a", "other"],
      ["pn_2", "https://acme.test/b", "SPRING"],
      ["pn_2", "https://acme.test/c", ""],
    ]);
    expect(decided.map((row) => row.kind)).toEqual(["send", "duplicate", "duplicate", "send"]);
    expect(decided[1]).toMatchObject({
      failure: {
        field: "url",
        error: expect.stringContaining("line 2 has this partner's link to https://acme.test/a"),
      },
    });
    expect(decided[2]).toMatchObject({
      failure: {
        field: "key",
        error: expect.stringContaining(
          `line 2 has the key "spring" already, for pn_1's link to https://acme.test/a, spelt "SPRING" here (a key`,
        ),
      },
    });
  });

  it("refuses a file without a url column or any column naming the partner, before anything is sent", () => {
    const refusal = (header: string[]) => {
      try {
        planColumns(header, new Map(), LINK_COLUMNS);
      } catch (error) {
        return (error as CliError).message;
      }
      throw new Error("expected a refusal");
    };
    expect(refusal(["email", "url"])).toContain(
      'no column names the partner: a partnerId or tenantId column (columns: "email", "url")',
    );
    expect(refusal(["partnerId", "link"])).toContain(
      'no column holds the url (columns: "partnerId", "link")',
    );
  });
});
