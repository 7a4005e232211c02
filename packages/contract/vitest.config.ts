import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // The message tests run 1,500 fast-check cases per schema; on two cores shared by turbo's parallel suites a
    // property test can pass the 5 s default. A timeout here only stops a hung test; no test asserts a duration.
    testTimeout: 30_000,
  },
});
