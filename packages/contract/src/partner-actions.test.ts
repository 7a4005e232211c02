// The bodies of the partner-program actions: ban (a reason, required), deactivate (only the identity), approve
// (partnerId, optional group) and reject (notes bounded then trimmed, the reapplication default).
import { describe, expect, it } from "vitest";
import { safeParseEnglish } from "./english.js";
import { approvePartnerApplicationBody } from "./operations/approve-partner-application.js";
import { banPartnerBody } from "./operations/ban-partner.js";
import { deactivatePartnerBody } from "./operations/deactivate-partner.js";
import { rejectPartnerApplicationBody } from "./operations/reject-partner-application.js";

const firstIssue = (schema: Parameters<typeof safeParseEnglish>[0], body: unknown) => {
  const issue = safeParseEnglish(schema, body).error?.issues[0];
  return issue && `${issue.path.join(".")}: ${issue.message}`;
};

describe("banPartnerBody", () => {
  it("requires a known reason, with the same message whether it is missing or wrong", () => {
    const message =
      'reason: Invalid option: expected one of "tos_violation"|"inappropriate_content"|"fake_traffic"|"fraud"|"spam"|"brand_abuse"';
    expect(firstIssue(banPartnerBody, { partnerId: "pn_1" })).toBe(message);
    expect(firstIssue(banPartnerBody, { partnerId: "pn_1", reason: "Fraud" })).toBe(message);
    expect(
      safeParseEnglish(banPartnerBody, { tenantId: "t", reason: "fraud", flagForFraud: true }).data,
    ).toEqual({
      tenantId: "t",
      reason: "fraud",
    });
  });
});

describe("deactivatePartnerBody", () => {
  it("takes an empty object (naming the partner is the server's check) but not a non-object", () => {
    expect(safeParseEnglish(deactivatePartnerBody, {}).data).toEqual({});
    expect(firstIssue(deactivatePartnerBody, [])).toBe(": Invalid input: expected object, received array");
  });
});

describe("approvePartnerApplicationBody", () => {
  it("requires partnerId and takes a group ID, slug, null or nothing", () => {
    expect(firstIssue(approvePartnerApplicationBody, { groupId: "grp_1" })).toBe(
      "partnerId: Invalid input: expected string, received undefined",
    );
    for (const groupId of ["grp_1", "default", null, undefined])
      expect(safeParseEnglish(approvePartnerApplicationBody, { partnerId: "pn_1", groupId }).success).toBe(
        true,
      );
  });
});

describe("rejectPartnerApplicationBody", () => {
  const parse = (body: object) =>
    safeParseEnglish(rejectPartnerApplicationBody, { partnerId: "pn_1", ...body });

  it("sends the default reapplication timeframe, and notes trimmed (blank ones not at all)", () => {
    expect(parse({ rejectionNote: "  Too vague.  " }).data).toEqual({
      partnerId: "pn_1",
      rejectionNote: "Too vague.",
      reapplicationTimeframe: "standard",
    });
    expect(JSON.stringify(parse({ rejectionNote: "   ", flagForFraudReason: "" }).data)).toBe(
      '{"partnerId":"pn_1","reapplicationTimeframe":"standard"}',
    );
  });

  it("bounds notes before trimming, as the server does, and refuses null", () => {
    expect(
      firstIssue(rejectPartnerApplicationBody, { partnerId: "p", rejectionNote: ` ${"x".repeat(500)}` }),
    ).toBe("rejectionNote: Too big: expected string to have <=500 characters");
    expect(parse({ flagForFraudReason: "x".repeat(2000) }).success).toBe(true);
    expect(firstIssue(rejectPartnerApplicationBody, { partnerId: "p", rejectionNote: null })).toBe(
      "rejectionNote: Invalid input: expected string, received null",
    );
  });

  it("checks the reason, the timeframe and the fraud flag's type", () => {
    expect(
      parse({ rejectionReason: "other", reapplicationTimeframe: "never", flagForFraud: false }).success,
    ).toBe(true);
    expect(
      firstIssue(rejectPartnerApplicationBody, { partnerId: "p", reapplicationTimeframe: "later" }),
    ).toBe('reapplicationTimeframe: Invalid option: expected one of "instant"|"standard"|"never"');
    expect(firstIssue(rejectPartnerApplicationBody, { partnerId: "p", flagForFraud: "true" })).toBe(
      "flagForFraud: Invalid input: expected boolean, received string",
    );
  });
});
