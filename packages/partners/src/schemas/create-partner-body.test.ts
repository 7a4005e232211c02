import { formatIssuePath } from "@dubkit/core";
import { safeParse } from "@dubkit/core/schema";
import { describe, expect, it } from "vitest";
import { createPartnerBody } from "./create-partner-body.js";

/** The server's 422 message: `<code>: <path>: <message>` of the first issue (zod-error, maxErrors 1). */
function serverMessage(body: unknown): string | undefined {
  const result = safeParse(createPartnerBody, body);
  if (result.success) return undefined;
  const [first] = result.issues;
  return first && `${first.code}: ${formatIssuePath(first.path)}: ${first.message}`;
}

const ok = { email: "jane@example.com" };

describe("createPartnerBody reproduces the server's 422 messages (partners-behavior §2)", () => {
  it.each([
    [{}, "invalid_type: email: Invalid input: expected string, received undefined"],
    [{ email: "foo" }, "invalid_format: email: Invalid email address"],
    [{ email: 5 }, "invalid_type: email: Invalid input: expected string, received number"],
    [
      { email: `${"x".repeat(180)}@example.com` },
      "too_big: email: Too big: expected string to have <=190 characters",
    ],
    [{ ...ok, name: "x".repeat(101) }, "too_big: name: Too big: expected string to have <=100 characters"],
    [
      { ...ok, username: "invalid username" },
      "custom: username: Invalid username. Must be a URL-friendly string.",
    ],
    [
      { ...ok, description: "x".repeat(5001) },
      "too_big: description: Too big: expected string to have <=5000 characters",
    ],
    [
      { ...ok, linkProps: { externalId: "" } },
      "too_small: linkProps.externalId: Too small: expected string to have >=1 characters",
    ],
    [
      { ...ok, linkProps: { archived: "yes" } },
      "invalid_type: linkProps.archived: Invalid input: expected boolean, received string",
    ],
    [null, "invalid_type: : Invalid input: expected object, received null"],
    [[], "invalid_type: : Invalid input: expected object, received array"],
    ["x", "invalid_type: : Invalid input: expected object, received string"],
  ])("%j → %s", (body, message) => {
    expect(serverMessage(body)).toBe(message);
  });
});

describe("createPartnerBody field rules", () => {
  it("requires only email and sends only the known keys", () => {
    expect(safeParse(createPartnerBody, { email: "a@b.co", programId: "prog_1", unknown: 1 })).toEqual({
      success: true,
      data: { email: "a@b.co" },
    });
  });

  it("reports issues in the server's key order, whatever the body's order", () => {
    const body = { linkProps: null, description: 1, username: "a b", name: 1, email: 1 };
    const result = safeParse(createPartnerBody, body);
    expect(result.success ? [] : result.issues.map((i) => i.path.join("."))).toEqual([
      "name",
      "email",
      "username",
      "description",
      "linkProps",
    ]);
  });

  it("trims name before bounding it, and sends the trimmed value", () => {
    expect(safeParse(createPartnerBody, { ...ok, name: `  ${"x".repeat(100)}  ` })).toEqual({
      success: true,
      data: { name: "x".repeat(100), ...ok },
    });
    expect(safeParse(createPartnerBody, { ...ok, name: null })).toEqual({
      success: true,
      data: { name: null, ...ok },
    });
  });

  it("checks the email format before trimming, so surrounding spaces are rejected", () => {
    expect(serverMessage({ email: " a@b.co " })).toBe("invalid_format: email: Invalid email address");
    expect(serverMessage({ email: "a@b.co " })).toBe("invalid_format: email: Invalid email address");
  });

  it("keeps the email's case", () => {
    expect(safeParse(createPartnerBody, { email: "Jane@Example.COM" })).toEqual({
      success: true,
      data: { email: "Jane@Example.COM" },
    });
  });

  it("counts length in UTF-16 units, as the server's zod 4.3.5 does", () => {
    expect(serverMessage({ ...ok, name: "😀".repeat(51) })).toBe(
      "too_big: name: Too big: expected string to have <=100 characters",
    );
    expect(serverMessage({ ...ok, name: "😀".repeat(50) })).toBeUndefined();
  });

  it.each([
    ["jane", true],
    ["jane-doe_2/c", true],
    ["jöhn.müller", true],
    ["😀party", true],
    ["", true],
    ["_root", true],
    ["invalid username", false],
    ["_private", false],
    [".well-known/x", false],
    ["index.php", false],
    ["shell.php7", false],
    ["a?b", false],
  ])("username %j accepted: %s", (username, accepted) => {
    expect(serverMessage({ ...ok, username })).toBe(
      accepted ? undefined : "custom: username: Invalid username. Must be a URL-friendly string.",
    );
  });

  it("bounds username at 100 characters and still checks its characters", () => {
    const result = safeParse(createPartnerBody, { ...ok, username: `a ${"x".repeat(100)}` });
    expect(result.success ? [] : result.issues.map((i) => i.code)).toEqual(["too_big", "custom"]);
  });

  it("accepts null for nullish fields but not for tenantId, groupId or linkProps", () => {
    const nulls = { ...ok, name: null, username: null, image: null, country: null, description: null };
    expect(safeParse(createPartnerBody, nulls).success).toBe(true);
    expect(serverMessage({ ...ok, tenantId: null })).toBe(
      "invalid_type: tenantId: Invalid input: expected string, received null",
    );
    expect(serverMessage({ ...ok, groupId: null })).toBe(
      "invalid_type: groupId: Invalid input: expected string, received null",
    );
    expect(serverMessage({ ...ok, linkProps: null })).toBe(
      "invalid_type: linkProps: Invalid input: expected object, received null",
    );
  });

  it("does not validate country", () => {
    expect(safeParse(createPartnerBody, { ...ok, country: "Germany" })).toEqual({
      success: true,
      data: { ...ok, country: "Germany" },
    });
  });

  it("takes any string as image", () => {
    expect(safeParse(createPartnerBody, { ...ok, image: "not a url" }).success).toBe(true);
  });
});

