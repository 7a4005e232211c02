import { describe, expect, it } from "vitest";
import { CliError } from "./cli-error.js";
import { optionalPartnerKey, partnerKey } from "./partner-lookup.js";

const usage = { id: "--partner-id", example: "dubkit partners ban --email jane@example.com --reason fraud" };

function failure(run: () => unknown): CliError {
  try {
    run();
  } catch (error) {
    if (error instanceof CliError) return error;
    throw error;
  }
  throw new Error("no error was thrown");
}

describe("partnerKey", () => {
  it("turns each flag into the list filter that finds the partner, and the words messages name it with", () => {
    expect(partnerKey({ partnerId: "pn_1" }, usage)).toEqual({
      filter: "search",
      value: "pn_1",
      label: "id pn_1",
    });
    expect(partnerKey({ tenantId: "user_42" }, usage)).toEqual({
      filter: "tenantId",
      value: "user_42",
      label: "tenant id user_42",
    });
    expect(partnerKey({ email: "jane@example.com" }, usage)).toEqual({
      filter: "email",
      value: "jane@example.com",
      label: "email jane@example.com",
    });
  });

  it("needs exactly one flag (exit 2, with the command's example)", () => {
    for (const flags of [{}, { partnerId: "pn_1", email: "jane@example.com" }]) {
      const error = failure(() => partnerKey(flags, usage));
      expect(error).toMatchObject({
        exitCode: 2,
        message: "Give exactly one of: --partner-id, --tenant-id or --email.",
        hint: usage.example,
      });
    }
    expect(optionalPartnerKey({}, usage)).toBeUndefined();
  });

  it("refuses an id that is not Dub's and an empty value, naming the flag", () => {
    expect(failure(() => partnerKey({ partnerId: "user_42" }, usage))).toMatchObject({
      exitCode: 2,
      message: 'A partner id starts with pn_, got "user_42".',
      field: "--partner-id",
    });
    expect(failure(() => partnerKey({ tenantId: " " }, usage)).message).toBe(
      "--tenant-id is empty; name the partner.",
    );
  });
});
