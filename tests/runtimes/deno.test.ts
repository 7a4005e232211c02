// Deno, from the npm package `deno`, runs the smoke program against the built packages, resolving them from the
// workspace's node_modules through tests/package.json (Deno's "bring your own node_modules" mode): no registry,
// no remote modules, no lock file, a throwaway DENO_DIR, and only the permissions the client needs: network to
// 127.0.0.1, and the one environment variable the smoke program reads (the client reads none it is not granted).
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { useEmulator } from "../support/emulator.js";
import { deno } from "../support/runtimes.js";
import { expectSmokePassed, runSmokeEntry, smokeDir } from "../support/smoke.js";

const emulator = useEmulator();
let denoDir: string;

beforeAll(async () => {
  denoDir = await mkdtemp(join(tmpdir(), "dubkit-deno-dir-"));
});
afterAll(async () => {
  await rm(denoDir, { recursive: true, force: true });
});

test("Deno runs the smoke program with the packages loaded by import", async () => {
  const { executable } = deno();
  const args = [
    "run",
    "--no-lock",
    "--no-remote",
    "--allow-net=127.0.0.1",
    "--allow-env",
    join(smokeDir, "import.mjs"),
  ];
  const report = await runSmokeEntry(executable, args, emulator(), {
    label: "Deno (import)",
    cwd: smokeDir,
    env: { DENO_DIR: denoDir },
  });
  expect(report.runtime).toMatch(/^deno \d+\.\d+/);
  expect(report.resolved).toMatch(/\/dist\/index\.js$/);
  // Deno applies the "node" condition too; @dubkit/fetch must still give it the plain entry, not the undici one.
  expect(report.transport).toMatch(/\/dist\/index\.js$/);
  expectSmokePassed(report.result);
});
