// Every failure, whatever threw it (the CLI, commander, the SDK, Dub), as one report: a message a
// person can act on, a hint, and the stable fields `--json` prints. The one place errors are worded.

import {
  ConfigurationError,
  ConnectionError,
  InvalidRequestError,
  RequestAbortedError,
  RequestTimeoutError,
  ResponseValidationError,
  SDKError,
} from "@dubkit/core";
import { mayHaveBeenApplied } from "@dubkit/fetch";
import { CommanderError } from "commander";
import { hintForRefusal } from "./api-error-hints.js";
import { CliError } from "./cli-error.js";
import { ExitCode, type ExitCodeValue, exitCodeFor } from "./exit-codes.js";
import { describeIssue, parseServerIssue, plainIssue } from "./plain-issue.js";
import { redact } from "./redact.js";
import { type FailedCommand, unansweredWrite } from "./unanswered-write.js";

/** What `--json` prints as `{"error": …}`: absent keys are omitted, the set of keys only grows. */
export interface ErrorFields {
  /** Stable: the SDK error's `code` (`unauthorized`, `not_found`, `http_502`…) or a CLI code (`usage`, `no_token`…). */
  code: string;
  message: string;
  /** The HTTP status, for an answer from the API. */
  status?: number;
  /** The field, flag or column at fault. */
  field?: string;
  /** The input line at fault. */
  line?: number;
  /** Dub's request id, for support. */
  requestId?: string;
  /** What to do about it. */
  hint?: string;
}

/** A failure, worded, with the exit code it ends the process with. */
export interface ErrorReport extends ErrorFields {
  exitCode: ExitCodeValue;
}

const TOKEN_HINT = "Check the token and where it comes from: dubkit whoami";

/** Dub prefixes auth failures with `Unauthorized: `; the status already says so. */
function dubMessage(error: SDKError): string {
  return error.message.replace(/^Unauthorized: /, "");
}

function sdkFields(error: SDKError): Omit<ErrorFields, "code" | "status"> {
  const message = dubMessage(error);
  const status = error.statusCode;
  if (status === 401) return { message: `Dub rejected the token: ${message}`, hint: TOKEN_HINT };
  if (status === 403 && /higher plan/i.test(message)) {
    return {
      message: `This workspace's plan has no access to the partners API (${message.replace(/\.$/, "")}).`,
      hint: "Partner programs need Dub's Business plan or higher; see the workspace's plan in the Dub dashboard → Settings → Billing.",
    };
  }
  if (status === 403 && /partners limit|at most \d+ partners/i.test(message)) {
    return {
      message: `Dub's partner quota is reached: ${message}`,
      hint: "Upgrade the workspace's plan (Dub dashboard → Settings → Billing) or remove partners; then run the same command: rows already enrolled are skipped.",
    };
  }
  if (status === 403) return { message, hint: hintForRefusal(status, message) ?? TOKEN_HINT };
  if (status === 404 && message.startsWith("Program not found")) {
    return {
      message: "This workspace has no partner program (Program not found).",
      hint: "Create the program in the Dub dashboard → Partners, or check which workspace the token belongs to: dubkit whoami",
    };
  }
  if (status === 422) {
    const issue = parseServerIssue(error.message);
    if (issue) {
      return {
        message: `Dub refused the request: ${describeIssue(issue, "the request body")}.`,
        ...(issue.field ? { field: issue.field } : {}),
      };
    }
  }
  if (status === 429) {
    return {
      message: `Rate limited by Dub: ${message}`,
      hint: "Wait a minute and try again; `dubkit partners import` paces itself with --plan or --rate.",
    };
  }
  if (status >= 500) {
    return {
      message: `Dub answered with a server error (${status}): ${message}`,
      hint: "Try again later; if it persists, give Dub's support the request id.",
    };
  }
  const hint = hintForRefusal(status, message);
  return hint === undefined ? { message } : { message, hint };
}

function fromSdkError(error: SDKError): ErrorFields {
  return {
    code: error.code,
    status: error.statusCode,
    ...sdkFields(error),
    ...(error.requestId ? { requestId: error.requestId } : {}),
  };
}

function fromInvalidRequest(error: InvalidRequestError): ErrorFields {
  const issues = error.issues.map((issue) => plainIssue(issue.path, issue.message));
  const first = issues[0];
  return {
    code: "invalid_request",
    message: `Invalid request, nothing was sent: ${issues.map((issue) => describeIssue(issue, "the request")).join("; ")}.`,
    ...(first?.field ? { field: first.field } : {}),
  };
}

