import { readdirSync } from "node:fs";
import { defineConfig } from "tsup";

// One entry per operation module, found on disk: the client imports each operation's schemas on its own (lazily,
// so `import("@dubkit/partners")` never loads zod), and a new operation needs no entry written here.
const operations = readdirSync("src/operations")
  .filter((file) => file.endsWith(".ts") && !file.includes(".test"))
  .map((file) => `src/operations/${file}`);

export default defineConfig({
  entry: ["src/index.ts", "src/values.ts", ...operations],
  format: ["esm", "cjs"],
  dts: { compilerOptions: { stripInternal: true } },
  clean: true,
  target: "es2022",
  platform: "neutral",
});
