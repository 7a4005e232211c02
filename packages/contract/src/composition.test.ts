// The contract composes with an app's own zod, classic or mini: spreading a schema's shape into a new object,
// extending it, and parsing responses with it, at run time.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import * as zm from "zod/mini";
import { enrolledPartner } from "./enrolled-partner.js";
import { createPartnerBody } from "./operations/create-partner.js";

describe("composition with an app's zod", () => {
  it("spreads a request shape into a classic zod object with fields of the app's own", () => {
    const signup = z.object({ ...createPartnerBody.shape, plan: z.enum(["free", "pro"]) });
    expect(signup.parse({ email: "jane@example.com", name: " Jane ", plan: "pro" })).toEqual({
      email: "jane@example.com",
      name: "Jane",
      plan: "pro",
    });
    const failure = signup.safeParse({ email: "nope", plan: "gold" });
    expect(failure.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["email", "Invalid email address"],
      ["plan", 'Invalid option: expected one of "free"|"pro"'],
    ]);
  });

  it("extends a request schema with zod/mini's extend and classic zod's .extend()", () => {
    const mini = zm.extend(createPartnerBody, { plan: zm.string() });
    expect(mini.parse({ email: "jane@example.com", plan: "pro" })).toEqual({
      email: "jane@example.com",
      plan: "pro",
    });
    expect(mini.safeParse({ email: "jane@example.com" }).success).toBe(false);

    const classic = z.object(createPartnerBody.shape).extend({ plan: z.string() });
    expect(classic.parse({ email: "jane@example.com", plan: "pro", programId: "x" })).toEqual({
      email: "jane@example.com",
      plan: "pro",
    });
  });

  it("picks and omits fields of a response schema, and keeps the contract's leniency", () => {
    const summary = zm.pick(enrolledPartner, { id: true, email: true, status: true });
    expect(
      summary.parse({ id: "pn_1", email: "a@b.co", status: "a-status-from-the-future", extra: 1 }),
    ).toEqual({
      id: "pn_1",
      email: "a@b.co",
      status: "a-status-from-the-future",
      extra: 1,
    });
  });
});
