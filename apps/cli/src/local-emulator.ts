// `--local`: an emulator inside the CLI process on a free loopback port, its state kept in the XDG data directory
// so partners created by one command are there for the next. One process owns the data file at a time: a command
// started while another holds it waits for it (saying so on stderr), then replays what the other one wrote.

import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { DataFileLockedError } from "@dubkit/emulator";
import { CliError } from "./cli-error.js";
import { ExitCode } from "./exit-codes.js";
import { dataDir } from "./xdg-paths.js";

/** The API key of the local emulator; it only ever guards a loopback port of this process. */
export const LOCAL_API_KEY = "dub_dubkitlocalemulator00000";

/** How long a command waits for another `--local` command to release the data file, unless overridden. */
const DEFAULT_WAIT_MS = 30_000;

/** A running local emulator. */
export interface LocalEmulator {
  url: string;
  apiKey: string;
  stop(): Promise<void>;
}

/** Where `--local` keeps its state. */
export function localStateFile(env: Readonly<Record<string, string | undefined>>): string {
  return join(dataDir(env), "emulator-state.json");
}

/** The wait for a held data file: `DUBKIT_LOCAL_WAIT_MS` (0 refuses at once), else 30 s. */
function waitMs(env: Readonly<Record<string, string | undefined>>): number {
  const value = env.DUBKIT_LOCAL_WAIT_MS;
  if (value === undefined || value === "") return DEFAULT_WAIT_MS;
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms < 0) {
    throw new CliError(
      `DUBKIT_LOCAL_WAIT_MS must be a whole number of milliseconds, got "${value}".`,
      ExitCode.usage,
    );
  }
  return ms;
}

function holderText(error: DataFileLockedError): string {
  const { holder } = error;
  if (!holder) return `${error.lockFile}, which cannot be read`;
  return `process ${holder.pid} (\`${holder.command}\`, since ${holder.startedAt})`;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts the local emulator, waiting (bounded) while another process owns its data file. */
export async function startLocalEmulator(
  env: Readonly<Record<string, string | undefined>>,
  stderr: NodeJS.WritableStream,
): Promise<LocalEmulator> {
  const dataFile = localStateFile(env);
  const wait = waitMs(env);
  await mkdir(dataDir(env), { recursive: true, mode: 0o700 });
  const { DataFileLockedError, startEmulator } = await import("@dubkit/emulator");
  // Only what concerns the data file (a failed write, a torn tail cut at start); request lines would be noise.
  const log = (line: string) => {
    if (line.startsWith("data file")) stderr.write(`dubkit: local emulator: ${line}\n`);
  };
  const deadline = Date.now() + wait;
  let waiting = false;
  for (;;) {
    try {
      const emulator = await startEmulator({
        port: 0,
        host: "127.0.0.1",
        apiKey: LOCAL_API_KEY,
        dataFile,
        log,
      });
      return { url: emulator.url, apiKey: emulator.apiKey, stop: () => emulator.stop() };
    } catch (error) {
      if (!(error instanceof DataFileLockedError)) {
        throw new CliError(`Cannot start the local emulator: ${(error as Error).message}`, ExitCode.failure);
      }
      if (Date.now() >= deadline) {
        throw new CliError(
          `${error.message} Gave up on --local after waiting ${wait / 1000} s for it (DUBKIT_LOCAL_WAIT_MS sets how long).`,
          ExitCode.failure,
        );
      }
      if (!waiting) {
        stderr.write(
          `dubkit: the local emulator's data file ${dataFile} is in use by ${holderText(error)}; ` +
            `waiting up to ${wait / 1000} s for it to finish…\n`,
        );
        waiting = true;
      }
      // Jittered, so commands waiting together do not retry in step.
      await sleep(Math.min(50 + Math.random() * 100, Math.max(0, deadline - Date.now())));
    }
  }
}
