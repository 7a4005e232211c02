// One emulator per test file, started before its tests and stopped after them, with CORS on for the browser.
import { startEmulator } from "@dubkit/emulator";
import { afterAll, beforeAll } from "vitest";

/** A running emulator, as `startEmulator` resolves it. */
export type Emulator = Awaited<ReturnType<typeof startEmulator>>;

/**
 * Starts an emulator on 127.0.0.1 (a free port) for the calling test file and returns a getter for it; the getter
 * throws if a test runs before the emulator is up, so a failed start cannot pass unnoticed.
 */
export function useEmulator(): () => Emulator {
  let emulator: Emulator | undefined;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, host: "127.0.0.1", cors: true });
  });
  afterAll(async () => {
    await emulator?.stop();
  });
  return () => {
    if (!emulator) throw new Error("The emulator did not start; see the beforeAll error above.");
    return emulator;
  };
}
