// The confirmation a destructive command (ban, deactivate, reject) asks for: a `[y/N]` question on a terminal, and
// off one (a pipe, a script, CI) a refusal unless `--yes` was given, so nothing ever waits on a prompt nobody sees.

import { createInterface } from "node:readline";
import { CliError } from "./cli-error.js";
import { ExitCode } from "./exit-codes.js";
import type { Terminal } from "./terminal.js";

/** Whether a question can be asked: stdin and stderr (where it is shown) are terminals and `CI` is not set. */
export function canConfirm(terminal: Terminal): boolean {
  return terminal.stdin.isTTY === true && terminal.stderr.isTTY === true && !terminal.env.CI;
}

/**
 * Throws the refusal (exit 2) when the command needs a confirmation it cannot ask for. `action` is what would be
 * done, e.g. "ban a partner"; it runs before any request, so a refused command sends nothing.
 */
export function requireConfirmation(terminal: Terminal, yes: boolean | undefined, action: string): void {
  if (yes || canConfirm(terminal)) return;
  const why = terminal.env.CI ? "CI is set" : "this is not an interactive terminal";
  throw new CliError(
    `Refusing to ${action} without a confirmation: ${why}. Pass --yes to confirm it on the command line.`,
    ExitCode.usage,
    { code: "confirmation_required", field: "--yes" },
  );
}

/** Asks `question` (followed by ` [y/N] `) on stderr; true only for y or yes. Ctrl-C cancels (exit 130). */
export function askYesNo(question: string, terminal: Terminal): Promise<boolean> {
  const rl = createInterface({ input: terminal.stdin, output: terminal.stderr, terminal: true });
  return new Promise((resolve, reject) => {
    let answered = false;
    rl.on("SIGINT", () => {
      answered = true;
      rl.close();
      terminal.stderr.write("\n");
      reject(Object.assign(new Error("Cancelled."), { cancelled: true }));
    });
    // Ctrl-D (end of input) is a no.
    rl.on("close", () => {
      if (answered) return;
      terminal.stderr.write("\n");
      resolve(false);
    });
    rl.question(`${question} [y/N] `, (answer) => {
      answered = true;
      rl.close();
      resolve(/^\s*y(es)?\s*$/i.test(answer));
    });
  });
}

/** The error for a question answered no: nothing was done (exit 1). */
export function declined(what: string): CliError {
  return new CliError(`Cancelled: ${what}.`, ExitCode.failure, { code: "cancelled" });
}

/**
 * Asks `question` unless `yes`; a no throws {@link declined} with `notDone`. Call {@link requireConfirmation} first,
 * before any request, so that off a terminal this is only reached with `--yes`.
 */
export async function confirmOrCancel(
  terminal: Terminal,
  yes: boolean | undefined,
  question: string,
  notDone: string,
): Promise<void> {
  if (yes) return;
  if (!(await askYesNo(question, terminal))) throw declined(notDone);
}
