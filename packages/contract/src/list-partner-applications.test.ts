// listPartnerApplicationsQuery (plain filters, the server's page size) and the application it lists.
import { describe, expect, it } from "vitest";
import { safeParseEnglish } from "./english.js";
import {
  listPartnerApplicationsQuery,
  listPartnerApplicationsResponse,
} from "./operations/list-partner-applications.js";

describe("listPartnerApplicationsQuery", () => {
  it("sends the server's default page size and the filters as given (no list syntax here)", () => {
    expect(
      safeParseEnglish(listPartnerApplicationsQuery, { country: "US,BR", status: "pending" }).data,
    ).toEqual({
      country: "US,BR",
      pageSize: 100,
    });
  });

  it("checks page and pageSize with the server's messages", () => {
    expect(safeParseEnglish(listPartnerApplicationsQuery, { page: 0 }).error?.issues[0]?.message).toBe(
      "Page must be greater than 0.",
    );
    expect(safeParseEnglish(listPartnerApplicationsQuery, { pageSize: 101 }).error?.issues[0]?.message).toBe(
      "Max page size is 100.",
    );
  });
});

describe("listPartnerApplicationsResponse", () => {
  it("reads an application with its applicant and answers", () => {
    const application = {
      id: "pga_1",
      createdAt: "2026-08-01T00:00:00.000Z",
      partner: {
        id: "pn_1",
        name: "Jane",
        companyName: null,
        email: "jane@example.com",
        image: null,
        country: "US",
        status: "pending",
        website: "https://jane.test",
      },
      applicationFormData: [{ label: "Why?", value: null }],
    };
    expect(listPartnerApplicationsResponse.parse([application])).toEqual([application]);
    expect(
      listPartnerApplicationsResponse.safeParse([{ ...application, partner: { id: "pn_1" } }]).success,
    ).toBe(false);
  });
});
