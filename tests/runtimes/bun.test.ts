// Bun, from the npm package `bun`, runs the smoke program against the built packages, loading them with `import`
// and with `require`. Nothing is installed: Bun resolves the workspace's node_modules, with auto-install off.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { useEmulator } from "../support/emulator.js";
import { bun } from "../support/runtimes.js";
import { expectSmokePassed, runSmokeEntry, smokeDir } from "../support/smoke.js";

const emulator = useEmulator();
let cacheDir: string;

beforeAll(async () => {
  cacheDir = await mkdtemp(join(tmpdir(), "dubkit-bun-cache-"));
});
afterAll(async () => {
  await rm(cacheDir, { recursive: true, force: true });
});

// Bun gets @dubkit/fetch's plain entry (its own fetch), never the Node entry with undici.
const loaders = [
  { loadedAs: "import", entry: "import.mjs", build: /\/dist\/index\.js$/ },
  { loadedAs: "require", entry: "require.cjs", build: /\/dist\/index\.cjs$/ },
] as const;

describe.concurrent("Bun", () => {
  test.each(loaders)(
    "runs the smoke program with the packages loaded by $loadedAs",
    async ({ loadedAs, entry, build }) => {
      const { executable } = bun();
      const report = await runSmokeEntry(executable, ["--no-install", join(smokeDir, entry)], emulator(), {
        label: `Bun (${loadedAs})`,
        cwd: smokeDir,
        env: { BUN_INSTALL_CACHE_DIR: cacheDir, DO_NOT_TRACK: "1" },
      });
      expect(report.runtime).toMatch(/^bun \d+\.\d+/);
      expect(report.resolved).toMatch(build);
      expect(report.transport).toMatch(build);
      expectSmokePassed(report.result);
    },
  );
});
