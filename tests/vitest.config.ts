import { configDefaults, defineConfig } from "vitest/config";

// Every test here starts real processes (runtimes, a browser, npm); the timeouts only stop a hung one from
// hanging the suite, they do not measure anything.
export default defineConfig({
  test: {
    include: ["**/*.test.ts"],
    // The reliability suite is its own package (@dubkit/reliability), run by turbo beside this one.
    exclude: [...configDefaults.exclude, "reliability/**"],
    globalSetup: ["./global-setup.ts"],
    testTimeout: 90_000,
    hookTimeout: 120_000,
  },
});