describe("createPartnerBody linkProps", () => {
  const withLinkProps = (linkProps: unknown) => safeParse(createPartnerBody, { ...ok, linkProps });

  it("strips a leading ext_ from externalId after checking its length", () => {
    expect(withLinkProps({ externalId: "ext_123" })).toEqual({
      success: true,
      data: { ...ok, linkProps: { externalId: "123" } },
    });
    expect(withLinkProps({ externalId: "ext_" })).toEqual({
      success: true,
      data: { ...ok, linkProps: { externalId: "" } },
    });
    expect(serverMessage({ ...ok, linkProps: { externalId: "x".repeat(256) } })).toBe(
      "too_big: linkProps.externalId: Too big: expected string to have <=255 characters",
    );
  });

  it("splits a comma-separated tag string and keeps a list as it is", () => {
    expect(withLinkProps({ tagIds: "t1,t2", tagNames: ["a,b"] })).toEqual({
      success: true,
      data: { ...ok, linkProps: { tagIds: ["t1", "t2"], tagNames: ["a,b"] } },
    });
    expect(serverMessage({ ...ok, linkProps: { tagIds: ["t1", 2] } })).toBe(
      "invalid_union: linkProps.tagIds: Invalid input",
    );
  });

  it("drops the link fields the server omits (url, domain, key, programId, utm_*...)", () => {
    expect(
      withLinkProps({
        url: "https://x.test",
        domain: "x.test",
        key: "k",
        programId: "p",
        utm_source: "s",
        prefix: "/c/",
      }),
    ).toEqual({ success: true, data: { ...ok, linkProps: { prefix: "/c/" } } });
  });

  it("bounds URL fields at 32000 characters with the server's message, without requiring a URL", () => {
    expect(withLinkProps({ expiredUrl: "example.com", ios: null }).success).toBe(true);
    expect(serverMessage({ ...ok, linkProps: { android: "x".repeat(32001) } })).toBe(
      "too_big: linkProps.android: Must be 32000 or fewer characters long.",
    );
  });

  it("requires 2 to 4 test variants with a percentage from 10 to 90", () => {
    const variant = { url: "https://a.test", percentage: 50 };
    expect(withLinkProps({ testVariants: [variant, variant] }).success).toBe(true);
    expect(withLinkProps({ testVariants: null }).success).toBe(true);
    expect(serverMessage({ ...ok, linkProps: { testVariants: [variant] } })).toBe(
      "too_small: linkProps.testVariants: Too small: expected array to have >=2 items",
    );
    expect(
      serverMessage({ ...ok, linkProps: { testVariants: [variant, { url: "u", percentage: 91 }] } }),
    ).toBe("too_big: linkProps.testVariants[1].percentage: Too big: expected number to be <=90");
    expect(
      serverMessage({ ...ok, linkProps: { testVariants: [{ url: "u", percentage: 9 }, variant] } }),
    ).toBe("too_small: linkProps.testVariants[0].percentage: Too small: expected number to be >=10");
  });

  it("checks every item of an oversized variant list before its size, as zod 4.3.5 does", () => {
    const variant = { url: "https://a.test", percentage: 50 };
    const result = safeParse(createPartnerBody, {
      ...ok,
      linkProps: { testVariants: [{ url: 1, percentage: 50 }, variant, variant, variant, variant] },
    });
    expect(result.success ? [] : result.issues.map((i) => formatIssuePath(i.path))).toEqual([
      "linkProps.testVariants[0].url",
      "linkProps.testVariants",
    ]);
  });

  it("types the boolean flags", () => {
    expect(withLinkProps({ archived: true, proxy: false, rewrite: true, doIndex: false }).success).toBe(true);
    for (const key of ["proxy", "rewrite", "doIndex"]) {
      expect(serverMessage({ ...ok, linkProps: { [key]: "true" } })).toBe(
        `invalid_type: linkProps.${key}: Invalid input: expected boolean, received string`,
      );
    }
  });
});
