import { describe, expect, it } from "vitest";
import type { StandardSchemaV1 } from "../standard-schema.js";
import { email } from "./checks.js";
import { object } from "./object.js";
import { string } from "./primitives.js";
import { safeParse } from "./schema.js";

/** Validates through the Standard Schema surface only, as a third-party consumer would. */
async function validateStandard(schema: StandardSchemaV1, value: unknown) {
  return await schema["~standard"].validate(value);
}

describe("Standard Schema v1 conformance", () => {
  const body = object({ email: string(email()) });

  it("declares version 1 and vendor dubkit", () => {
    expect(body["~standard"].version).toBe(1);
    expect(body["~standard"].vendor).toBe("dubkit");
  });

  it("returns { value } on success, synchronously", () => {
    const result = body["~standard"].validate({ email: "a@b.co", x: 1 });
    expect(result).not.toBeInstanceOf(Promise);
    expect(result).toEqual({ value: { email: "a@b.co" } });
  });

  it("returns { issues } with message and path on failure", async () => {
    expect(await validateStandard(body, { email: "nope" })).toEqual({
      issues: [{ code: "invalid_format", path: ["email"], message: "Invalid email address" }],
    });
  });
});

describe("safeParse", () => {
  it("is reusable: a schema holds no state between parses", () => {
    const schema = object({ email: string(email()) });
    expect(safeParse(schema, { email: "x" }).success).toBe(false);
    expect(safeParse(schema, { email: "a@b.co" })).toEqual({ success: true, data: { email: "a@b.co" } });
    expect(safeParse(schema, {})).toEqual({
      success: false,
      issues: [
        {
          code: "invalid_type",
          path: ["email"],
          message: "Invalid input: expected string, received undefined",
        },
      ],
    });
  });
});
