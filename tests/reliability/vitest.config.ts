import { defineConfig } from "vitest/config";

// Most of the suite waits on child processes and sockets rather than the CPU, so two files run at a time even on a
// 2-core machine. The timeouts only stop a hung run from hanging the suite; no test measures a duration.
export default defineConfig({
  test: {
    include: ["**/*.test.ts"],
    maxWorkers: 2,
    minWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
