import { defineConfig } from "tsup";

// @sindresorhus/slugify is ESM-only and must match the server's slugs exactly, so it is bundled (into both the
// ESM and the CJS build) instead of being a runtime dependency.
const bundled = ["@sindresorhus/slugify", "@sindresorhus/transliterate", "escape-string-regexp"];

export default defineConfig([
  {
    entry: ["src/index.ts"],
    format: ["esm", "cjs"],
    dts: true,
    clean: true,
    sourcemap: true,
    target: "node20",
    platform: "node",
    noExternal: bundled,
  },
  {
    entry: ["src/bin.ts"],
    format: ["esm"],
    sourcemap: true,
    target: "node20",
    platform: "node",
    noExternal: bundled,
    banner: { js: "#!/usr/bin/env node" },
  },
]);
