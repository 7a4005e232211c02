// Installs the packed tarballs into a fresh project with npm, outside the workspace, and runs the smoke program
// there: missing `files`, a wrong `exports` map or a dependency that only exists in the workspace fails here,
// as it would for a user. Only the packages' external dependencies come from the npm registry.
import { copyFile, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import type { Manifest } from "../support/packages.js";
import { runToSuccess } from "../support/run-process.js";
import { machineNode } from "../support/runtimes.js";
import { expectSmokePassed, runSmokeEntry, smokeDir } from "../support/smoke.js";

const packed = inject("packed");
const node = machineNode().executable;
// npm and the `dubkit` bin start with `#!/usr/bin/env node`: put the machine's Node first, as a user's PATH would.
const userPath = { PATH: `${dirname(node)}${delimiter}${process.env.PATH ?? ""}` };
const smokeFiles = ["steps.mjs", "main.mjs", "import.mjs", "require.cjs"];
let project: string;
let emulator: { url: string; apiKey: string; stop(): Promise<void> } | undefined;

beforeAll(async () => {
  project = await mkdtemp(join(tmpdir(), "dubkit-install-"));
  await writeFile(
    join(project, "package.json"),
    JSON.stringify({ name: "dubkit-install-check", private: true }),
  );
  await Promise.all(smokeFiles.map((file) => copyFile(join(smokeDir, file), join(project, file))));
  await runToSuccess(
    "npm",
    ["install", "--no-audit", "--no-fund", "--ignore-scripts", ...packed.map((p) => p.tarball)],
    { label: "npm install of the packed tarballs", cwd: project, env: userPath, killAfterMs: 110_000 },
  );
  // The installed emulator, loaded with require from the fresh project, serves the smoke runs below.
  const { startEmulator } = createRequire(join(project, "package.json"))("@dubkit/emulator");
  emulator = await startEmulator({ port: 0, host: "127.0.0.1" });
}, 120_000);
afterAll(async () => {
  await emulator?.stop();
  if (project) await rm(project, { recursive: true, force: true });
});

function installedEmulator() {
  if (!emulator)
    throw new Error("The installed @dubkit/emulator did not start; see the beforeAll error above.");
  return emulator;
}

describe("the packed tarballs installed with npm in a fresh project", () => {
  test("install every package from its tarball, with no workspace: range left in any manifest", async () => {
    const lock = JSON.parse(await readFile(join(project, "package-lock.json"), "utf8")) as {
      packages: Record<string, { resolved?: string; version?: string }>;
    };
    for (const { name, manifest } of packed) {
      const entry = lock.packages[`node_modules/${name}`];
      expect(entry?.resolved, `${name} should come from its tarball`).toMatch(/^file:/);
      const installed = JSON.parse(
        await readFile(join(project, "node_modules", name, "package.json"), "utf8"),
      ) as Manifest;
      expect(installed.version).toBe(manifest.version);
      const workspaceRanges = Object.entries(installed.dependencies ?? {}).filter(([, range]) =>
        range.startsWith("workspace:"),
      );
      expect(workspaceRanges, `${name} still has workspace: dependencies`).toEqual([]);
    }
  });

  test.each([
    { loadedAs: "import", entry: "import.mjs", build: "dist/index.js" },
    { loadedAs: "require", entry: "require.cjs", build: "dist/index.cjs" },
  ])("run the smoke program with the packages loaded by $loadedAs", async ({ loadedAs, entry, build }) => {
    const report = await runSmokeEntry(node, [join(project, entry)], installedEmulator(), {
      label: `installed packages (${loadedAs})`,
      cwd: project,
    });
    expect(report.resolved).toContain(join(project, "node_modules/@dubkit/partners", build));
    expectSmokePassed(report.result);
  });
});

test("the CLI's `dubkit` bin from the installed @dubkit/cli runs and prints its version", async () => {
  const cli = packed.find((p) => p.name === "@dubkit/cli");
  if (!cli) throw new Error("@dubkit/cli was not packed: is apps/cli missing or private?");
  const { stdout } = await runToSuccess(join(project, "node_modules/.bin/dubkit"), ["--version"], {
    label: "the installed dubkit bin",
    cwd: project,
    env: userPath,
  });
  expect(stdout).toContain(cli.manifest.version);
});
