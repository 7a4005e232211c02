import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator } from "./emulator.js";
import { createPartner, dubError } from "./http-test-client.js";
import type { Emulator } from "./options.js";

const unprocessable = (message: string) => dubError("unprocessable_entity", message);

describe("request body handling", () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ seed: 2 });
  });
  afterAll(() => emulator.stop());

  it.each(["", "{", "{'email': 1}", "undefined"])(
    "answers the invalid JSON %j with 400 and rate-limit headers",
    async (text) => {
      const res = await createPartner(emulator, text);
      expect(res.status).toBe(400);
      expect(res.body).toEqual(
        dubError(
          "bad_request",
          "Invalid JSON format in request body. Please ensure the request body is a valid JSON object.",
        ),
      );
      expect(res.headers.get("x-ratelimit-limit")).toBe("1200");
    },
  );

  it.each([
    [{}, "invalid_type: email: Invalid input: expected string, received undefined"],
    [{ email: "foo" }, "invalid_format: email: Invalid email address"],
    [{ email: 5 }, "invalid_type: email: Invalid input: expected string, received number"],
    [{ email: " a@b.co " }, "invalid_format: email: Invalid email address"],
    [
      { email: `${"a".repeat(185)}@b.com` },
      "too_big: email: Too big: expected string to have <=190 characters",
    ],
    [
      { email: "a@b.co", name: "n".repeat(101) },
      "too_big: name: Too big: expected string to have <=100 characters",
    ],
    [
      { email: "a@b.co", username: "invalid username" },
      "custom: username: Invalid username. Must be a URL-friendly string.",
    ],
    [
      { email: "a@b.co", description: "d".repeat(5001) },
      "too_big: description: Too big: expected string to have <=5000 characters",
    ],
    [
      { email: "a@b.co", linkProps: { externalId: "" } },
      "too_small: linkProps.externalId: Too small: expected string to have >=1 characters",
    ],
    [
      { email: "a@b.co", linkProps: { archived: "yes" } },
      "invalid_type: linkProps.archived: Invalid input: expected boolean, received string",
    ],
    [
      { email: "a@b.co", tenantId: null },
      "invalid_type: tenantId: Invalid input: expected string, received null",
    ],
    [
      { email: "a@b.co", groupId: null },
      "invalid_type: groupId: Invalid input: expected string, received null",
    ],
    [
      { email: "a@b.co", linkProps: null },
      "invalid_type: linkProps: Invalid input: expected object, received null",
    ],
    [null, "invalid_type: : Invalid input: expected object, received null"],
    [[], "invalid_type: : Invalid input: expected object, received array"],
    ["x", "invalid_type: : Invalid input: expected object, received string"],
  ])("answers %j with 422 and only the first issue", async (body, message) => {
    const res = await createPartner(emulator, JSON.stringify(body));
    expect(res.status).toBe(422);
    expect(res.body).toEqual(unprocessable(message));
    expect(res.body.error.doc_url).toBe("https://dub.co/docs/api-reference/errors#unprocessable-entity");
    expect(res.headers.get("x-ratelimit-remaining")).not.toBeNull();
  });

  it("counts a name's length in UTF-16 units, as the server's zod 4.3.5 does (later zod counts code points)", async () => {
    // 50 emoji and a letter: 101 UTF-16 units but 51 code points.
    const res = await createPartner(emulator, { email: "emoji@example.com", name: `${"😀".repeat(50)}a` });
    expect(res.status).toBe(422);
    expect(res.body).toEqual(
      unprocessable("too_big: name: Too big: expected string to have <=100 characters"),
    );
  });

  it("reports the first issue in the schema's key order (name before email)", async () => {
    const res = await createPartner(emulator, { email: 1, name: "n".repeat(101) });
    expect(res.body.error.message).toBe("too_big: name: Too big: expected string to have <=100 characters");
  });

  it("formats array indices in the path", async () => {
    const res = await createPartner(emulator, {
      email: "a@b.co",
      linkProps: {
        testVariants: [
          { url: "https://a.test", percentage: 5 },
          { url: "https://b.test", percentage: 50 },
        ],
      },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.message).toMatch(/^too_small: linkProps\.testVariants\[0\]\.percentage: /);
  });

  it("strips unknown keys and silently drops programId", async () => {
    const res = await createPartner(emulator, {
      email: "strip@example.com",
      programId: "prog_someone_else",
      favouriteColour: "green",
    });
    expect(res.status).toBe(201);
    expect(res.body.programId).toBe(emulator.workspaces()[0]?.programId);
    expect(res.body).not.toHaveProperty("favouriteColour");
  });

  it("accepts any country string and trims the name", async () => {
    const res = await createPartner(emulator, {
      email: "de@example.com",
      name: "  Dieter  ",
      country: "Germany",
    });
    expect(res.status).toBe(201);
    expect(res.body.country).toBe("Germany");
    expect(res.body.name).toBe("Dieter");
  });

  it("reads the body as JSON whatever the Content-Type", async () => {
    const res = await fetch(`${emulator.url}/partners`, {
      method: "POST",
      headers: { Authorization: `Bearer ${emulator.apiKey}`, "Content-Type": "text/plain" },
      body: JSON.stringify({ email: "plain@example.com" }),
    });
    expect(res.status).toBe(201);
  });
});
