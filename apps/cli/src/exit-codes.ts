// The process exit codes `dubkit` documents, and the one place that maps an error to one of them.

import {
  ConfigurationError,
  ConnectionError,
  InvalidRequestError,
  RequestAbortedError,
  RequestTimeoutError,
  SDKError,
} from "@dubkit/core";
import { CliError } from "./cli-error.js";

/** Exit codes, stable and documented in the README. */
export const ExitCode = {
  /** Everything succeeded. */
  ok: 0,
  /** A partial import or bulk run (some rows failed) or an unexpected error. */
  failure: 1,
  /** Bad usage, bad configuration (e.g. an http:// base URL to a remote host) or input that failed validation. */
  usage: 2,
  /** The token was missing, rejected (401) or lacks permission (403). */
  auth: 3,
  /** The API answered 404. */
  notFound: 4,
  /** The API answered 409. */
  conflict: 5,
  /** Still rate limited (429) after the retries. */
  rateLimited: 6,
  /** The API answered 5xx. */
  server: 7,
  /** The API could not be reached (connection refused or reset, DNS, timeout). */
  network: 8,
  /** Interrupted by Ctrl-C (SIGINT) or SIGTERM. */
  interrupted: 130,
} as const;

/** One of the {@link ExitCode} values. */
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** Maps any thrown value to the exit code its failure class documents. */
export function exitCodeFor(error: unknown): ExitCodeValue {
  if (error instanceof CliError) return error.exitCode;
  if (InvalidRequestError.isInstance(error) || ConfigurationError.isInstance(error)) return ExitCode.usage;
  if (RequestAbortedError.isInstance(error)) return ExitCode.interrupted;
  if (ConnectionError.isInstance(error) || RequestTimeoutError.isInstance(error)) return ExitCode.network;
  // The SDK picks an error's class from its status, so the status alone decides.
  if (SDKError.isInstance(error)) {
    const status = error.statusCode;
    if (status >= 500) return ExitCode.server;
    if (status === 401 || status === 403 || status === 410) return ExitCode.auth;
    if (status === 404) return ExitCode.notFound;
    if (status === 409) return ExitCode.conflict;
    if (status === 429) return ExitCode.rateLimited;
    return ExitCode.usage;
  }
  return ExitCode.failure;
}
