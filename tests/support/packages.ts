// The packages the workspace publishes (every non-private package under packages/ and apps/), found from the
// manifests rather than listed by hand, so a new package is covered by the shape tests the day it appears.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root. */
export const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

/** The parts of a package manifest the shape tests read. */
export interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  bin?: string | Record<string, string>;
  exports?: Record<string, unknown>;
  main?: string;
  dependencies?: Record<string, string>;
}

/** A published workspace package: its name, its folder and its manifest. */
export interface WorkspacePackage {
  name: string;
  dir: string;
  manifest: Manifest;
}

/** A package after `pnpm pack`: the workspace package plus the path of its tarball. */
export interface PackedPackage extends WorkspacePackage {
  tarball: string;
}

/** Whether a package has modules to import (as opposed to a bin only, like the CLI). */
export function isLibrary(manifest: Manifest): boolean {
  return manifest.exports !== undefined || manifest.main !== undefined;
}

/** Every non-private package in packages/ and apps/, sorted by name. */
export async function publishedPackages(): Promise<WorkspacePackage[]> {
  const found: WorkspacePackage[] = [];
  for (const group of ["packages", "apps"]) {
    for (const entry of await readdir(join(repoRoot, group), { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const dir = join(repoRoot, group, entry.name);
      let manifest: Manifest;
      try {
        manifest = JSON.parse(await readFile(join(dir, "package.json"), "utf8")) as Manifest;
      } catch {
        continue;
      }
      if (!manifest.private) found.push({ name: manifest.name, dir, manifest });
    }
  }
  return found.sort((a, b) => a.name.localeCompare(b.name));
}
