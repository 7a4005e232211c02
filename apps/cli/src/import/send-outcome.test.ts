import { Conflict, createSDKError, RequestAbortedError } from "@dubkit/core";
import { describe, expect, it } from "vitest";
import { outcomeOfError, outcomeOfPartner } from "./send-outcome.js";

const row = { email: "John@x.co", firstSentAt: Date.parse("2026-11-01T10:00:00Z"), finishedBefore: false };

function sdkError(status: number, message: string, code = "x") {
  return createSDKError({
    statusCode: status,
    body: JSON.stringify({ error: { code, message } }),
    headers: new Headers(),
    method: "POST",
    url: "http://127.0.0.1/partners",
  });
}

describe("outcomeOfPartner", () => {
  it("calls the same email back (in any case) created or already enrolled by its createdAt", () => {
    expect(
      outcomeOfPartner({ id: "pn_1", email: "john@x.co", createdAt: "2026-11-01T10:00:00.100Z" }, row, "t1"),
    ).toEqual({
      kind: "done",
      outcome: "created",
      id: "pn_1",
    });
    expect(
      outcomeOfPartner({ id: "pn_1", email: "john@x.co", createdAt: "2025-01-01T00:00:00Z" }, row, "t1"),
    ).toMatchObject({
      outcome: "existing",
    });
  });

  it("calls a row finished before with other content already enrolled, whatever its createdAt", () => {
    const partner = { id: "pn_1", email: "john@x.co", createdAt: "2026-11-01T10:00:00.100Z" };
    expect(outcomeOfPartner(partner, { ...row, finishedBefore: true }, undefined)).toMatchObject({
      outcome: "existing",
    });
  });

  it("makes another partner's email back a failed conflict naming both emails, never done", () => {
    const outcome = outcomeOfPartner(
      { id: "pn_9", email: "jane@x.co", createdAt: "2025-01-01T00:00:00Z" },
      row,
      "t1",
    );
    expect(outcome).toEqual({
      kind: "failed",
      failure: {
        error:
          'conflict: tenantId "t1" belongs to another partner, jane@x.co (pn_9); Dub returned that partner and did not enroll John@x.co',
        field: "tenantId",
      },
      retryable: true,
      conflict: true,
    });
  });
});

describe("outcomeOfError", () => {
  it("keeps the status of a row's own failure, final", () => {
    expect(outcomeOfError(sdkError(404, 'Group "vip" not found.', "not_found"), false)).toMatchObject({
      kind: "failed",
      failure: { status: 404 },
      retryable: false,
    });
  });

  it("stops the run on a workspace failure, such as the partner quota", () => {
    const quota = sdkError(
      403,
      "You've reached your partners limit of 500 for your current plan.",
      "forbidden",
    );
    expect(outcomeOfError(quota, false)).toEqual({ kind: "fatal", error: quota });
  });

  it("makes a 409 a conflict sent again next time, and an abandoned request unanswered", () => {
    const conflict = sdkError(
      409,
      "The tenantId 't1' is already in associated with another partner in this program.",
      "conflict",
    );
    expect(Conflict.isInstance(conflict)).toBe(true);
    expect(outcomeOfError(conflict, false)).toMatchObject({
      kind: "failed",
      conflict: true,
      retryable: true,
      failure: { status: 409 },
    });
    expect(outcomeOfError(new RequestAbortedError("stop"), false)).toEqual({ kind: "unanswered" });
  });
});
