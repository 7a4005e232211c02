// `--local`: an emulator inside the CLI process on a free loopback port, its state kept in the XDG
// data directory so partners created by one command are there for the next.

import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { dataDir } from "./xdg-paths.js";

/** The API key of the local emulator; it only ever guards a loopback port of this process. */
export const LOCAL_API_KEY = "dub_dubkitlocalemulator00000";

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

/** Starts the local emulator. */
export async function startLocalEmulator(
  env: Readonly<Record<string, string | undefined>>,
): Promise<LocalEmulator> {
  const dataFile = localStateFile(env);
  await mkdir(dataDir(env), { recursive: true, mode: 0o700 });
  const { startEmulator } = await import("@dubkit/emulator");
  const emulator = await startEmulator({ port: 0, host: "127.0.0.1", apiKey: LOCAL_API_KEY, dataFile });
  return {
    url: emulator.url,
    apiKey: emulator.apiKey ?? LOCAL_API_KEY,
    stop: async () => {
      await emulator.stop();
    },
  };
}
