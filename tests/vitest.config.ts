import { defineConfig } from "vitest/config";

// Every test here starts real processes (runtimes, a browser, npm); the timeouts only stop a hung one from
// hanging the suite, they do not measure anything.
export default defineConfig({
  test: {
    include: ["**/*.test.ts"],
    globalSetup: ["./global-setup.ts"],
    testTimeout: 90_000,
    hookTimeout: 120_000,
  },
});
