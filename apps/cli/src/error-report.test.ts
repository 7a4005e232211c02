import { ConnectionError, createSDKError, InvalidRequestError, RequestTimeoutError } from "@dubkit/core";
import { CommanderError } from "commander";
import { describe, expect, it } from "vitest";
import { CliError } from "./cli-error.js";
import { errorReport, formatErrorJson, formatErrorText } from "./error-report.js";

function dubError(status: number, code: string, message: string, headers: Record<string, string> = {}) {
  return createSDKError({
    statusCode: status,
    body: JSON.stringify({
      error: { code, message, doc_url: `https://dub.co/docs/api-reference/errors#${code}` },
    }),
    headers: new Headers(headers),
    method: "GET",
    url: "https://api.dub.co/partners",
  });
}

describe("errorReport", () => {
  it("says `Unauthorized` once, with the code, status, request id and a hint", () => {
    const report = errorReport(
      dubError(401, "unauthorized", "Unauthorized: Invalid API key.", { "x-request-id": "req_1" }),
    );
    expect(report).toMatchObject({ exitCode: 3, code: "unauthorized", status: 401, requestId: "req_1" });
    expect(report.message).toBe("Dub rejected the token: Invalid API key.");
    expect(report.hint).toContain("dubkit whoami");
  });

  it("explains a plan without partner access and a workspace without a program", () => {
    expect(errorReport(dubError(403, "forbidden", "Unauthorized: Need higher plan."))).toMatchObject({
      exitCode: 3,
      message: "This workspace's plan has no access to the partners API (Need higher plan).",
    });
    expect(errorReport(dubError(404, "not_found", "Program not found"))).toMatchObject({
      exitCode: 4,
      message: "This workspace has no partner program (Program not found).",
    });
  });

  it("passes the partner-program API's refusals on as Dub words them, with what to do", () => {
    expect(
      errorReport(dubError(400, "bad_request", "This partner is already banned from your program.")),
    ).toMatchObject({
      exitCode: 2,
      code: "bad_request",
      status: 400,
      message: "This partner is already banned from your program.",
      hint: "Nothing was changed. See the partner's status: dubkit partners get ID (or --email, --tenant-id)",
    });
    expect(
      errorReport(dubError(409, "conflict", "Duplicate key: This short link already exists.")),
    ).toMatchObject({ exitCode: 5, hint: "Choose another --key, or leave --key out for a random one." });
    expect(
      errorReport(
        dubError(
          403,
          "forbidden",
          "You don't have the required role to access this endpoint. Required role(s): owner, member.",
        ),
      ),
    ).toMatchObject({ exitCode: 3, hint: expect.stringContaining("use the key of an owner or member") });
    expect(errorReport(dubError(404, "not_found", "Partner not found."))).toMatchObject({
      exitCode: 4,
      hint: "List the program's partners: dubkit partners list",
    });
    // An answer with no known advice keeps only Dub's message; a 403 still points at the token.
    expect(errorReport(dubError(400, "bad_request", "Something else.")).hint).toBeUndefined();
    expect(errorReport(dubError(403, "forbidden", "Nope.")).hint).toContain("dubkit whoami");
  });

  it("turns Dub's 422 into the field and a plain reason", () => {
    const report = errorReport(
      dubError(
        422,
        "unprocessable_entity",
        "invalid_type: email: Invalid input: expected string, received undefined",
      ),
    );
    expect(report).toMatchObject({ exitCode: 2, code: "unprocessable_entity", field: "email" });
    expect(report.message).toBe("Dub refused the request: email is required.");
  });

  it("lists every client-side validation issue in plain words, naming the first field", () => {
    const report = errorReport(
      new InvalidRequestError([
        { path: "pageSize", message: "Too big: expected number to be <=100" },
        { path: "sortOrder", message: 'Invalid option: expected one of "asc"|"desc"' },
      ]),
    );
    expect(report).toMatchObject({ exitCode: 2, code: "invalid_request", field: "pageSize" });
    expect(report.message).toBe(
      "Invalid request, nothing was sent: pageSize must be at most 100; sortOrder must be one of asc, desc.",
    );
  });

  it("reports commander's usage errors without its `error:` prefix", () => {
    const report = errorReport(
      new CommanderError(1, "commander.unknownCommand", "error: unknown command 'x'"),
    );
    expect(report).toMatchObject({ exitCode: 2, code: "usage", message: "Unknown command 'x'" });
  });

  it("redacts tokens in every text", () => {
    const token = "dub_secretsecretsecretsecret";
    const report = errorReport(new ConnectionError(`Could not reach GET https://x/?k=${token}: ECONNRESET`));
    expect(report.code).toBe("connection_error");
    expect(JSON.stringify(report)).not.toContain(token);
  });
});

