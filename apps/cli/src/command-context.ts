// What every command definition needs from the program: the terminal, where an action's exit code
// goes, and its global options.

import type { Command } from "commander";
import type { GlobalOptions } from "./global-options.js";
import type { Terminal } from "./terminal.js";

/** Shared by the command definitions. */
export interface CommandContext {
  terminal: Terminal;
  /** Runs an action and hands its exit code on. */
  run(action: () => Promise<number>): Promise<void>;
}

/** The global options as seen from `command` (flags given before or after its name). */
export function globalsOf(command: Command): GlobalOptions {
  return command.optsWithGlobals() as GlobalOptions;
}

/** The "Examples:" section of a command's help. */
export function examples(lines: string[]): string {
  return `\nExamples:\n${lines.map((line) => `  $ ${line}`).join("\n")}\n`;
}
