import { safeParse } from "@dubkit/core/schema";
import { describe, expect, it } from "vitest";
import { dubErrorBody } from "./dub-error-body.js";

describe("dubErrorBody", () => {
  it("accepts Dub's error envelope", () => {
    const body = {
      error: {
        code: "unprocessable_entity",
        message: "invalid_format: email: Invalid email address",
        doc_url: "https://dub.co/docs/api-reference/errors#unprocessable-entity",
      },
    };
    expect(safeParse(dubErrorBody, body)).toEqual({ success: true, data: body });
  });

  it("rejects a body without the error object or its fields", () => {
    const result = safeParse(dubErrorBody, { error: { code: "not_found" } });
    expect(result.success ? [] : result.issues.map((i) => i.path.join("."))).toEqual([
      "error.message",
      "error.doc_url",
    ]);
    expect(safeParse(dubErrorBody, { message: "x" }).success).toBe(false);
  });
});
