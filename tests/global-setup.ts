// Packs every published package once per run (`pnpm pack`, as publishing does: `workspace:` ranges become real
// versions and only `files` ship) and hands the tarballs to the shape and install tests through `inject("packed")`.
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import type { TestProject } from "vitest/node";
import { type PackedPackage, publishedPackages, repoRoot } from "./support/packages.js";

declare module "vitest" {
  export interface ProvidedContext {
    packed: PackedPackage[];
  }
}

const run = promisify(execFile);

/** What `pnpm pack --json` prints per package. */
interface PackReport {
  name: string;
  filename: string;
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const destination = await mkdtemp(join(tmpdir(), "dubkit-packed-"));
  const packages = await publishedPackages();
  const filters = packages.flatMap((p) => ["--filter", p.name]);
  const { stdout } = await run(
    "npx",
    ["-y", "pnpm@10.34.9", "-r", ...filters, "pack", "--pack-destination", destination, "--json"],
    { cwd: repoRoot, maxBuffer: 64 * 1024 * 1024 },
  );
  const parsed = JSON.parse(stdout) as PackReport | PackReport[];
  const reports = Array.isArray(parsed) ? parsed : [parsed];
  const packed = packages.map((p) => {
    const report = reports.find((r) => r.name === p.name);
    if (!report) throw new Error(`pnpm pack produced no tarball for ${p.name}.\n${stdout}`);
    return { ...p, tarball: report.filename };
  });
  project.provide("packed", packed);
  return () => rm(destination, { recursive: true, force: true });
}
