// An error the CLI raises itself, with the exit code it should end the process with.

import type { ExitCodeValue } from "./exit-codes.js";

/** A failure the CLI detected (bad flag, unreadable file, no token): message for the user + exit code. */
export class CliError extends Error {
  /** The process exit code this error ends the command with. */
  readonly exitCode: ExitCodeValue;

  constructor(message: string, exitCode: ExitCodeValue) {
    super(message);
    this.name = "CliError";
    this.exitCode = exitCode;
  }
}
