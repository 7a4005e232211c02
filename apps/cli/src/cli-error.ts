// An error the CLI raises itself, with the exit code it ends the process with and what a person
// (or a program reading `--json` errors) needs to act on it.

import type { ExitCodeValue } from "./exit-codes.js";

/** Details of a {@link CliError} beyond its message. */
export interface CliErrorDetails {
  /** A stable machine-readable code, e.g. `usage`, `no_token`, `config`, `not_found`. Default `usage` for exit 2, else `error`. */
  code?: string;
  /** What to do about it, e.g. `Run dubkit login`. */
  hint?: string;
  /** The field (flag, column, JSON path) at fault. */
  field?: string;
  /** The line of the input at fault (1-based). */
  line?: number;
}

/** A failure the CLI detected (bad flag, unreadable file, no token): message for the user + exit code. */
export class CliError extends Error {
  /** The process exit code this error ends the command with. */
  readonly exitCode: ExitCodeValue;
  /** A stable machine-readable code. */
  readonly code: string;
  readonly hint?: string;
  readonly field?: string;
  readonly line?: number;

  constructor(message: string, exitCode: ExitCodeValue, details: CliErrorDetails = {}) {
    super(message);
    this.name = "CliError";
    this.exitCode = exitCode;
    this.code = details.code ?? (exitCode === 2 ? "usage" : "error");
    if (details.hint !== undefined) this.hint = details.hint;
    if (details.field !== undefined) this.field = details.field;
    if (details.line !== undefined) this.line = details.line;
  }
}
