// The contract's English messages are zod's own: over generated inputs to every schema, the error map gives the
// same text as zod's English locale, issue for issue. (The server's version of zod is checked the same way by the
// emulator's oracle tests.)
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import en from "zod/v4/locales/en.js";
import { englishErrors, safeParseEnglish } from "./english.js";
import { enrolledPartner } from "./enrolled-partner.js";
import { createPartnerBody } from "./operations/create-partner.js";
import { listPartnersQuery } from "./operations/list-partners.js";

const zodEnglish = en().localeError;

const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  any: fc.oneof(
    { depthSize: "small" },
    fc.constantFrom<unknown>(
      null,
      undefined,
      true,
      0,
      -1,
      1.5,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      "",
      "x",
      "a@b.co",
      "not an email",
    ),
    fc.string({ maxLength: 120 }),
    fc.integer(),
    fc.array(tie("any"), { maxLength: 5 }),
    fc.dictionary(
      fc.constantFrom("email", "name", "linkProps", "testVariants", "percentage", "url", "page", "status"),
      tie("any"),
      {
        maxKeys: 6,
      },
    ),
  ),
})).any;

const messages = (schema: z.core.$ZodType, input: unknown, error: z.core.$ZodErrorMap) => {
  const result = (schema as unknown as z.ZodMiniType).safeParse(input, { error });
  return result.success
    ? []
    : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
};

describe("englishErrors", () => {
  it.each([
    ["createPartnerBody", createPartnerBody],
    ["listPartnersQuery", listPartnersQuery],
    ["enrolledPartner", enrolledPartner],
  ])("gives zod's English messages for every issue %s raises", (_, schema) => {
    let issues = 0;
    fc.assert(
      fc.property(value, (input) => {
        const ours = messages(schema, input, englishErrors);
        expect(ours).toEqual(messages(schema, input, zodEnglish));
        issues += ours.length;
      }),
      { numRuns: 1500, seed: 7 },
    );
    expect(issues).toBeGreaterThan(1000);
  });

  it("matches zod's wording for every kind of issue", () => {
    const cases: [z.core.$ZodType, unknown][] = [
      [z.string(), 5],
      [z.number(), Number.NaN],
      [z.number(), Number.POSITIVE_INFINITY],
      [z.object({}), new Date()],
      [z.enum(["a"]), "b"],
      [z.enum(["a", "b"]), "c"],
      [z.string().check(z.maxLength(2)), "abc"],
      [z.string().check(z.length(2)), "abc"],
      [z.number().check(z.lt(2)), 3],
      [z.array(z.string()).check(z.minLength(2)), []],
      [z.number().check(z.multipleOf(3)), 4],
      [z.string().check(z.regex(/^a/)), "b"],
      [z.string().check(z.startsWith("x")), "b"],
      [z.url(), "nope"],
      [z.strictObject({}), { a: 1, b: 2 }],
      [z.union([z.string(), z.number()]), true],
      [z.string().check(z.refine(() => false)), "x"],
    ];
    for (const [schema, input] of cases) {
      expect(messages(schema, input, englishErrors)).toEqual(messages(schema, input, zodEnglish));
    }
  });

  it("leaves the app's global zod configuration alone", () => {
    const before = z.config();
    expect(safeParseEnglish(createPartnerBody, { email: "nope" }).error?.issues[0]?.message).toBe(
      "Invalid email address",
    );
    expect(z.config()).toEqual(before);
    expect(createPartnerBody.safeParse({ email: "nope" }).error?.issues[0]?.message).toBe("Invalid input");
  });
});
