import { defineConfig, type Options } from "tsup";

// Bundled instead of depended on:
// - @sindresorhus/slugify is ESM-only and must match the server's slugs exactly;
// - chrono-node (with its dayjs), punycode, date-fns and @date-fns/tz at the versions Dub's server pins, so dates,
//   keys and analytics windows are read and computed as there;
// - the contract and zod, with zod resolved to zod 4.3.5 (the `zod-server` alias), the exact version Dub's server
//   validates with: the emulator's 422 messages are then the server's by construction, whatever zod the app uses.
const bundled = [
  "@sindresorhus/slugify",
  "@sindresorhus/transliterate",
  "escape-string-regexp",
  "chrono-node",
  "dayjs",
  "punycode",
  "date-fns",
  "@date-fns/tz",
  "@dubkit/contract",
  "zod",
  "zod-server",
];
const serverZod: Options["esbuildOptions"] = (options) => {
  options.alias = { ...options.alias, zod: "zod-server" };
};

export default defineConfig([
  {
    entry: ["src/index.ts"],
    format: ["esm", "cjs"],
    dts: { compilerOptions: { stripInternal: true } },
    clean: true,
    target: "node20",
    platform: "node",
    noExternal: bundled,
    esbuildOptions: serverZod,
  },
  {
    entry: ["src/bin.ts"],
    format: ["esm"],
    target: "node20",
    platform: "node",
    noExternal: bundled,
    esbuildOptions: serverZod,
    banner: { js: "#!/usr/bin/env node" },
  },
]);
