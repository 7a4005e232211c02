// Differential test: the emulator's validation of POST /partners (the contract's createPartnerBody, run on the zod
// the emulator bundles) against Dub's own schema on zod 4.3.5, formatted by zod-error 2.0.0 as the server does.
// Over thousands of generated bodies both must agree on acceptance, on the exact 422 message, and on the output.

import { createPartnerBody } from "@dubkit/contract";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  anyValue,
  edgeEmails,
  linkPropsValue,
  maybeNotObject,
  mostly,
  shuffledRecord,
  text,
} from "./arbitraries.js";
import { serverCreatePartner, serverVerdict } from "./server-schemas.js";
import { assertAgreement, emulatorVerdict } from "./verdicts.js";

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
      { weight: 2, arbitrary: linkPropsValue },
      { weight: 1, arbitrary: fc.constant(undefined) },
    ),
  }),
);

describe("POST /partners validation agrees with Dub's server schema", () => {
  it("accepts and rejects the same bodies, with the same 422 message and the same output", () => {
    const { accepted, rejected } = assertAgreement({
      inputs: body,
      contract: createPartnerBody,
      server: serverCreatePartner,
      numRuns: 3000,
      seed: 20261130,
    });
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
      expect(emulatorVerdict(createPartnerBody, input)).toEqual({ ok: false, message });
    }
  });
});
