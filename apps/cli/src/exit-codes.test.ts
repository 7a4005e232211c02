import {
  BadRequest,
  ConfigurationError,
  Conflict,
  ConnectionError,
  Forbidden,
  InternalServerError,
  NotFound,
  RateLimitExceeded,
  RequestTimeoutError,
  SDKError,
  Unauthorized,
  UnprocessableEntity,
} from "@dubkit/core";
import { describe, expect, it } from "vitest";
import { CliError } from "./cli-error.js";
import { ExitCode, exitCodeFor } from "./exit-codes.js";

function init(statusCode: number) {
  return {
    statusCode,
    code: "x",
    message: "m",
    body: "",
    headers: new Headers(),
    method: "POST",
    url: "http://127.0.0.1/partners",
  };
}

describe("exitCodeFor", () => {
  it("maps each API failure class to its documented code", () => {
    expect(exitCodeFor(new BadRequest(init(400)))).toBe(ExitCode.usage);
    expect(exitCodeFor(new UnprocessableEntity(init(422)))).toBe(ExitCode.usage);
    expect(exitCodeFor(new Unauthorized(init(401)))).toBe(ExitCode.auth);
    expect(exitCodeFor(new Forbidden(init(403)))).toBe(ExitCode.auth);
    expect(exitCodeFor(new NotFound(init(404)))).toBe(ExitCode.notFound);
    expect(exitCodeFor(new Conflict(init(409)))).toBe(ExitCode.conflict);
    expect(exitCodeFor(new RateLimitExceeded(init(429)))).toBe(ExitCode.rateLimited);
    expect(exitCodeFor(new InternalServerError(init(500)))).toBe(ExitCode.server);
    expect(exitCodeFor(new SDKError(init(503)))).toBe(ExitCode.server);
  });

  it("maps client-side failures and the CLI's own errors", () => {
    expect(exitCodeFor(new ConnectionError("refused"))).toBe(ExitCode.network);
    expect(exitCodeFor(new RequestTimeoutError("slow", { timeoutMs: 10 }))).toBe(ExitCode.network);
    expect(exitCodeFor(new CliError("bad flag", ExitCode.usage))).toBe(ExitCode.usage);
    expect(exitCodeFor(new ConfigurationError("http:// to a remote host", { option: "serverURL" }))).toBe(
      ExitCode.usage,
    );
    expect(exitCodeFor(new Error("bug"))).toBe(ExitCode.failure);
  });
});
