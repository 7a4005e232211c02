// The `dubkit-emulator` bin as its own process: to kill it with SIGKILL, to give it a full disk (a file-size limit
// on the process), or to start a second one on the same data file.
import type { ChildResult, RunningChild } from "./child-processes.js";
import { startChild } from "./child-processes.js";
import { emulatorBin } from "./paths.js";

/** A bin that is serving. */
export interface EmulatorBin {
  running: RunningChild;
  url: string;
  apiKey: string;
  pid: number;
  /** Sends `signal` (SIGTERM by default) and resolves once it has exited. */
  stop(signal?: NodeJS.Signals): Promise<ChildResult>;
}

/** How to start the bin. */
export interface EmulatorBinOptions {
  /** The largest file the process may write, in KiB (`ulimit -f`): a write past it fails with EFBIG, as on a full disk. */
  fileSizeLimitKiB?: number;
}

function spawnBin(args: string[], options: EmulatorBinOptions): RunningChild {
  const env: Record<string, string> = { PATH: process.env.PATH ?? "/usr/bin:/bin" };
  if (options.fileSizeLimitKiB === undefined) {
    return startChild(process.execPath, [emulatorBin, ...args], { env, cwd: process.cwd() });
  }
  // SIGXFSZ would kill the process at the limit; ignored (and it stays ignored across exec), the write fails with
  // EFBIG instead, which is what the emulator must survive.
  const script = `trap '' XFSZ; ulimit -f ${options.fileSizeLimitKiB}; exec "$0" "$@"`;
  return startChild("bash", ["-c", script, process.execPath, emulatorBin, ...args], {
    env,
    cwd: process.cwd(),
  });
}

/** Starts the bin; resolves once it printed its URL and key, rejects with its stderr if it exits first. */
export function startEmulatorBin(args: string[], options: EmulatorBinOptions = {}): Promise<EmulatorBin> {
  const running = spawnBin(args, options);
  return new Promise((resolve, reject) => {
    const onData = () => {
      const url = /DUB_API_URL=(\S+)/.exec(running.stdout())?.[1];
      const apiKey = /DUB_API_KEY=(\S+)/.exec(running.stdout())?.[1];
      if (!url || !apiKey) return;
      running.child.stdout?.off("data", onData);
      resolve({
        running,
        url,
        apiKey,
        pid: running.child.pid ?? -1,
        stop: (signal = "SIGTERM") => {
          running.child.kill(signal);
          return running.done;
        },
      });
    };
    running.child.stdout?.on("data", onData);
    void running.done.then((result) =>
      reject(new Error(`dubkit-emulator exited with ${result.code ?? result.signal}: ${result.stderr}`)),
    );
  });
}

/** Runs the bin to its exit, for starts that must be refused. */
export function runEmulatorBin(args: string[]): Promise<ChildResult> {
  return spawnBin(args, {}).done;
}
