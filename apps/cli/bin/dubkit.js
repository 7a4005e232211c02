#!/usr/bin/env node
// Committed so package managers can link the bin before the first build; the program is in dist/.
// In a fresh clone nothing is built yet: say what to run instead of failing with a stack trace.
import { existsSync } from "node:fs";

const program = new URL("../dist/bin.js", import.meta.url);
if (!existsSync(program)) {
  process.stderr.write("dubkit is not built yet: run npx -y pnpm@10.34.9 --filter @dubkit/cli... build\n");
  process.exit(1);
}
await import(program.href);
