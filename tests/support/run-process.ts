// Runs a runtime as a child process and turns every way it can go wrong into an error that names the runtime and
// says why: it could not start, it exited non-zero, it hung, or it printed something other than the smoke result.
import { spawn } from "node:child_process";

/** What a finished child process left behind. */
export interface ProcessResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** How to run one child process. */
export interface RunOptions {
  /** Names the run in every error, e.g. "Node 22 (require)". */
  label: string;
  cwd: string;
  env?: Record<string, string | undefined>;
  /** Kill the child after this long; a hung runtime fails the test with its output so far instead of hanging it. */
  killAfterMs?: number;
}

/**
 * Variables every child gets on top of the parent's: no proxy for the loopback emulator (so a proxy configured on
 * the machine cannot swallow the calls), and no update checks or colours in the output we parse.
 */
export const childEnvironment: Record<string, string> = {
  NO_PROXY: "127.0.0.1,localhost",
  no_proxy: "127.0.0.1,localhost",
  NO_COLOR: "1",
  FORCE_COLOR: "0",
  DENO_NO_UPDATE_CHECK: "1",
  DENO_NO_PROMPT: "1",
};

function tail(text: string, lines = 30): string {
  return text.trimEnd().split("\n").slice(-lines).join("\n");
}

/** Formats a child's output for an error message: the last lines of stderr and stdout, each labelled. */
export function describeOutput(result: Pick<ProcessResult, "stdout" | "stderr">): string {
  const parts = [];
  if (result.stderr.trim()) parts.push(`stderr:\n${tail(result.stderr)}`);
  if (result.stdout.trim()) parts.push(`stdout:\n${tail(result.stdout)}`);
  return parts.length > 0 ? parts.join("\n") : "(no output)";
}

/** Runs `executable args` to completion; rejects only if it cannot be started or has to be killed. */
export function runProcess(executable: string, args: string[], options: RunOptions): Promise<ProcessResult> {
  const killAfterMs = options.killAfterMs ?? 60_000;
  return new Promise((resolve, reject) => {
    const child = spawn(executable, args, {
      cwd: options.cwd,
      env: { ...process.env, ...childEnvironment, ...options.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(
        new Error(
          `${options.label}: still running after ${killAfterMs} ms, killed.\n${describeOutput({ stdout, stderr })}`,
        ),
      );
    }, killAfterMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(new Error(`${options.label}: could not start ${executable}: ${error.message}`));
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/** Runs a program that must exit 0 and returns its output; any other outcome is an error naming `label`. */
export async function runToSuccess(
  executable: string,
  args: string[],
  options: RunOptions,
): Promise<ProcessResult> {
  const result = await runProcess(executable, args, options);
  if (result.code !== 0) {
    const how = result.signal ? `was killed by ${result.signal}` : `exited with code ${result.code}`;
    throw new Error(`${options.label} ${how}.\n${describeOutput(result)}`);
  }
  return result;
}

/** Parses the one JSON line a smoke entry prints on success; anything else is an error naming `label`. */
export function parseSmokeOutput<T>(label: string, result: ProcessResult): T {
  const line = result.stdout.trim().split("\n").at(-1) ?? "";
  try {
    return JSON.parse(line) as T;
  } catch {
    throw new Error(
      `${label} exited 0 but did not print the smoke result as JSON.\n${describeOutput(result)}`,
    );
  }
}
