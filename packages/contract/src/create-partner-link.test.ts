// createPartnerLinkBody and the destination-URL rule it shares with upsert and linkProps: normalised as the server
// does, refused as `Invalid URL` otherwise (the server's exact 422s are pinned by the emulator's oracle tests).
import { describe, expect, it } from "vitest";
import { safeParseEnglish } from "./english.js";
import { createPartnerLinkBody } from "./operations/create-partner-link.js";
import { urlFromString } from "./server-url.js";

const parse = (body: unknown) => safeParseEnglish(createPartnerLinkBody, body);
const firstIssue = (body: unknown) => {
  const issue = parse(body).error?.issues[0];
  return issue && `${issue.path.join(".")}: ${issue.message}`;
};

describe("urlFromString", () => {
  it("keeps a URL that parses, adds https:// to a host-like text, and leaves anything else", () => {
    expect(urlFromString("https://a.test")).toBe("https://a.test");
    expect(urlFromString("mailto:a@b.co")).toBe("mailto:a@b.co");
    expect(urlFromString("a.test/x")).toBe("https://a.test/x");
    expect(urlFromString("www.Acme.com")).toBe("https://www.acme.com/");
    expect(urlFromString("a b.test")).toBe("a b.test");
    expect(urlFromString("nothing")).toBe("nothing");
  });
});

describe("createPartnerLinkBody", () => {
  it("needs no field (naming the partner is checked by the server) and drops unknown keys", () => {
    expect(parse({ programId: "prog_1" })).toEqual({ success: true, data: {} });
  });

  it("sends the URL normalised, and refuses what is still not a URL", () => {
    expect(parse({ partnerId: "pn_1", url: "a.test/x" }).data).toEqual({
      partnerId: "pn_1",
      url: "https://a.test/x",
    });
    expect(parse({ tenantId: "t", url: null }).data).toEqual({ tenantId: "t", url: null });
    expect(firstIssue({ url: "" })).toBe("url: Invalid URL");
    expect(firstIssue({ url: "not a url" })).toBe("url: Invalid URL");
    expect(firstIssue({ url: `https://a.test/${"x".repeat(32000)}` })).toBe(
      "url: Must be 32000 or fewer characters long.",
    );
  });

  it("bounds the key, and does not take null for it", () => {
    expect(parse({ key: "x".repeat(190) }).success).toBe(true);
    expect(firstIssue({ key: "x".repeat(191) })).toBe(
      "key: Too big: expected string to have <=190 characters",
    );
    expect(firstIssue({ key: null })).toBe("key: Invalid input: expected string, received null");
  });

  it("normalises linkProps' expiry, iOS and Android URLs like the destination", () => {
    expect(parse({ linkProps: { expiredUrl: "a.test", ios: "https://apps.apple.com/x" } }).data).toEqual({
      linkProps: { expiredUrl: "https://a.test/", ios: "https://apps.apple.com/x" },
    });
    expect(firstIssue({ linkProps: { android: "nope" } })).toBe("linkProps.android: Invalid URL");
  });

  it("reports issues in the server's key order", () => {
    expect(
      parse({
        linkProps: null,
        comments: 1,
        key: null,
        url: "",
        tenantId: 1,
        partnerId: 1,
      }).error?.issues.map((issue) => issue.path.join(".")),
    ).toEqual(["partnerId", "tenantId", "url", "key", "comments", "linkProps"]);
  });
});
