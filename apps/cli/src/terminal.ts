// Facts about the terminal the CLI runs in, and the colours that follow from them.

import pc from "picocolors";

/** The streams and environment a command runs with. */
export interface Terminal {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  stdin: NodeJS.ReadStream;
  env: Readonly<Record<string, string | undefined>>;
}

/** The picocolors formatter set. */
export type Colors = ReturnType<typeof pc.createColors>;

/**
 * Colour is on for a TTY unless `--no-color` or `NO_COLOR` (any non-empty value, per no-color.org)
 * turns it off; `FORCE_COLOR` turns it on for a non-TTY.
 */
export function colorEnabled(flag: boolean, env: Terminal["env"], stream: NodeJS.WriteStream): boolean {
  if (!flag || (env.NO_COLOR !== undefined && env.NO_COLOR !== "")) return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "0") return true;
  return stream.isTTY === true;
}

/** Colours for one stream. */
export function colorsFor(flag: boolean, env: Terminal["env"], stream: NodeJS.WriteStream): Colors {
  return pc.createColors(colorEnabled(flag, env, stream));
}

/** Whether the CLI may ask the user something: stdin is a TTY and `CI` is not set. */
export function canPrompt(terminal: Terminal): boolean {
  return terminal.stdin.isTTY === true && !terminal.env.CI;
}

/** The process's own terminal. */
export function processTerminal(): Terminal {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env };
}
