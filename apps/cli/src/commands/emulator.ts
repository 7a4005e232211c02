// `dubkit emulator`: the emulator's own CLI in the foreground, with its options unchanged.

/** Hands `argv` (everything after `dubkit emulator`) to the emulator's CLI; resolves with its exit code. */
export async function emulator(argv: string[]): Promise<number> {
  const { runEmulatorCli } = await import("@dubkit/emulator");
  const code = await runEmulatorCli(argv);
  return typeof code === "number" ? code : 0;
}
