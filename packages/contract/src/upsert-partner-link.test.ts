// upsertPartnerLinkBody: the create-partner-link body with `url` required, in the same key order.
import { describe, expect, it } from "vitest";
import { safeParseEnglish } from "./english.js";
import { upsertPartnerLinkBody } from "./operations/upsert-partner-link.js";

const parse = (body: unknown) => safeParseEnglish(upsertPartnerLinkBody, body);

describe("upsertPartnerLinkBody", () => {
  it("requires a URL, normalised as on create", () => {
    expect(parse({ tenantId: "t" }).error?.issues[0]?.message).toBe(
      "Invalid input: expected string, received undefined",
    );
    expect(parse({ url: null }).error?.issues[0]?.path).toEqual(["url"]);
    expect(parse({ partnerId: "pn_1", url: "a.test" }).data).toEqual({
      partnerId: "pn_1",
      url: "https://a.test/",
    });
  });

  it("keeps url third in the key order, after the partner's identity", () => {
    expect(parse({ key: 1, url: 1, tenantId: 1 }).error?.issues.map((issue) => issue.path[0])).toEqual([
      "tenantId",
      "url",
      "key",
    ]);
  });
});
