// Every published library passes arethetypeswrong on its packed tarball in all four resolution modes of the strict
// profile: node10, node16 from CJS, node16 from ESM, and bundler. (A bin-only package has no types to check.)
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { describe, expect, inject, test } from "vitest";
import { isLibrary } from "../support/packages.js";
import { describeOutput, runProcess } from "../support/run-process.js";
import { machineNode } from "../support/runtimes.js";

// The CLI's bin, resolved through its package.json (the only file its exports map lets us resolve).
const attw = join(
  dirname(createRequire(import.meta.url).resolve("@arethetypeswrong/cli/package.json")),
  "dist/index.js",
);

/** The part of `attw --format json` the test reads. */
interface AttwReport {
  analysis: { entrypoints: Record<string, { resolutions: Record<string, unknown> }> };
  problems?: Record<string, { kind: string; entrypoint: string; resolutionKind?: string }[]>;
}

const libraries = inject("packed").filter((p) => isLibrary(p.manifest));

describe.concurrent.each(libraries)("$name", ({ name, tarball }) => {
  test("has correct types in every resolution mode (arethetypeswrong, strict profile)", async () => {
    const args = [attw, tarball, "--profile", "strict", "--format", "json", "--no-definitely-typed"];
    const result = await runProcess(machineNode().executable, args, {
      label: `attw ${name}`,
      cwd: process.cwd(),
    });
    let report: AttwReport;
    try {
      report = JSON.parse(result.stdout) as AttwReport;
    } catch {
      throw new Error(`attw ${name} did not print a JSON report.\n${describeOutput(result)}`);
    }
    for (const [subpath, entrypoint] of Object.entries(report.analysis.entrypoints)) {
      expect(Object.keys(entrypoint.resolutions).sort(), `modes checked for ${subpath}`).toEqual([
        "bundler",
        "node10",
        "node16-cjs",
        "node16-esm",
      ]);
    }
    const problems = Object.values(report.problems ?? {})
      .flat()
      .map(
        (p) => `${p.kind} for "${name}${p.entrypoint.slice(1)}" under ${p.resolutionKind ?? "every mode"}`,
      );
    expect(problems, `arethetypeswrong found problems in ${name}`).toEqual([]);
  });
});
