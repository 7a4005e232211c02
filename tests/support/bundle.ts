// Bundles code that uses the packages the way an app's bundler would, for a given target, and records every import
// of a Node built-in or of undici instead of letting the build fail on it, so a test can name the offender.
import { builtinModules } from "node:module";
import { build, type Metafile, type Plugin } from "esbuild";

/** The resolution targets the suite bundles for, with the `exports` conditions each one's resolver applies. */
export const targets = {
  browser: { platform: "browser", conditions: ["browser"] },
  worker: { platform: "browser", conditions: ["workerd", "worker", "browser"] },
  // Deno resolves npm packages with the "deno" and "node" conditions (and "import", which esbuild adds for ESM).
  deno: { platform: "neutral", conditions: ["deno", "node"] },
} as const;

/** A bundle target by name. */
export type Target = keyof typeof targets;

/** An import that must not appear in a browser, worker or Deno bundle, and the file that made it. */
export interface ForbiddenImport {
  path: string;
  importer: string;
}

/** A finished bundle: the code, esbuild's metafile, and the forbidden imports it met on the way. */
export interface Bundle {
  code: string;
  metafile: Metafile;
  forbidden: ForbiddenImport[];
}

const nodeBuiltins = new Set(builtinModules);

function isForbidden(specifier: string): boolean {
  return (
    specifier.startsWith("node:") ||
    nodeBuiltins.has(specifier.split("/")[0]!) ||
    specifier === "undici" ||
    specifier.startsWith("undici/")
  );
}

function recordForbiddenImports(found: ForbiddenImport[]): Plugin {
  return {
    name: "record-forbidden-imports",
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, (args) => {
        if (!isForbidden(args.path)) return undefined;
        found.push({ path: args.path, importer: args.importer });
        return { path: args.path, external: true };
      });
    },
  };
}

/** What to bundle: either a file, or a module's source text resolved from `resolveDir`. */
export type BundleInput = { entry: string } | { source: string; resolveDir: string };

/** Bundles `input` as ESM for `target`, minified unless `minify` is false, without writing anything to disk. */
export async function bundle(input: BundleInput, target: Target, minify = true): Promise<Bundle> {
  const forbidden: ForbiddenImport[] = [];
  const { platform, conditions } = targets[target];
  const result = await build({
    ...("entry" in input
      ? { entryPoints: [input.entry] }
      : { stdin: { contents: input.source, resolveDir: input.resolveDir, loader: "js" } }),
    bundle: true,
    write: false,
    format: "esm",
    platform,
    conditions: [...conditions],
    mainFields: platform === "neutral" ? ["module", "main"] : undefined,
    target: "es2022",
    minify,
    metafile: true,
    logLevel: "silent",
    plugins: [recordForbiddenImports(forbidden)],
  });
  return { code: result.outputFiles[0]!.text, metafile: result.metafile, forbidden };
}

/** The inputs that contributed most to a bundle, largest first, as "path: N bytes" lines for a failure message. */
export function largestInputs(metafile: Metafile, count = 10): string {
  const output = Object.values(metafile.outputs)[0];
  if (!output) return "(no output)";
  return Object.entries(output.inputs)
    .sort(([, a], [, b]) => b.bytesInOutput - a.bytesInOutput)
    .slice(0, count)
    .map(([path, { bytesInOutput }]) => `  ${path}: ${bytesInOutput} bytes`)
    .join("\n");
}
