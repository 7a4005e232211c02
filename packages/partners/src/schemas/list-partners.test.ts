import { safeParse } from "@dubkit/core/schema";
import { describe, expect, it } from "vitest";
import { listPartnersQuery, listPartnersResponse } from "./list-partners.js";

const messagesOf = (schema: typeof listPartnersQuery | typeof listPartnersResponse, value: unknown) => {
  const result = safeParse(schema, value);
  return result.success ? [] : result.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};

describe("listPartnersQuery", () => {
  it("accepts an empty query and a full one", () => {
    expect(safeParse(listPartnersQuery, {})).toEqual({ success: true, data: {} });
    const full = {
      groupId: "grp_1",
      status: "approved",
      country: "US",
      sortBy: "totalSaleAmount",
      sortOrder: "asc",
      email: "a@b.co",
      tenantId: "t1",
      search: "jane",
      page: 2,
      pageSize: 100,
    };
    expect(safeParse(listPartnersQuery, full)).toEqual({ success: true, data: full });
  });

  it("accepts only the documented statuses, sort fields and orders, as the server does", () => {
    expect(messagesOf(listPartnersQuery, { status: "paused" })[0]).toMatch(
      /^status: Invalid option: expected one of "pending"\|/,
    );
    expect(messagesOf(listPartnersQuery, { sortOrder: "up" })).toEqual([
      'sortOrder: Invalid option: expected one of "asc"|"desc"',
    ]);
    expect(messagesOf(listPartnersQuery, { sortBy: "name" })[0]).toMatch(
      /^sortBy: Invalid option: expected one of "createdAt"\|/,
    );
  });

  it("requires a positive page and a page size from 1 to 100", () => {
    expect(messagesOf(listPartnersQuery, { page: 0, pageSize: 101 })).toEqual([
      "page: Too small: expected number to be >0",
      "pageSize: Too big: expected number to be <=100",
    ]);
    expect(messagesOf(listPartnersQuery, { pageSize: "10" })).toEqual([
      "pageSize: Invalid input: expected number, received string",
    ]);
  });
});

describe("listPartnersResponse", () => {
  it("is an array of partners, each checked with its index in the path", () => {
    expect(safeParse(listPartnersResponse, [])).toEqual({ success: true, data: [] });
    expect(messagesOf(listPartnersResponse, [{}])[0]).toBe(
      "0.id: Invalid input: expected string, received undefined",
    );
    expect(messagesOf(listPartnersResponse, {})).toEqual([
      ": Invalid input: expected array, received object",
    ]);
  });
});
