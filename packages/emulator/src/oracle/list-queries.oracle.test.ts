// Differential tests: the emulator's validation of the GET /partners and GET /partners/applications queries (the
// contract's schemas on zod 4.3.5) against Dub's own schemas, over query strings as the server reads them
// (`Record<string, string>`): acceptance, the 422 message of the first failing key, and the parsed output.

import { listPartnerApplicationsQuery, listPartnersQuery } from "@dubkit/contract";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { queryRecord, queryText } from "./arbitraries.js";
import { serverListPartnerApplications, serverListPartners, serverVerdict } from "./server-schemas.js";
import { assertAgreement, emulatorVerdict } from "./verdicts.js";

const mostlyValid = (valid: fc.Arbitrary<string>) =>
  fc.oneof({ weight: 4, arbitrary: valid }, { weight: 1, arbitrary: queryText });
const pageNumber = mostlyValid(fc.constantFrom("1", "2", "10", "100"));
const count = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom("0", "5", "250") },
  { weight: 1, arbitrary: queryText },
);
const words = fc.constantFrom(
  "",
  "grp_1",
  "grp_1,grp_2",
  "-grp_1",
  "-",
  ",",
  "US",
  "US,BR",
  "-US,BR",
  "a,,b",
);

const listPartners = queryRecord({
  groupId: words,
  status: mostlyValid(fc.constantFrom("approved", "pending", "banned")),
  country: words,
  sortBy: mostlyValid(
    fc.constantFrom("createdAt", "totalSaleAmount", "netRevenue", "sales", "clicks", "totalSales"),
  ),
  sortOrder: mostlyValid(fc.constantFrom("asc", "desc")),
  email: fc.constantFrom("", "a@b.co"),
  tenantId: fc.constantFrom("", "user_1"),
  search: fc.constantFrom("", "jane", "pn_1", "a@b.co"),
  page: pageNumber,
  pageSize: pageNumber,
  partnerIds: words,
  partnerTagId: words,
  referredByPartnerId: fc.constantFrom("", "pn_1"),
  includePartnerPlatforms: mostlyValid(fc.constantFrom("true", "false")),
  totalClicksMin: count,
  totalClicksMax: count,
  totalLeadsMin: count,
  totalLeadsMax: count,
  totalConversionsMin: count,
  totalConversionsMax: count,
  totalSaleAmountMin: count,
  totalSaleAmountMax: count,
  totalCommissionsMin: count,
  totalCommissionsMax: count,
});

/**
 * The client cannot send arrays (the server keeps the last of repeated keys), so the contract passes `partnerIds`
 * and `partnerTagId` on as the text sent, where the server's schema splits it at commas; the emulator splits them.
 */
function splitLists(data: unknown): unknown {
  const query = { ...(data as Record<string, unknown>) };
  for (const key of ["partnerIds", "partnerTagId"]) {
    const value = query[key];
    if (typeof value === "string") query[key] = value.split(",");
  }
  return query;
}

function pin(contract: Parameters<typeof emulatorVerdict>[0], server: Parameters<typeof serverVerdict>[0]) {
  return (input: Record<string, string>, message: string) => {
    expect(serverVerdict(server, input)).toEqual({ ok: false, message });
    expect(emulatorVerdict(contract, input)).toEqual({ ok: false, message });
  };
}

describe("GET /partners query validation agrees with Dub's server schema", () => {
  it("accepts and rejects the same queries, with the same first 422 message and the same output", () => {
    const { accepted, rejected } = assertAgreement({
      inputs: listPartners,
      contract: listPartnersQuery,
      server: serverListPartners,
      normalise: splitLists,
      numRuns: 4000,
      seed: 20261209,
    });
    expect(accepted).toBeGreaterThan(300);
    expect(rejected).toBeGreaterThan(300);
  });

  it("fills in the server's defaults and keeps list filters as sent", () => {
    const expected = {
      ok: true,
      data: { groupId: "-grp_1,grp_2", sortBy: "totalSaleAmount", sortOrder: "desc", pageSize: 100 },
    };
    expect(serverVerdict(serverListPartners, { groupId: "-grp_1,grp_2" })).toEqual(expected);
    expect(emulatorVerdict(listPartnersQuery, { groupId: "-grp_1,grp_2" })).toEqual(expected);
  });

  it("pins the server's messages (partners-program-behavior.md §3.5), in its key order", () => {
    const check = pin(listPartnersQuery, serverListPartners);
    const statuses = '"pending"|"approved"|"rejected"|"invited"|"declined"|"deactivated"|"banned"|"archived"';
    check({ status: "" }, `invalid_value: status: Invalid option: expected one of ${statuses}`);
    check(
      { status: "gone", sortBy: "x", page: "0" },
      `invalid_value: status: Invalid option: expected one of ${statuses}`,
    );
    check({ sortBy: "name", sortOrder: "up" }, "invalid_union: sortBy: Invalid input");
    check(
      { sortOrder: "up", page: "0" },
      'invalid_value: sortOrder: Invalid option: expected one of "asc"|"desc"',
    );
    check({ page: "abc" }, "invalid_type: page: Page must be a number.");
    check({ page: "1.5" }, "invalid_type: page: Page must be an integer.");
    check({ page: "0" }, "too_small: page: Page must be greater than 0.");
    check({ page: "-1" }, "too_small: page: Page must be greater than 0.");
    check({ page: "" }, "too_small: page: Page must be greater than 0.");
    check({ pageSize: "abc" }, "invalid_type: pageSize: Page size must be a number.");
    check({ pageSize: "2.5" }, "invalid_type: pageSize: Page size must be an integer.");
    check({ pageSize: "0" }, "too_small: pageSize: Page size must be greater than 0.");
    check({ pageSize: "101" }, "too_big: pageSize: Max page size is 100.");
    check(
      { includePartnerPlatforms: "1", totalClicksMin: "-1" },
      'invalid_value: includePartnerPlatforms: Invalid option: expected one of "true"|"false"',
    );
    check({ totalClicksMin: "-1" }, "too_small: totalClicksMin: Too small: expected number to be >=0");
    check(
      { totalCommissionsMax: "-5" },
      "too_small: totalCommissionsMax: Too small: expected number to be >=0",
    );
  });
});

describe("GET /partners/applications query validation agrees with Dub's server schema", () => {
  const page = fc.oneof(fc.constantFrom("1", "3", "100"), queryText);
  const query = queryRecord({ country: words, groupId: words, page, pageSize: page });

  it("accepts and rejects the same queries, with the same first 422 message and the same output", () => {
    const { accepted, rejected } = assertAgreement({
      inputs: query,
      contract: listPartnerApplicationsQuery,
      server: serverListPartnerApplications,
      numRuns: 2000,
      seed: 20261210,
    });
    expect(accepted).toBeGreaterThan(300);
    expect(rejected).toBeGreaterThan(300);
  });

  it("pins the server's messages (§10.2)", () => {
    const check = pin(listPartnerApplicationsQuery, serverListPartnerApplications);
    check({ page: "abc" }, "invalid_type: page: Page must be a number.");
    check({ pageSize: "101", page: "1" }, "too_big: pageSize: Max page size is 100.");
  });
});
