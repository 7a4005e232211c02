import { describe, expect, it } from "vitest";
import { rowToRequest, unknownColumns } from "./row-mapping.js";

describe("rowToRequest", () => {
  it("matches column names loosely and leaves empty CSV cells out", () => {
    const mapped = rowToRequest(
      { Email: "a@x.co", "Tenant ID": "t1", group_id: "grp_1", name: "", country: "DE", extra: "x" },
      "csv",
    );
    expect(mapped).toEqual({ body: { email: "a@x.co", tenantId: "t1", groupId: "grp_1", country: "DE" } });
  });

  it("folds link_props.* columns into linkProps, converting booleans and JSON props", () => {
    const mapped = rowToRequest(
      {
        email: "a@x.co",
        "link_props.external_id": "42",
        "link_props.archived": "false",
        "linkProps.testVariants": '[{"url":"https://a.test","percentage":50}]',
        "link_props.tag_names": "vip,eu",
      },
      "csv",
    );
    expect(mapped).toEqual({
      body: {
        email: "a@x.co",
        linkProps: {
          externalId: "42",
          archived: false,
          testVariants: [{ url: "https://a.test", percentage: 50 }],
          tagNames: "vip,eu",
        },
      },
    });
  });

  it("parses a JSON link_props column and lets dotted columns refine it", () => {
    const mapped = rowToRequest(
      { email: "a@x.co", link_props: '{"externalId":"1","title":"T"}', "link_props.title": "U" },
      "csv",
    );
    expect(mapped).toEqual({ body: { email: "a@x.co", linkProps: { externalId: "1", title: "U" } } });
  });

  it("names the column when a JSON cell cannot be parsed", () => {
    expect(rowToRequest({ email: "a@x.co", link_props: "{nope" }, "csv")).toMatchObject({
      field: "linkProps",
      error: expect.stringContaining("not valid JSON"),
    });
  });

  it("keeps JSONL values as they are, nulls and empty strings included", () => {
    const mapped = rowToRequest(
      { email: "a@x.co", name: null, tenant_id: "", linkProps: { proxy: true } },
      "jsonl",
    );
    expect(mapped).toEqual({
      body: { email: "a@x.co", name: null, tenantId: "", linkProps: { proxy: true } },
    });
  });
});

describe("unknownColumns", () => {
  it("lists the columns that map to no field", () => {
    expect(unknownColumns(["email", "first_name", "link_props.nope", "link_props.title"])).toEqual([
      "first_name",
      "link_props.nope",
    ]);
  });
});
