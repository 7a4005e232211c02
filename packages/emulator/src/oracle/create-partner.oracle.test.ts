// Differential test: the emulator's validation of POST /partners (the contract's createPartnerBody, run on the zod
// the emulator bundles) against Dub's own schema on zod 4.3.5, formatted by zod-error 2.0.0 as the server does.
// Over thousands of generated bodies both must agree on acceptance, on the exact 422 message, and on the output.

import { createPartnerBody } from "@dubkit/contract";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DubApiError } from "../dub-error.js";
import { parseOrThrow } from "../validation.js";
import { anyValue, edgeEmails, maybeNotObject, shuffledRecord } from "./arbitraries.js";
import { serverCreatePartner, serverVerdict } from "./server-schemas.js";

/** What the emulator answers: the parsed body, or its 422 message. */
function emulatorVerdict(input: unknown): { ok: true; data: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, data: parseOrThrow(createPartnerBody, input) };
  } catch (error) {
    if (error instanceof DubApiError && error.code === "unprocessable_entity")
      return { ok: false, message: error.message };
    throw error;
  }
}

/** Mostly a valid value, sometimes anything. */
const mostly = (valid: fc.Arbitrary<unknown>) =>
  fc.oneof({ weight: 5, arbitrary: valid }, { weight: 1, arbitrary: anyValue });
const text = fc.constantFrom<unknown>("Jane", "  Jane  ", "jane-doe", "", "US", "ext_9", "a,b", null);
const flag = mostly(fc.boolean());

const variant = mostly(
  shuffledRecord({
    url: mostly(fc.constantFrom("https://a.test", "b")),
    percentage: mostly(fc.constantFrom(10, 25, 50, 90, 9, 91, 9.99, 50.5)),
  }),
);
const tagList = mostly(
  fc.oneof(fc.constantFrom("t1", "a,b"), fc.array(fc.constantFrom("t1", "t2", "a,b"), { maxLength: 3 })),
);
const linkProps = maybeNotObject(
  shuffledRecord({
    externalId: mostly(text),
    tenantId: mostly(text),
    prefix: mostly(fc.constantFrom("c", "/c/")),
    archived: flag,
    tagIds: tagList,
    tagNames: tagList,
    comments: mostly(text),
    expiresAt: mostly(text),
    expiredUrl: mostly(text),
    password: mostly(text),
    proxy: flag,
    title: mostly(text),
    description: mostly(text),
    image: mostly(text),
    video: mostly(text),
    rewrite: flag,
    ios: mostly(text),
    android: mostly(text),
    doIndex: flag,
    testVariants: mostly(fc.array(variant, { maxLength: 5 })),
    testStartedAt: mostly(text),
    testCompletedAt: mostly(text),
    url: anyValue,
    domain: anyValue,
  }),
);
const body = maybeNotObject(
  shuffledRecord({
    name: mostly(text),
    email: fc.oneof(
      { weight: 6, arbitrary: fc.constant("jane@example.com") },
      { weight: 3, arbitrary: edgeEmails },
      { weight: 1, arbitrary: anyValue },
    ),
    username: mostly(text),
    image: mostly(text),
    tenantId: mostly(fc.constantFrom("user_1", "")),
    groupId: mostly(fc.constantFrom("grp_1", "default")),
    country: mostly(text),
    description: mostly(text),
    linkProps: fc.oneof(
      { weight: 2, arbitrary: linkProps },
      { weight: 1, arbitrary: fc.constant(undefined) },
    ),
  }),
);

describe("POST /partners validation agrees with Dub's server schema", () => {
  it("accepts and rejects the same bodies, with the same 422 message and the same output", () => {
    let accepted = 0;
    let rejected = 0;
    fc.assert(
      fc.property(body, (input) => {
        const expected = serverVerdict(serverCreatePartner, input);
        expect(emulatorVerdict(input)).toStrictEqual(expected);
        if (expected.ok) accepted++;
        else rejected++;
      }),
      { numRuns: 3000, seed: 20261130 },
    );
    // The corpus must exercise both outcomes, or the agreement proves little.
    expect(accepted).toBeGreaterThan(300);
    expect(rejected).toBeGreaterThan(300);
  });

  it("pins the server's messages for the documented cases (partners-behavior.md §2)", () => {
    const cases: [unknown, string][] = [
      [{}, "invalid_type: email: Invalid input: expected string, received undefined"],
      [{ email: "foo" }, "invalid_format: email: Invalid email address"],
      [{ email: " a@b.co " }, "invalid_format: email: Invalid email address"],
      [
        { email: "a@b.co", username: "invalid username" },
        "custom: username: Invalid username. Must be a URL-friendly string.",
      ],
      [
        { email: "a@b.co", linkProps: { externalId: "" } },
        "too_small: linkProps.externalId: Too small: expected string to have >=1 characters",
      ],
      [null, "invalid_type: : Invalid input: expected object, received null"],
    ];
    for (const [input, message] of cases) {
      expect(serverVerdict(serverCreatePartner, input)).toEqual({ ok: false, message });
      expect(emulatorVerdict(input)).toEqual({ ok: false, message });
    }
  });
});
