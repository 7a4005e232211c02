import { defineConfig } from "tsup";

export default defineConfig({
  // index.node and index.browser are the Node and browser builds of the main entry; node is `@dubkit/fetch/node`.
  entry: ["src/index.ts", "src/index.node.ts", "src/index.browser.ts", "src/node.ts"],
  format: ["esm", "cjs"],
  dts: { compilerOptions: { stripInternal: true } },
  clean: true,
  target: "es2022",
  platform: "neutral",
  external: ["undici", /^node:/],
});
