// getLinkInfoQuery, its operation and its response: a link read back by domain and key, checked as the server checks
// the query (`domainKeySchema`, with its own messages).
import { describe, expect, it } from "vitest";
import { safeParseEnglish } from "./english.js";
import { getLinkInfoOperation, getLinkInfoQuery, getLinkInfoResponse } from "./operations/get-link-info.js";

function firstIssue(value: unknown): string | undefined {
  const issue = safeParseEnglish(getLinkInfoQuery, value).error?.issues[0];
  return issue && `${issue.code}: ${issue.path.join(".")}: ${issue.message}`;
}

describe("getLinkInfoQuery", () => {
  it("takes a domain and a key and drops anything else", () => {
    expect(
      safeParseEnglish(getLinkInfoQuery, { domain: "refer.acme.test", key: "c/jane", linkId: "link_1" }).data,
    ).toEqual({ domain: "refer.acme.test", key: "c/jane" });
  });

  it("refuses an empty or missing domain or key with the server's messages, domain first", () => {
    expect(firstIssue({ domain: "", key: "" })).toBe("too_small: domain: Domain is required.");
    expect(firstIssue({ domain: "acme.test", key: "" })).toBe("too_small: key: Key is required.");
    expect(firstIssue({ key: "x" })).toBe(
      "invalid_type: domain: Invalid input: expected string, received undefined",
    );
    expect(firstIssue({ domain: "acme.test" })).toBe(
      "invalid_type: key: Invalid input: expected string, received undefined",
    );
  });

  it("refuses a domain that is not a host name with a top-level domain of letters", () => {
    for (const domain of [
      "localhost",
      "https://acme.test",
      "acme.test/x",
      "-a.test",
      "a.t",
      "acme.123",
      "a b.test",
    ])
      expect(firstIssue({ domain, key: "x" }), domain).toBe("custom: domain: Invalid domain format");
    for (const domain of ["acme.test", "go.acme.co.uk", "x-1.ab", "A.TEST"])
      expect(firstIssue({ domain, key: "x" }), domain).toBeUndefined();
  });
});

describe("getLinkInfoOperation", () => {
  it("is a GET of /links/info, retried freely, validated by the query and link schemas", () => {
    expect(getLinkInfoOperation).toMatchObject({ id: "getLinkInfo", method: "GET", path: "/links/info" });
    expect(getLinkInfoOperation.retry ?? "idempotent").toBe("idempotent");
    expect(getLinkInfoOperation.body).toBeUndefined();
    expect(getLinkInfoOperation.query).toBeDefined();
  });
});

describe("getLinkInfoResponse", () => {
  const link = {
    id: "link_1",
    domain: "refer.acme.test",
    key: "jane",
    url: "https://acme.test",
    trackConversion: true,
    externalId: null,
    tenantId: null,
    programId: "prog_1",
    partnerId: "pn_1",
    archived: false,
    expiresAt: null,
    expiredUrl: null,
    disabledAt: null,
    password: null,
    proxy: false,
    title: null,
    description: null,
    image: null,
    video: null,
    rewrite: false,
    doIndex: false,
    ios: null,
    android: null,
    geo: null,
    publicStats: false,
    tags: [{ id: "tag_1", name: "vip", color: "blue" }],
    folderId: null,
    webhookIds: [],
    comments: null,
    shortLink: "https://refer.acme.test/jane",
    qrCode: "https://api.dub.co/qr?url=https://refer.acme.test/jane?qr=1",
    utm_source: null,
    utm_medium: null,
    utm_campaign: null,
    utm_term: null,
    utm_content: null,
    userId: "user_1",
    workspaceId: "ws_1",
    clicks: 0,
    leads: 0,
    conversions: 0,
    sales: 0,
    saleAmount: 0,
    lastClicked: null,
    createdAt: "2026-08-01T00:00:00.000Z",
    updatedAt: "2026-08-01T00:00:00.000Z",
    tagId: "tag_1",
    projectId: "ws_1",
    identifier: null,
    linkRetentionCleanupDisabledAt: null,
  };

  it("reads the full link, and fails a link missing a field", () => {
    expect(getLinkInfoResponse.parse(link)).toEqual(link);
    const { shortLink: _, ...partial } = link;
    expect(getLinkInfoResponse.safeParse(partial).success).toBe(false);
  });
});
