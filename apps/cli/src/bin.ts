// The `dubkit` executable: parses the command line, runs the command, and maps whatever it ends
// with to a documented exit code. Messages go to stderr; stdout carries only data.

import { CommanderError } from "commander";
import { CliError } from "./cli-error.js";
import { ExitCode, exitCodeFor } from "./exit-codes.js";
import { buildProgram } from "./program.js";
import { processTerminal } from "./terminal.js";

async function main(argv: string[]): Promise<number> {
  const terminal = processTerminal();
  let exitCode: number = ExitCode.ok;
  const program = buildProgram(terminal, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and --version are successes; every other commander error is a usage error it already printed.
      return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    }
    if ((error as { cancelled?: boolean }).cancelled) return ExitCode.interrupted;
    const code = exitCodeFor(error);
    const message = error instanceof CliError || error instanceof Error ? error.message : String(error);
    terminal.stderr.write(`dubkit: ${message}\n`);
    if (argv.includes("--debug") && error instanceof Error && error.stack) {
      terminal.stderr.write(`${error.stack}\n`);
    }
    return code;
  }
}

// A reader that stops early (`dubkit partners list --all | head`) closes the pipe: that ends the output, not
// the program with a stack trace.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") throw error;
  process.exit(ExitCode.ok);
});

main(process.argv).then((code) => {
  process.exitCode = code;
});
