// Errors as a person and as a program see them: one prefix and a hint in text, one JSON object on
// stderr under --json (or an output --format json/jsonl), with stable keys, for every kind of failure.

import { type Emulator, startEmulator } from "@dubkit/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isolatedEnv, runCli } from "./run-cli.js";

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0, rateLimit: false });
});
afterAll(async () => {
  await emulator.stop();
});

const spawning = { timeout: 60_000 };
const env = () => isolatedEnv({ DUB_API_KEY: emulator.apiKey, DUB_API_URL: emulator.url });
const KEYS = ["code", "message", "status", "field", "line", "requestId", "hint"];

/** The one JSON error on stderr, checked for shape. */
function jsonError(stderr: string): Record<string, unknown> {
  const lines = stderr.trimEnd().split("\n");
  expect(lines, stderr).toHaveLength(1);
  const parsed = JSON.parse(lines[0] as string) as { error: Record<string, unknown> };
  expect(Object.keys(parsed)).toEqual(["error"]);
  for (const key of Object.keys(parsed.error)) expect(KEYS).toContain(key);
  expect(typeof parsed.error.code).toBe("string");
  expect(typeof parsed.error.message).toBe("string");
  return parsed.error;
}

describe("JSON errors", spawning, () => {
  it("for commander's usage errors, global --json or the command's", async () => {
    const e = await env();
    const unknown = await runCli(["--json", "partners", "frobnicate"], e);
    expect(unknown).toMatchObject({ code: 2, stdout: "" });
    expect(jsonError(unknown.stderr)).toEqual({
      code: "usage",
      message: "Unknown command 'frobnicate'",
      hint: "See `dubkit partners --help` for its usage.",
    });
    const choice = await runCli(["partners", "list", "--status", "nope", "--format", "json"], e);
    expect(choice.code).toBe(2);
    expect(jsonError(choice.stderr)).toMatchObject({ code: "usage" });
    const option = await runCli(["partners", "list", "--frob", "--json"], e);
    expect(jsonError(option.stderr)).toMatchObject({ code: "usage", message: "Unknown option '--frob'" });
  });

  it("for a missing token (no_token, exit 3) and a rejected one (unauthorized, 401, with a hint)", async () => {
    const none = await runCli(
      ["--base-url", emulator.url, "partners", "list", "--json"],
      await isolatedEnv(),
    );
    expect(none.code).toBe(3);
    expect(jsonError(none.stderr)).toMatchObject({ code: "no_token" });
    const wrong = await runCli(
      ["--token", "dub_wrongwrongwrongwrongwrong", "partners", "list", "--format", "jsonl"],
      await env(),
    );
    expect(wrong.code).toBe(3);
    expect(jsonError(wrong.stderr)).toEqual({
      code: "unauthorized",
      message: "Dub rejected the token: Invalid API key.",
      status: 401,
      hint: "Check the token and where it comes from: dubkit whoami",
    });
  });

  it("for invalid input, naming the field in plain words", async () => {
    const e = await env();
    const create = await runCli(
      ["partners", "create", "--email", "nope", "--name", "x".repeat(101), "--json"],
      e,
    );
    expect(create.code).toBe(2);
    expect(jsonError(create.stderr)).toEqual({
      code: "invalid_request",
      message:
        "Invalid partner, nothing was sent: name must be at most 100 characters long; email must look like name@example.com.",
      field: "name",
    });
    const missing = await runCli(["partners", "create", "--data", "-", "--json"], e, '{"name":"No Email"}');
    expect(jsonError(missing.stderr)).toMatchObject({ code: "invalid_request", field: "email" });
    const pageSize = await runCli(["partners", "list", "--page-size", "101", "--json"], e);
    expect(pageSize.code).toBe(2);
    expect(jsonError(pageSize.stderr)).toEqual({
      code: "invalid_request",
      message: "Invalid request, nothing was sent: pageSize must be at most 100.",
      field: "pageSize",
    });
    const badJson = await runCli(
      ["partners", "create", "--data", "-", "--json"],
      e,
      '{\n  "email": "a@b.co",\n}',
    );
    expect(jsonError(badJson.stderr)).toMatchObject({ code: "usage", line: 3 });
  });

  it("for a partner that is not there (not_found, exit 4) and a conflict (409, exit 5)", async () => {
    const e = await env();
    const missing = await runCli(["partners", "get", "--email", "nobody@example.com", "--json"], e);
    expect(missing).toMatchObject({ code: 4, stdout: "" });
    expect(jsonError(missing.stderr)).toMatchObject({
      code: "not_found",
      message: "No partner with email nobody@example.com in this program.",
    });
    await runCli(["partners", "create", "--email", "c1@example.com", "--tenant-id", "taken"], e);
    await runCli(["partners", "create", "--email", "c2@example.com", "--tenant-id", "mine"], e);
    const conflict = await runCli(
      ["partners", "create", "--email", "c2@example.com", "--tenant-id", "taken", "--json"],
      e,
    );
    expect(conflict.code).toBe(5);
    expect(jsonError(conflict.stderr)).toMatchObject({ code: "conflict", status: 409 });
  });
});

describe("text errors", spawning, () => {
  it("have one prefix, no `error:`, and the hint indented under the message", async () => {
    const e = await env();
    for (const args of [
      ["partners", "frobnicate"],
      ["--token", "dub_wrongwrongwrongwrongwrong", "partners", "list"],
      ["partners", "create", "--email", "nope"],
      ["partners", "get", "pn_missing"],
    ]) {
      const result = await runCli(args, e);
      const lines = result.stderr.trimEnd().split("\n");
      expect(lines[0], args.join(" ")).toMatch(/^dubkit: [A-Z]/);
      for (const line of lines.slice(1)) expect(line, args.join(" ")).toMatch(/^ {8}\S/);
      expect(result.stderr).not.toMatch(
        /error:|Unauthorized: Unauthorized|expected string|received undefined/i,
      );
    }
  });
});
