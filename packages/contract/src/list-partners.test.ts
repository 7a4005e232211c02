// listPartnersQuery as the client sends it: the server's defaults filled in, list filters comma-joined, numbers
// and booleans typed as such but read from text as the server reads them; and the filter syntax decoder.
import { describe, expect, it } from "vitest";
import { safeParseEnglish } from "./english.js";
import { parseListFilter } from "./list-filter.js";
import { listPartnersQuery, listPartnersResponse } from "./operations/list-partners.js";

const parse = (query: unknown) => safeParseEnglish(listPartnersQuery, query);
const firstIssue = (query: unknown) => {
  const issue = parse(query).error?.issues[0];
  return issue && `${issue.path.join(".")}: ${issue.message}`;
};
const defaults = { sortBy: "totalSaleAmount", sortOrder: "desc", pageSize: 100 };

describe("listPartnersQuery", () => {
  it("sends the server's defaults for sortBy, sortOrder and pageSize, and drops unknown keys", () => {
    expect(parse({ includeExpandedFields: true }).data).toEqual(defaults);
    expect(parse({ pageSize: 10, sortOrder: "asc" }).data).toEqual({
      ...defaults,
      pageSize: 10,
      sortOrder: "asc",
    });
  });

  it("accepts the legacy sortBy values and sends them as given (the server maps them)", () => {
    for (const sortBy of ["clicks", "leads", "conversions", "sales", "saleAmount", "totalSales"])
      expect(parse({ sortBy }).data).toEqual({ ...defaults, sortBy });
    expect(firstIssue({ sortBy: "name" })).toBe("sortBy: Invalid input");
  });

  it("sends a list filter given as an array as one comma-joined value, and a string as given", () => {
    expect(parse({ groupId: ["grp_1", "grp_2"], country: "-US,BR", partnerIds: ["pn_1"] }).data).toEqual({
      ...defaults,
      groupId: "grp_1,grp_2",
      country: "-US,BR",
      partnerIds: "pn_1",
    });
  });

  it("takes numbers and booleans from a caller, and their text from a query string", () => {
    expect(parse({ includePartnerPlatforms: true, totalClicksMin: 5 }).data).toMatchObject({
      includePartnerPlatforms: true,
      totalClicksMin: 5,
    });
    expect(parse({ includePartnerPlatforms: "false", totalClicksMin: "5", page: "2" }).data).toMatchObject({
      includePartnerPlatforms: false,
      totalClicksMin: 5,
      page: 2,
    });
    expect(parse({ includePartnerPlatforms: "TRUE" }).data?.includePartnerPlatforms).toBe(true);
    expect(firstIssue({ includePartnerPlatforms: "1" })).toBe(
      'includePartnerPlatforms: Invalid option: expected one of "true"|"false"',
    );
    expect(firstIssue({ totalSaleAmountMax: -1 })).toBe(
      "totalSaleAmountMax: Too small: expected number to be >=0",
    );
    expect(firstIssue({ totalLeadsMin: 1.5 })).toBe(
      "totalLeadsMin: Invalid input: expected int, received number",
    );
  });

  it("reports the server's first failing key: status, sortBy, sortOrder, page, pageSize, then the rest", () => {
    const bad = { totalClicksMin: -1, pageSize: 101, page: 0, sortOrder: "up", sortBy: "x", status: "gone" };
    expect(parse(bad).error?.issues.map((issue) => issue.path.join("."))).toEqual([
      "status",
      "sortBy",
      "sortOrder",
      "page",
      "pageSize",
      "totalClicksMin",
    ]);
    expect(firstIssue({ pageSize: 101 })).toBe("pageSize: Max page size is 100.");
  });
});

describe("listPartnersResponse", () => {
  const partner = {
    id: "pn_1",
    name: "Jane",
    username: null,
    email: "jane@example.com",
    image: null,
    country: null,
    companyName: null,
    networkStatus: "approved",
    defaultPayoutMethod: "tremendous",
    paypalEmail: null,
    stripeConnectId: null,
    payoutsEnabledAt: null,
    identityVerifiedAt: null,
    programId: "prog_1",
    partnerId: "pn_1",
    tenantId: null,
    createdAt: "2026-08-01T00:00:00.000Z",
    status: "approved",
    links: [],
    totalCommissions: 0,
    totalClicks: 3,
    totalLeads: 0,
    totalConversions: 0,
    totalSales: 0,
    totalSaleAmount: 0,
    netRevenue: 0,
    tags: [{ id: "tag_1", name: "vip" }],
    clicks: 3,
    platforms: [
      {
        type: "youtube",
        identifier: "jane",
        verifiedAt: null,
        platformId: null,
        subscribers: "12",
        posts: 1,
        views: 2,
      },
    ],
    aFieldFromTheFuture: 1,
  };

  it("reads tags, the deprecated copies, platforms and unknown fields", () => {
    expect(listPartnersResponse.parse([partner])).toEqual([partner]);
  });

  it("reads a partner listed without tags as having none, and still requires the documented fields", () => {
    const { tags: _, ...untagged } = partner;
    expect(listPartnersResponse.parse([untagged, untagged]).map((item) => item.tags)).toEqual([[], []]);
    const { totalClicks: __, ...incomplete } = partner;
    expect(listPartnersResponse.safeParse([incomplete]).success).toBe(false);
  });
});

describe("parseListFilter", () => {
  it("decodes values, exclusion, and the values that mean no filter, as the server does", () => {
    expect(parseListFilter("US")).toEqual({ exclude: false, values: ["US"] });
    expect(parseListFilter("US,,BR")).toEqual({ exclude: false, values: ["US", "BR"] });
    expect(parseListFilter("-grp_1,grp_2")).toEqual({ exclude: true, values: ["grp_1", "grp_2"] });
    for (const none of [undefined, "", "-", ",", "-,"]) expect(parseListFilter(none)).toBeUndefined();
  });
});
