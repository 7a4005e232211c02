import { defineConfig } from "tsup";

export default defineConfig({
  // Each operation is an entry of its own, so the build splits the schemas into one chunk per operation: a bundle
  // that imports only `createPartner` never reaches the list-partners schemas. (esbuild keeps every module-level
  // schema call of a file it includes, as it cannot see that the kit's constructors are pure across packages.)
  entry: [
    "src/index.ts",
    "src/schemas.ts",
    "src/operations/create-partner.ts",
    "src/operations/list-partners.ts",
  ],
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  sourcemap: true,
  target: "es2022",
  platform: "neutral",
});
