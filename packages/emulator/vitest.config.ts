import { createRequire } from "node:module";
import { dirname } from "node:path";
import { defineConfig } from "vitest/config";

// The tests run the emulator from source with the contract resolved to zod 4.3.5 (`zod-server`), as the build
// bundles it (tsup.config.ts): what the tests pin is what ships. The alias points at this package's copy, so it
// resolves wherever the importing file lives.
const serverZod = dirname(createRequire(import.meta.url).resolve("zod-server/package.json"));

export default defineConfig({
  resolve: { alias: [{ find: /^zod(\/.*)?$/, replacement: `${serverZod}$1` }] },
  test: {
    server: { deps: { inline: [/@dubkit\/contract/] } },
    // The oracle tests run thousands of fast-check cases each; on two cores shared by turbo's parallel suites one
    // took 6.9 s against the 5 s default. A timeout here only stops a hung test; no test asserts a duration.
    testTimeout: 30_000,
  },
});
