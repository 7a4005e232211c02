// A `dubkit` command on PATH that runs the built bin, as an installed one would: what a shell's completion calls.

import { chmod, mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { BIN } from "./run-cli.js";

/** `env` with a `dubkit` in `$HOME/bin` first on its PATH. */
export async function withDubkitOnPath(env: Record<string, string>): Promise<Record<string, string>> {
  const bin = join(env.HOME as string, "bin");
  await mkdir(bin, { recursive: true });
  await writeFile(join(bin, "dubkit"), `#!/bin/sh\nexec '${process.execPath}' '${BIN}' "$@"\n`);
  await chmod(join(bin, "dubkit"), 0o755);
  return { ...env, PATH: `${bin}:${env.PATH}` };
}
