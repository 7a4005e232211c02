// createPartnerBody's field rules as the client applies them before sending (the server's exact 422 messages are
// pinned against Dub's own schema by the emulator's oracle tests).
import { describe, expect, it } from "vitest";
import { safeParseEnglish } from "./english.js";
import { createPartnerBody } from "./operations/create-partner.js";

const ok = { email: "jane@example.com" };
const parse = (body: unknown) => safeParseEnglish(createPartnerBody, body);
const paths = (body: unknown) => parse(body).error?.issues.map((issue) => issue.path.join(".")) ?? [];

describe("createPartnerBody", () => {
  it("requires only email and sends only the known keys", () => {
    expect(parse({ email: "a@b.co", programId: "prog_1", unknown: 1 })).toEqual({
      success: true,
      data: { email: "a@b.co" },
    });
  });

  it("reports issues in the server's key order, whatever the body's order", () => {
    expect(paths({ linkProps: null, description: 1, username: "a b", name: 1, email: 1 })).toEqual([
      "name",
      "email",
      "username",
      "description",
      "linkProps",
    ]);
  });

  it("trims name before bounding it, and sends the trimmed value", () => {
    expect(parse({ ...ok, name: `  ${"x".repeat(100)}  ` }).data).toEqual({ ...ok, name: "x".repeat(100) });
    expect(paths({ ...ok, name: "x".repeat(101) })).toEqual(["name"]);
  });

  it("checks the email's format before trimming, as the server does", () => {
    expect(parse({ email: " a@b.co " }).error?.issues[0]?.message).toBe("Invalid email address");
    expect(parse({ email: "A.B+c@example.co.uk" }).success).toBe(true);
    expect(parse({ email: "a..b@example.com" }).success).toBe(false);
  });

  it("strips one leading ext_ from linkProps.externalId and splits comma-separated tag lists", () => {
    expect(
      parse({ ...ok, linkProps: { externalId: "ext_ext_9", tagNames: "vip,beta", tagIds: ["t1"] } }).data,
    ).toEqual({
      ...ok,
      linkProps: { externalId: "ext_9", tagNames: ["vip", "beta"], tagIds: ["t1"] },
    });
  });

  it("bounds test variants to 2–4 with percentages from 10 to 90", () => {
    const variant = (percentage: number) => ({ url: "https://a.test", percentage });
    expect(paths({ ...ok, linkProps: { testVariants: [variant(50)] } })).toEqual(["linkProps.testVariants"]);
    expect(paths({ ...ok, linkProps: { testVariants: [variant(50), variant(95)] } })).toEqual([
      "linkProps.testVariants.1.percentage",
    ]);
    expect(parse({ ...ok, linkProps: { testVariants: [variant(10), variant(90)] } }).success).toBe(true);
  });

  it("refuses a username that is not URL-friendly", () => {
    for (const username of ["a b", "_private", ".well-known/x", "x.php"]) {
      expect(parse({ ...ok, username }).error?.issues[0]?.message).toBe(
        "Invalid username. Must be a URL-friendly string.",
      );
    }
    for (const username of ["", "_root", "jane-doe", "c/jane", "jöhn"])
      expect(parse({ ...ok, username }).success).toBe(true);
  });
});
