// Runs the built `dubkit` bin the way a user does, in a private HOME whose XDG dirs hold its config and --local
// state. Anything but loopback goes to a proxy on a closed loopback port, so nothing can leave the machine.
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type ChildResult, type RunningChild, startChild } from "./child-processes.js";
import { cliBin } from "./paths.js";

/** A fresh HOME with its own XDG config and data dirs, and no token in the environment. */
export async function isolatedEnv(extra: Record<string, string> = {}): Promise<Record<string, string>> {
  const home = await mkdtemp(join(tmpdir(), "dubkit-reliability-"));
  const env: Record<string, string> = {};
  for (const key of ["PATH", "LANG", "TMPDIR"]) {
    const value = process.env[key];
    if (value !== undefined) env[key] = value;
  }
  return {
    ...env,
    HOME: home,
    XDG_CONFIG_HOME: join(home, ".config"),
    XDG_DATA_HOME: join(home, ".local", "share"),
    HTTPS_PROXY: "http://127.0.0.1:9",
    HTTP_PROXY: "http://127.0.0.1:9",
    NO_PROXY: "127.0.0.1,localhost",
    NO_COLOR: "1",
    ...extra,
  };
}

/** Starts `dubkit args…` in the env's HOME; `input` goes to stdin, which is closed either way. */
export function startDubkit(
  args: string[],
  env: Record<string, string>,
  input?: string | Buffer,
): RunningChild {
  return startChild(process.execPath, [cliBin, ...args], { env, input: input ?? "" });
}

/** Runs `dubkit args…` to completion. */
export function runDubkit(
  args: string[],
  env: Record<string, string>,
  input?: string | Buffer,
): Promise<ChildResult> {
  return startDubkit(args, env, input).done;
}
