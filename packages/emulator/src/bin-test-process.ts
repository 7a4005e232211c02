// The emulator's bin as its own process, for tests that need one: a crash (kill -9), a full disk (a file-size limit
// on the process), or a second process on one data file. The bin is bundled from source, so no build is needed.
import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { build } from "esbuild";

/** Bundles `src/bin.ts` into `dir`; returns the script's path. */
export async function bundleBin(dir: string): Promise<string> {
  const outfile = join(dir, "bin.mjs");
  await build({
    entryPoints: [new URL("./bin.ts", import.meta.url).pathname],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    outfile,
    logLevel: "silent",
  });
  return outfile;
}

/** A running bin. */
export interface BinProcess {
  child: ChildProcess;
  url: string;
  apiKey: string;
  /** Everything it wrote to stderr so far (its request and data-file log). */
  stderr(): string;
  /** Sends `signal` and resolves with the exit code (null when killed by the signal). */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** What a bin that exited printed. */
export interface BinExit {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Options of a bin process. */
export interface BinOptions {
  /** Largest file the process may write, in KiB (`ulimit -f`); writes past it fail with EFBIG, like a full disk. */
  fileSizeLimitKiB?: number;
}

/** Bins still running, so a failed test does not leave one behind. */
const running = new Set<ChildProcess>();

/** Kills every bin a test started and did not stop (call it in `afterAll`). */
export function killLeftoverBins(): void {
  for (const child of running) child.kill("SIGKILL");
}

function spawnBin(bin: string, args: string[], options: BinOptions): ChildProcess {
  const stdio: ["ignore", "pipe", "pipe"] = ["ignore", "pipe", "pipe"];
  // SIGXFSZ would kill the process at the limit; ignored, the write fails with EFBIG instead (and an ignored
  // signal stays ignored across exec).
  const script = `trap '' XFSZ; ulimit -f ${options.fileSizeLimitKiB}; exec "$0" "$@"`;
  const child =
    options.fileSizeLimitKiB === undefined
      ? spawn(process.execPath, [bin, ...args], { stdio })
      : spawn("bash", ["-c", script, process.execPath, bin, ...args], { stdio });
  running.add(child);
  child.once("exit", () => running.delete(child));
  return child;
}

/** Starts the bin and resolves once it printed its URL and key; rejects with its stderr if it exits first. */
export function startBin(bin: string, args: string[], options: BinOptions = {}): Promise<BinProcess> {
  const child = spawnBin(bin, args, options);
  let out = "";
  let err = "";
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
    err += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
      out += chunk;
      const url = /DUB_API_URL=(\S+)/.exec(out)?.[1];
      const apiKey = /DUB_API_KEY=(\S+)/.exec(out)?.[1];
      if (url && apiKey) {
        resolve({
          child,
          url,
          apiKey,
          stderr: () => err,
          stop: (signal = "SIGTERM") => {
            child.kill(signal);
            return exited;
          },
        });
      }
    });
    void exited.then((code) => reject(new Error(`emulator exited with ${code}: ${err}`)));
  });
}

/** Runs the bin to its exit (for starts that must be refused). */
export function runBin(bin: string, args: string[]): Promise<BinExit> {
  const child = spawnBin(bin, args, {});
  let stdout = "";
  let stderr = "";
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
  });
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  return new Promise((resolve) => child.once("close", (code) => resolve({ code, stdout, stderr })));
}
