// `dubkit completion bash|zsh|fish`: prints a completion script generated from the command tree.

import type { Command } from "commander";
import { bashScript } from "../completion/bash-script.js";
import { commandTree } from "../completion/command-tree.js";
import { fishScript } from "../completion/fish-script.js";
import { zshScript } from "../completion/zsh-script.js";
import { ExitCode } from "../exit-codes.js";
import { writeText } from "../output/stream-write.js";
import type { Terminal } from "../terminal.js";

/** The shells a script can be printed for. */
export const SHELLS = ["bash", "zsh", "fish"] as const;

const SCRIPTS: Record<(typeof SHELLS)[number], typeof bashScript> = {
  bash: bashScript,
  zsh: zshScript,
  fish: fishScript,
};

/** Prints the script for `shell`, from `program`'s definitions. */
export async function completion(
  shell: (typeof SHELLS)[number],
  program: Command,
  terminal: Terminal,
): Promise<number> {
  await writeText(terminal.stdout, SCRIPTS[shell](commandTree(program)));
  return ExitCode.ok;
}
