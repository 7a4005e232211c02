import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // The first test of a file against the emulator also starts it and loads zod (3.4 s on a loaded two-core
    // check). A timeout here only stops a hung test; no test asserts a duration.
    testTimeout: 30_000,
  },
});