describe("a write that got no answer", () => {
  const create = { path: "dubkit partners create", options: { email: "jane@example.com" }, args: [] };
  const reset = () =>
    new ConnectionError(
      "The connection to POST https://api.dub.co/partners failed before an answer arrived (ECONNRESET); the server may have applied the request",
      { code: "ECONNRESET" },
    );

  it("says the create may have been applied, how to check and that repeating it is safe", () => {
    expect(errorReport(reset(), create)).toMatchObject({
      exitCode: 8,
      code: "connection_error",
      message:
        "No answer from Dub, so the create may have been applied (Dub may have enrolled the partner): the connection to POST https://api.dub.co/partners failed before an answer arrived (ECONNRESET).",
      hint: "Running the same create again is safe: Dub returns the partner it enrolled, never a second one. Check with: dubkit partners get --email jane@example.com",
    });
  });

  it("says so after a timeout too, naming the partner as the command did", () => {
    const timeout = new RequestTimeoutError(
      "POST https://api.dub.co/partners/ban timed out after 10 ms (attempt 3); the server may still have applied it",
      { timeoutMs: 10 },
    );
    const report = errorReport(timeout, {
      path: "dubkit partners ban",
      options: { tenantId: "user 42" },
      args: [],
    });
    expect(report.message).toBe(
      "No answer from Dub, so the ban may have been applied (Dub may have banned the partner): POST https://api.dub.co/partners/ban timed out after 10 ms (attempt 3).",
    );
    expect(report.hint).toMatch(/Check with: dubkit partners get --tenant-id 'user 42'$/);
    const approve = errorReport(reset(), {
      path: "dubkit partners applications approve",
      options: {},
      args: ["pn_1"],
    });
    expect(approve.hint).toMatch(/already approved\. Check with: dubkit partners get pn_1$/);
  });

  it("keeps the network hint when nothing was sent, or the command only reads", () => {
    const refused = new ConnectionError("Could not reach POST https://api.dub.co/partners: ECONNREFUSED", {
      code: "ECONNREFUSED",
    });
    expect(errorReport(refused, create).hint).toContain("Check the network");
    const list = { path: "dubkit partners list", options: {}, args: [] };
    expect(errorReport(reset(), list).hint).toContain("Check the network");
    expect(errorReport(reset()).message).toMatch(/^The connection to POST/);
  });
});

describe("formatting", () => {
  const report = errorReport(
    new CliError("No partner with email a@b.co in this program.", 4, {
      code: "not_found",
      hint: "List them.",
    }),
  );

  it("prints one prefix, with the hint indented under the message", () => {
    expect(formatErrorText(report)).toBe(
      "dubkit: No partner with email a@b.co in this program.\n        List them.\n",
    );
  });

  it("prints one JSON object with the stable keys and no absent ones", () => {
    const line = formatErrorJson(report);
    expect(line.endsWith("\n")).toBe(true);
    expect(JSON.parse(line)).toEqual({
      error: {
        code: "not_found",
        message: "No partner with email a@b.co in this program.",
        hint: "List them.",
      },
    });
    const full = JSON.parse(
      formatErrorJson(
        errorReport(
          dubError(
            422,
            "unprocessable_entity",
            "too_big: name: Too big: expected string to have <=100 characters",
            { "x-request-id": "r" },
          ),
        ),
      ),
    );
    expect(Object.keys(full.error)).toEqual(["code", "message", "status", "field", "requestId"]);
  });
});
