// Differential tests: the emulator's validation of POST /partners/ban, /partners/deactivate,
// /partners/applications/approve and /partners/applications/reject (the contract's schemas on zod 4.3.5) against
// Dub's own schemas, 422 message and output alike.

import {
  approvePartnerApplicationBody,
  banPartnerBody,
  deactivatePartnerBody,
  rejectPartnerApplicationBody,
} from "@dubkit/contract";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { anyValue, flag, maybeNotObject, mostly, partnerIds, shuffledRecord } from "./arbitraries.js";
import {
  serverApprovePartner,
  serverBanPartner,
  serverPartnerIdTenantId,
  serverRejectPartner,
  serverVerdict,
} from "./server-schemas.js";
import { assertAgreement, emulatorVerdict } from "./verdicts.js";

function pin(contract: Parameters<typeof emulatorVerdict>[0], server: Parameters<typeof serverVerdict>[0]) {
  return (input: unknown, message: string) => {
    expect(serverVerdict(server, input)).toEqual({ ok: false, message });
    expect(emulatorVerdict(contract, input)).toEqual({ ok: false, message });
  };
}

const notes = (max: number) =>
  mostly(
    fc.constantFrom("", "   ", " Too vague. ", "x".repeat(max), "x".repeat(max + 1), ` ${"x".repeat(max)}`),
  );

describe("POST /partners/ban validation agrees with Dub's server schema", () => {
  const body = maybeNotObject(
    shuffledRecord({
      partnerId: mostly(partnerIds),
      tenantId: mostly(partnerIds),
      reason: mostly(fc.constantFrom("fraud", "spam", "brand_abuse", "Fraud", "other")),
    }),
  );

  it("accepts and rejects the same bodies, with the same 422 message and the same output", () => {
    const { accepted, rejected } = assertAgreement({
      inputs: body,
      contract: banPartnerBody,
      server: serverBanPartner,
      numRuns: 2000,
      seed: 20261205,
    });
    expect(accepted).toBeGreaterThan(200);
    expect(rejected).toBeGreaterThan(200);
  });

  it("pins the server's message for a missing or wrong reason (§8.2)", () => {
    const message =
      'invalid_value: reason: Invalid option: expected one of "tos_violation"|"inappropriate_content"|"fake_traffic"|"fraud"|"spam"|"brand_abuse"';
    const check = pin(banPartnerBody, serverBanPartner);
    check({}, message);
    check({ partnerId: "pn_1", reason: "other" }, message);
    expect(emulatorVerdict(banPartnerBody, { reason: "fraud" })).toEqual({
      ok: true,
      data: { reason: "fraud" },
    });
  });
});

describe("POST /partners/deactivate validation agrees with Dub's server schema", () => {
  const body = maybeNotObject(
    shuffledRecord({ partnerId: mostly(partnerIds), tenantId: mostly(partnerIds) }),
  );

  it("accepts and rejects the same bodies, with the same 422 message and the same output", () => {
    const { accepted, rejected } = assertAgreement({
      inputs: fc.oneof(body, shuffledRecord({ partnerId: anyValue, tenantId: anyValue })),
      contract: deactivatePartnerBody,
      server: serverPartnerIdTenantId,
      numRuns: 2000,
      seed: 20261206,
    });
    expect(accepted).toBeGreaterThan(200);
    expect(rejected).toBeGreaterThan(200);
  });

  it("pins the server's messages (§9.3)", () => {
    const check = pin(deactivatePartnerBody, serverPartnerIdTenantId);
    check([], "invalid_type: : Invalid input: expected object, received array");
    check({ partnerId: 5 }, "invalid_type: partnerId: Invalid input: expected string, received number");
  });
});

describe("POST /partners/applications/approve validation agrees with Dub's server schema", () => {
  const body = maybeNotObject(
    shuffledRecord({
      partnerId: mostly(partnerIds),
      groupId: mostly(fc.constantFrom("grp_1", "default", "")),
    }),
  );

  it("accepts and rejects the same bodies, with the same 422 message and the same output", () => {
    const { accepted, rejected } = assertAgreement({
      inputs: body,
      contract: approvePartnerApplicationBody,
      server: serverApprovePartner,
      numRuns: 2000,
      seed: 20261207,
    });
    expect(accepted).toBeGreaterThan(200);
    expect(rejected).toBeGreaterThan(200);
  });

  it("pins the server's message for a missing partnerId (§11.2)", () => {
    pin(approvePartnerApplicationBody, serverApprovePartner)(
      {},
      "invalid_type: partnerId: Invalid input: expected string, received undefined",
    );
  });
});

describe("POST /partners/applications/reject validation agrees with Dub's server schema", () => {
  const body = maybeNotObject(
    shuffledRecord({
      partnerId: mostly(partnerIds),
      rejectionReason: mostly(fc.constantFrom("needsMoreDetail", "other", "spam")),
      rejectionNote: notes(500),
      reapplicationTimeframe: mostly(fc.constantFrom("instant", "standard", "never", "later")),
      flagForFraud: flag,
      flagForFraudReason: notes(2000),
    }),
  );

  it("accepts and rejects the same bodies, with the same 422 message and the same output", () => {
    const { accepted, rejected } = assertAgreement({
      inputs: body,
      contract: rejectPartnerApplicationBody,
      server: serverRejectPartner,
      numRuns: 3000,
      seed: 20261208,
    });
    expect(accepted).toBeGreaterThan(150);
    expect(rejected).toBeGreaterThan(300);
  });

  it("pins the server's messages (§12.2)", () => {
    const check = pin(rejectPartnerApplicationBody, serverRejectPartner);
    check({}, "invalid_type: partnerId: Invalid input: expected string, received undefined");
    check(
      { partnerId: "pn_1", rejectionReason: "spam" },
      'invalid_value: rejectionReason: Invalid option: expected one of "needsMoreDetail"|"doesNotMeetRequirements"|"notTheRightFit"|"other"',
    );
    check(
      { partnerId: "pn_1", rejectionNote: ` ${"x".repeat(500)}` },
      "too_big: rejectionNote: Too big: expected string to have <=500 characters",
    );
    check(
      { partnerId: "pn_1", reapplicationTimeframe: "later" },
      'invalid_value: reapplicationTimeframe: Invalid option: expected one of "instant"|"standard"|"never"',
    );
    check(
      { partnerId: "pn_1", flagForFraud: "true" },
      "invalid_type: flagForFraud: Invalid input: expected boolean, received string",
    );
    check(
      { partnerId: "pn_1", flagForFraudReason: "x".repeat(2001) },
      "too_big: flagForFraudReason: Too big: expected string to have <=2000 characters",
    );
    check(
      { partnerId: "pn_1", rejectionNote: null },
      "invalid_type: rejectionNote: Invalid input: expected string, received null",
    );
  });
});