function fromCommander(error: CommanderError): ErrorFields {
  const message = error.message.replace(/^error: /, "");
  return {
    code: "usage",
    message: message.charAt(0).toUpperCase() + message.slice(1),
    hint: "Add --help to the command for its usage.",
  };
}

function fields(error: unknown): ErrorFields {
  if (error instanceof CliError) {
    return {
      code: error.code,
      message: error.message,
      ...(error.field !== undefined ? { field: error.field } : {}),
      ...(error.line !== undefined ? { line: error.line } : {}),
      ...(error.hint !== undefined ? { hint: error.hint } : {}),
    };
  }
  if (error instanceof CommanderError) return fromCommander(error);
  if (SDKError.isInstance(error)) return fromSdkError(error);
  if (InvalidRequestError.isInstance(error)) return fromInvalidRequest(error);
  if (ConnectionError.isInstance(error)) {
    return {
      code: "connection_error",
      message: error.message,
      hint: "Check the network and the base URL (--base-url, DUB_API_URL or the profile's): dubkit whoami",
    };
  }
  if (RequestTimeoutError.isInstance(error)) {
    return { code: "timeout", message: error.message, hint: "Allow longer with --timeout MS." };
  }
  if (RequestAbortedError.isInstance(error)) return { code: "interrupted", message: "Interrupted." };
  if (ConfigurationError.isInstance(error)) {
    return {
      code: "config",
      message: error.message,
      field: error.option === "serverURL" ? "--base-url" : error.option,
    };
  }
  if (ResponseValidationError.isInstance(error)) {
    return {
      code: "invalid_response",
      message: error.message,
      hint: "Dub's answer did not match what dubkit expects; run again with --debug and report it.",
    };
  }
  return {
    code: "internal",
    message: error instanceof Error ? error.message : String(error),
    hint: "This is a bug in dubkit; run again with --debug for the stack trace and report it.",
  };
}

// The SDK's own ending for an attempt that may have reached the server; the CLI says what it means for the command.
const MAY_HAVE_APPLIED = /;? the server may (still )?have applied (the request|it)\.?$/;

/**
 * A write that got no answer although its request may have reached Dub: the message says the write may have been
 * applied, and the hint how to check and whether repeating it is safe, instead of pointing at the network.
 */
function unanswered(error: unknown, report: ErrorFields, command: FailedCommand | undefined): ErrorFields {
  if (!ConnectionError.isInstance(error) && !RequestTimeoutError.isInstance(error)) return report;
  if (!mayHaveBeenApplied(error)) return report;
  const write = unansweredWrite(command);
  if (write === undefined) return report;
  const cause = report.message.replace(MAY_HAVE_APPLIED, "").replace(/^The /, "the ");
  return { ...report, message: `No answer from Dub, so ${write.effect}: ${cause}.`, hint: write.hint };
}

/**
 * The report for any thrown value; every text in it is redacted. `command` is the command that failed, when known:
 * a write that got no answer is worded for it.
 */
export function errorReport(error: unknown, command?: FailedCommand): ErrorReport {
  const report = unanswered(error, fields(error), command);
  const exitCode = error instanceof CommanderError ? ExitCode.usage : exitCodeFor(error);
  return {
    ...report,
    message: redact(report.message),
    ...(report.hint !== undefined ? { hint: redact(report.hint) } : {}),
    ...(report.field !== undefined ? { field: redact(report.field) } : {}),
    exitCode,
  };
}

const PREFIX = "dubkit: ";

/** The report as people read it: `dubkit: message`, then the hint and request id, indented under it. */
export function formatErrorText(report: ErrorReport): string {
  const lines = [`${PREFIX}${report.message}`];
  const indent = " ".repeat(PREFIX.length);
  if (report.requestId) lines.push(`${indent}Request id: ${report.requestId}`);
  if (report.hint) lines.push(`${indent}${report.hint}`);
  return `${lines.join("\n")}\n`;
}

/** The report as one JSON line: `{"error":{"code","message","status","field","line","requestId","hint"}}`. */
export function formatErrorJson(report: ErrorReport): string {
  const { exitCode: _exitCode, ...rest } = report;
  const ordered: ErrorFields = { code: rest.code, message: rest.message };
  for (const key of ["status", "field", "line", "requestId", "hint"] as const) {
    if (rest[key] !== undefined) (ordered as unknown as Record<string, unknown>)[key] = rest[key];
  }
  return `${JSON.stringify({ error: ordered })}\n`;
}
