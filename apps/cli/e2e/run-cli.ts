// Spawns the built `dubkit` binary the way a user runs it, with a private HOME and XDG dirs.

import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The built CLI. */
export const BIN = fileURLToPath(new URL("../dist/bin.js", import.meta.url));

/** What a finished run printed and how it exited. */
export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * A fresh HOME with its own XDG config and data dirs, and no token in the environment. Requests to
 * anything but loopback go to a proxy on a closed loopback port, so a test that would reach the
 * internet (e.g. Dub's API, when no base URL reached the CLI) fails at once instead.
 */
export async function isolatedEnv(extra: Record<string, string> = {}): Promise<Record<string, string>> {
  const home = await mkdtemp(join(tmpdir(), "dubkit-e2e-"));
  const env: Record<string, string> = {};
  for (const key of ["PATH", "LANG", "TMPDIR", "SYSTEMROOT"]) {
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
    ...extra,
  };
}

/** Starts `dubkit args…`; `input` is written to stdin (stdin is closed either way). */
export function startCli(args: string[], env: Record<string, string>, input?: string): ChildProcess {
  // Run in the private HOME, so files written to the working directory (a stdin import's report) land there.
  const child = spawn(process.execPath, [BIN, ...args], {
    env,
    cwd: env.HOME,
    stdio: ["pipe", "pipe", "pipe"],
  });
  child.stdin?.end(input ?? "");
  return child;
}

/** Collects a started run's output until it exits. */
export function finished(child: ChildProcess): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
  });
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** Runs `dubkit args…` to completion. */
export function runCli(args: string[], env: Record<string, string>, input?: string): Promise<CliResult> {
  return finished(startCli(args, env, input));
}
