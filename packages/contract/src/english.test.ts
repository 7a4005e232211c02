// The contract's English messages are the server's: over generated inputs to every schema, the error map gives the
// same text as the English locale of zod 4.3.5 (the version Dub's server runs), issue for issue. (The emulator's
// oracle tests check the server's schemas the same way.)
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import en from "zod-server/v4/locales/en.js";
import { englishErrors, safeParseEnglish } from "./english.js";
import { enrolledPartner } from "./enrolled-partner.js";
import { link } from "./link.js";
import { approvePartnerApplicationBody } from "./operations/approve-partner-application.js";
import { banPartnerBody } from "./operations/ban-partner.js";
import { createPartnerBody } from "./operations/create-partner.js";
import { createPartnerLinkBody } from "./operations/create-partner-link.js";
import { deactivatePartnerBody } from "./operations/deactivate-partner.js";
import {
  listPartnerApplicationsQuery,
  listPartnerApplicationsResponse,
} from "./operations/list-partner-applications.js";
import { listPartnersQuery, listPartnersResponse } from "./operations/list-partners.js";
import { rejectPartnerApplicationBody } from "./operations/reject-partner-application.js";
import {
  retrievePartnerAnalyticsQuery,
  retrievePartnerAnalyticsResponse,
} from "./operations/retrieve-partner-analytics.js";
import {
  retrievePartnerLinksQuery,
  retrievePartnerLinksResponse,
} from "./operations/retrieve-partner-links.js";
import { upsertPartnerLinkBody } from "./operations/upsert-partner-link.js";
import { partnerIdResult } from "./partner-id-result.js";

// zod 4.3.5's locale is typed against its own zod; the issues it reads have the same shape in later versions.
const zodEnglish = en().localeError as unknown as z.core.$ZodErrorMap;

/** Field names of the schemas under test, so generated objects reach their rules. */
const FIELDS = [
  "email",
  "name",
  "linkProps",
  "testVariants",
  "percentage",
  "url",
  "page",
  "pageSize",
  "status",
  "sortBy",
  "partnerId",
  "tenantId",
  "key",
  "expiredUrl",
  "reason",
  "groupId",
  "rejectionNote",
  "reapplicationTimeframe",
  "flagForFraud",
  "start",
  "end",
  "interval",
  "groupBy",
  "query",
  "includePartnerPlatforms",
  "totalClicksMin",
  "id",
  "clicks",
  "tags",
  "partner",
];

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
    fc.dictionary(fc.constantFrom(...FIELDS), tie("any"), { maxKeys: 6 }),
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
    ["listPartnersResponse", listPartnersResponse],
    ["createPartnerLinkBody", createPartnerLinkBody],
    ["upsertPartnerLinkBody", upsertPartnerLinkBody],
    ["link", link],
    ["retrievePartnerLinksQuery", retrievePartnerLinksQuery],
    ["retrievePartnerLinksResponse", retrievePartnerLinksResponse],
    ["retrievePartnerAnalyticsQuery", retrievePartnerAnalyticsQuery],
    ["retrievePartnerAnalyticsResponse", retrievePartnerAnalyticsResponse],
    ["banPartnerBody", banPartnerBody],
    ["deactivatePartnerBody", deactivatePartnerBody],
    ["partnerIdResult", partnerIdResult],
    ["listPartnerApplicationsQuery", listPartnerApplicationsQuery],
    ["listPartnerApplicationsResponse", listPartnerApplicationsResponse],
    ["approvePartnerApplicationBody", approvePartnerApplicationBody],
    ["rejectPartnerApplicationBody", rejectPartnerApplicationBody],
  ])("gives zod 4.3.5's English messages for every issue %s raises", (_, schema) => {
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

  it("matches zod 4.3.5's wording for every kind of issue", () => {
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
