// What a state-changing command (ban, deactivate, approve, reject) prints: with --json, the API's answer on stdout;
// otherwise one sentence on stderr, since it is a message about a change, not data.

import type { GlobalOptions } from "./global-options.js";
import { writeText } from "./output/stream-write.js";
import { type Colors, colorsFor, type Terminal } from "./terminal.js";

/** Prints `result` as JSON (`--json`) or `sentence(colors)` on stderr. */
export async function printWriteResult(
  result: unknown,
  sentence: (c: Colors) => string,
  json: boolean | undefined,
  globals: GlobalOptions,
  terminal: Terminal,
): Promise<void> {
  if (json || globals.json) {
    await writeText(terminal.stdout, `${JSON.stringify(result, null, 2)}\n`);
    return;
  }
  terminal.stderr.write(`${sentence(colorsFor(globals.color, terminal.env, terminal.stderr))}\n`);
}
