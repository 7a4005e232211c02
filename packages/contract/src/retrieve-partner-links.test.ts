// retrievePartnerLinksQuery and its response: which partner, and the partner's links with their stats.
import { describe, expect, it } from "vitest";
import { safeParseEnglish } from "./english.js";
import {
  retrievePartnerLinksQuery,
  retrievePartnerLinksResponse,
} from "./operations/retrieve-partner-links.js";

describe("retrievePartnerLinksQuery", () => {
  it("takes partnerId or tenantId (null is not sent), and drops anything else", () => {
    expect(
      safeParseEnglish(retrievePartnerLinksQuery, { partnerId: "pn_1", tenantId: null, x: 1 }).data,
    ).toEqual({
      partnerId: "pn_1",
      tenantId: null,
    });
    expect(safeParseEnglish(retrievePartnerLinksQuery, { partnerId: 5 }).error?.issues[0]?.path).toEqual([
      "partnerId",
    ]);
  });
});

describe("retrievePartnerLinksResponse", () => {
  it("requires every stat of each link and keeps unknown fields", () => {
    const item = {
      id: "link_1",
      domain: "a.test",
      key: "jane",
      shortLink: "https://a.test/jane",
      url: "https://acme.com",
      clicks: 1,
      leads: 0,
      conversions: 0,
      sales: 0,
      saleAmount: 0,
      future: true,
    };
    expect(retrievePartnerLinksResponse.parse([item])).toEqual([item]);
    const { saleAmount: _, ...partial } = item;
    expect(retrievePartnerLinksResponse.safeParse([partial]).success).toBe(false);
  });
});
