import { safeParse } from "@dubkit/core/schema";
import { describe, expect, it } from "vitest";
import { enrolledPartnerBody } from "../testing/fixture-server.js";
import { enrolledPartner } from "./enrolled-partner.js";

// The OpenAPI 201 schema's `required` list for POST /partners (June 2026 spec).
const REQUIRED = [
  "id",
  "name",
  "username",
  "email",
  "image",
  "country",
  "companyName",
  "networkStatus",
  "defaultPayoutMethod",
  "paypalEmail",
  "stripeConnectId",
  "payoutsEnabledAt",
  "identityVerifiedAt",
  "programId",
  "partnerId",
  "tenantId",
  "createdAt",
  "status",
  "links",
  "totalCommissions",
  "totalClicks",
  "totalLeads",
  "totalConversions",
  "totalSales",
  "totalSaleAmount",
  "netRevenue",
] as const;

/** A freshly created partner, as partners-behavior §4 describes the server's 201 body. */
const freshPartner = () => enrolledPartnerBody({ country: "US", saleRewardId: "rw_1" });

const pathsOf = (value: unknown) => {
  const result = safeParse(enrolledPartner, value);
  return result.success ? [] : result.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};

describe("enrolledPartner", () => {
  it("accepts a full 201 body and returns it unchanged", () => {
    const body = freshPartner();
    expect(safeParse(enrolledPartner, body)).toEqual({ success: true, data: body });
  });

  it("accepts a body with only the OpenAPI-required fields", () => {
    const body = freshPartner();
    const minimal = Object.fromEntries(REQUIRED.map((key) => [key, body[key]]));
    expect(safeParse(enrolledPartner, minimal)).toEqual({ success: true, data: minimal });
  });

  it.each(REQUIRED)("rejects a body without %s, naming it", (key) => {
    const body = freshPartner();
    delete body[key];
    const issues = pathsOf(body);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(new RegExp(`^${key}: Invalid input: expected \\w+, received undefined$`));
  });

  it("keeps fields it does not know", () => {
    const result = safeParse(enrolledPartner, { ...freshPartner(), loyaltyTier: "gold" });
    expect(result.success && result.data.loyaltyTier).toBe("gold");
  });

  it("accepts enum values it does not know yet", () => {
    const body = {
      ...freshPartner(),
      status: "paused",
      networkStatus: "verified",
      defaultPayoutMethod: "crypto",
    };
    expect(safeParse(enrolledPartner, body).success).toBe(true);
  });

  it("rejects a wrong type with the path named", () => {
    expect(pathsOf({ ...freshPartner(), totalClicks: "0" })).toEqual([
      "totalClicks: Invalid input: expected number, received string",
    ]);
    expect(pathsOf({ ...freshPartner(), status: null })).toEqual([
      "status: Invalid input: expected string, received null",
    ]);
  });

  it("checks each link's required fields and keeps its extra ones", () => {
    const body = freshPartner();
    const [link] = body.links as Record<string, unknown>[];
    expect(pathsOf({ ...body, links: [{ ...link, clicks: undefined }] })).toEqual([
      "links.0.clicks: Invalid input: expected number, received undefined",
    ]);
    const result = safeParse(enrolledPartner, { ...body, links: [{ ...link, qrCode: "https://x.test/qr" }] });
    expect(result.success && result.data.links?.[0]?.qrCode).toBe("https://x.test/qr");
  });

  it("accepts links as null, as the OpenAPI schema allows", () => {
    expect(safeParse(enrolledPartner, { ...freshPartner(), links: null }).success).toBe(true);
  });

  it("validates the optional nested objects when present", () => {
    const body = freshPartner();
    expect(safeParse(enrolledPartner, { ...body, tags: [{ id: "tag_1", name: "VIP" }] }).success).toBe(true);
    expect(pathsOf({ ...body, tags: [{ id: "tag_1" }] })).toEqual([
      "tags.0.name: Invalid input: expected string, received undefined",
    ]);
    const application = { rejectionReason: "other", rejectionNote: null, reviewedAt: null };
    expect(
      safeParse(enrolledPartner, { ...body, application, referralFormData: { fields: [{}] } }).success,
    ).toBe(true);
  });

  it("rejects a body that is not an object", () => {
    expect(pathsOf(null)).toEqual([": Invalid input: expected object, received null"]);
  });
});
