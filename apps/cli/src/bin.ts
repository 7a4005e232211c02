// The `dubkit` executable: parses the command line, runs the command, and maps whatever it ends
// with to a documented exit code. Messages go to stderr; stdout carries only data. Every error is
// reported here, in one voice: `dubkit: …` for people, one JSON object under --json.

import { type Command, CommanderError } from "commander";
import { errorReport, formatErrorJson, formatErrorText } from "./error-report.js";
import { ExitCode } from "./exit-codes.js";
import { commandPath, wantsJsonErrors } from "./json-errors.js";
import { buildProgram } from "./program.js";
import { redact } from "./redact.js";
import { processTerminal } from "./terminal.js";

// Commander's own non-errors: help or the version was printed.
const PRINTED = new Set(["commander.helpDisplayed", "commander.version", "commander.help"]);

async function main(argv: string[]): Promise<number> {
  const terminal = processTerminal();
  let exitCode: number = ExitCode.ok;
  let command: Command | undefined;
  const program = buildProgram(
    terminal,
    (code) => {
      exitCode = code;
    },
    (entered) => {
      command = entered;
    },
  );
  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError && PRINTED.has(error.code)) {
      // `dubkit partners` alone prints its help as a usage error.
      return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    }
    if ((error as { cancelled?: boolean }).cancelled) return ExitCode.interrupted;
    const report = errorReport(
      error,
      command && { path: commandPath(command), options: command.opts(), args: command.args },
    );
    if (error instanceof CommanderError)
      report.hint = `See \`${commandPath(command)} --help\` for its usage.`;
    const json = wantsJsonErrors(argv.slice(2), command);
    terminal.stderr.write(json ? formatErrorJson(report) : formatErrorText(report));
    if (argv.includes("--debug") && error instanceof Error && error.stack) {
      terminal.stderr.write(`${redact(error.stack)}\n`);
    }
    return report.exitCode;
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
