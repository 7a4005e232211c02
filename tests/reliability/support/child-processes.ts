// Child processes the suite starts (the dubkit and dubkit-emulator bins), tracked so a failed test never leaves one
// running, with their output collected.
import { type ChildProcess, spawn } from "node:child_process";

/** What a finished child printed and how it ended. */
export interface ChildResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** A started child with its output so far. */
export interface RunningChild {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves when the child has exited and its pipes are closed. */
  done: Promise<ChildResult>;
}

const running = new Set<ChildProcess>();

/** Kills (SIGKILL) every child a test started and did not see exit; call it in `afterAll`/`afterEach`. */
export function killLeftoverChildren(): void {
  for (const child of running) child.kill("SIGKILL");
  running.clear();
}

/** Spawns `command args` with only `env` (nothing inherited), collecting its output. */
export function startChild(
  command: string,
  args: string[],
  options: { env: Record<string, string>; cwd?: string; input?: string | Buffer },
): RunningChild {
  const child = spawn(command, args, {
    env: options.env,
    cwd: options.cwd ?? options.env.HOME,
    stdio: ["pipe", "pipe", "pipe"],
  });
  running.add(child);
  let stdout = "";
  let stderr = "";
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
  });
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  // A child that exits before reading its stdin makes the write fail with EPIPE; that is not the test's concern.
  child.stdin?.on("error", () => undefined);
  child.stdin?.end(options.input ?? "");
  const done = new Promise<ChildResult>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code, signal) => {
      running.delete(child);
      resolve({ code, signal, stdout, stderr });
    });
  });
  return { child, stdout: () => stdout, stderr: () => stderr, done };
}
