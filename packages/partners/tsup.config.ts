import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/index.ts", "src/schemas.ts"],
  format: ["esm", "cjs"],
  dts: { compilerOptions: { stripInternal: true } },
  clean: true,
  target: "es2022",
  platform: "neutral",
  // The CommonJS build loads each operation's schemas with require(), so a CommonJS app gets the CommonJS contract
  // (one copy of each schema) rather than its ESM twin.
  esbuildOptions(options, { format }) {
    if (format === "cjs") options.supported = { ...options.supported, "dynamic-import": false };
  },
});
