// The dependency audit (scripts/audit.mjs, run by the root `check`): its offline check of pnpm-lock.yaml finds an
// affected version, honours an unexpired documented exception and not an expired one, and on this repository's
// lockfile finds nothing; the full run falls back to the offline check when the registry's endpoint refuses.
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lockfilePackages } from "../../scripts/audit/lockfile-packages.mjs";
import { main } from "../../scripts/audit.mjs";
import { repoRoot } from "./support/paths.js";

const LOCKFILE = `lockfileVersion: '9.0'

importers:

  .:
    devDependencies:
      semver:
        specifier: 7.5.1
        version: 7.5.1

packages:

  '@babel/runtime@7.20.0':
    resolution: {integrity: sha512-x}

  minimist@1.2.5:
    resolution: {integrity: sha512-y}

  semver@7.5.1:
    resolution: {integrity: sha512-z}

  vite@7.3.8:
    resolution: {integrity: sha512-w}

snapshots:

  minimist@1.2.5: {}
`;

async function runAudit(args: string[]): Promise<{ code: number; output: string }> {
  const lines: string[] = [];
  const code = await main(args, (line: string) => void lines.push(line));
  return { code, output: lines.join("\n") };
}

async function fixture(exceptions: unknown[]) {
  const dir = await mkdtemp(join(tmpdir(), "dubkit-audit-"));
  const lockfile = join(dir, "pnpm-lock.yaml");
  const exceptionsFile = join(dir, "exceptions.json");
  await writeFile(lockfile, LOCKFILE);
  await writeFile(exceptionsFile, JSON.stringify({ exceptions }));
  return ["--offline", "--lockfile", lockfile, "--exceptions", exceptionsFile];
}

describe("dependency audit", () => {
  it("dependency audit: reads every package of a v9 lockfile, scoped ones included", async () => {
    expect(lockfilePackages(LOCKFILE)).toEqual([
      { name: "@babel/runtime", version: "7.20.0" },
      { name: "minimist", version: "1.2.5" },
      { name: "semver", version: "7.5.1" },
      { name: "vite", version: "7.3.8" },
    ]);
    const real = lockfilePackages(await readFile(join(repoRoot, "pnpm-lock.yaml"), "utf8"));
    expect(real.length).toBeGreaterThan(100);
    expect(real).toContainEqual({ name: "vitest", version: "3.2.7" });
  });

  it("dependency audit: fails on affected versions, naming the advisory and the fix", async () => {
    const { code, output } = await runAudit(await fixture([]));
    expect(code).toBe(1);
    expect(output).toContain("minimist@1.2.5: GHSA-xvch-5gv4-984h (critical)");
    expect(output).toContain("semver@7.5.1: GHSA-c2qf-rxjj-qqgw");
    expect(output).toContain("@babel/runtime@7.20.0: GHSA-968p-4wvh-cqc8");
    expect(output).toContain("fixed in 0.2.4, 1.2.6");
    expect(output).not.toContain("vite@");
  });

  it("dependency audit: an unexpired exception passes its finding; an expired one does not", async () => {
    const reason = "only used by a dev tool on trusted input";
    const all = [
      { id: "GHSA-xvch-5gv4-984h", package: "minimist", reason, expires: "2999-01-01" },
      { id: "GHSA-c2qf-rxjj-qqgw", package: "semver", reason, expires: "2999-01-01" },
      { id: "GHSA-968p-4wvh-cqc8", package: "@babel/runtime", reason, expires: "2999-01-01" },
    ];
    const passing = await runAudit(await fixture(all));
    expect(passing.code, passing.output).toBe(0);
    expect(passing.output).toContain(`excepted until 2999-01-01: ${reason}`);
    const expired = await runAudit(await fixture([{ ...all[0], expires: "2020-01-01" }, all[1], all[2]]));
    expect(expired.code).toBe(1);
    expect(expired.output).toMatch(/1 finding\(s\) to fix[\s\S]*minimist@1\.2\.5/);
  });

  it("dependency audit: this repository's lockfile passes, online or (when the endpoint refuses) offline", async () => {
    const { code, output } = await runAudit([]);
    expect(code, output).toBe(0);
    expect(output).toMatch(/pnpm audit answered|could not be used \(.+\); checked \d+ packages/);
  }, 150_000);
});
