// `dubkit` run before anything is built (a fresh clone right after `pnpm install`): one line saying
// what to run, exit 1, no stack trace.

import { execFileSync, spawnSync } from "node:child_process";
import { copyFile, mkdir, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

it("says how to build it, in one line, and exits 1", async () => {
  const root = await mkdtemp(join(tmpdir(), "dubkit-unbuilt-"));
  await mkdir(join(root, "bin"));
  // The committed launcher, with no dist/ beside it.
  await copyFile(fileURLToPath(new URL("../bin/dubkit.js", import.meta.url)), join(root, "bin", "dubkit.js"));
  const result = spawnSync(process.execPath, [join(root, "bin", "dubkit.js"), "partners", "list"], {
    encoding: "utf8",
  });
  expect(result.status).toBe(1);
  expect(result.stdout).toBe("");
  expect(result.stderr).toBe(
    "dubkit is not built yet: run npx -y pnpm@10.34.9 --filter @dubkit/cli... build\n",
  );
  // The launcher beside a built dist/ runs the program.
  const built = execFileSync(
    process.execPath,
    [fileURLToPath(new URL("../bin/dubkit.js", import.meta.url)), "--version"],
    {
      encoding: "utf8",
    },
  );
  expect(built).toMatch(/^\d+\.\d+\.\d+\n$/);
});
