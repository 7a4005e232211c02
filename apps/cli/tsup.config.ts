import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/bin.ts"],
  format: ["esm"],
  clean: true,
  splitting: true,
  target: "node20",
  platform: "node",
  banner: { js: "#!/usr/bin/env node" },
});
