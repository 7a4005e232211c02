// Node 20 (the machine's), 22 and 24 each run the smoke program twice: loading the packages with `import` and with
// `require`, and each run reports which build file it resolved, so an `exports` map that sends both to the same
// format fails here.
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { useEmulator } from "../support/emulator.js";
import { machineNode, node22, node24, type Runtime } from "../support/runtimes.js";
import { expectSmokePassed, runSmokeEntry, smokeDir } from "../support/smoke.js";

const emulator = useEmulator();

const nodes: { name: string; major: string; runtime: () => Runtime }[] = [
  { name: "Node 20", major: "20", runtime: machineNode },
  { name: "Node 22", major: "22", runtime: node22 },
  { name: "Node 24", major: "24", runtime: node24 },
];

// On Node, @dubkit/fetch resolves to its Node entry (the undici pool, loaded lazily).
const loaders = [
  {
    loadedAs: "import",
    entry: "import.mjs",
    build: /\/dist\/index\.js$/,
    transport: /\/dist\/index\.node\.js$/,
  },
  {
    loadedAs: "require",
    entry: "require.cjs",
    build: /\/dist\/index\.cjs$/,
    transport: /\/dist\/index\.node\.cjs$/,
  },
] as const;

describe.concurrent.each(nodes)("$name", ({ name, major, runtime }) => {
  test.each(loaders)(
    "runs the smoke program with the packages loaded by $loadedAs",
    async ({ loadedAs, entry, build, transport }) => {
      const report = await runSmokeEntry(runtime().executable, [join(smokeDir, entry)], emulator(), {
        label: `${name} (${loadedAs})`,
        cwd: smokeDir,
      });
      expect(report.runtime, `${name} ran on another Node`).toMatch(new RegExp(`^node ${major}\\.`));
      expect(report.loadedAs).toBe(loadedAs);
      expect(report.resolved).toMatch(build);
      expect(report.transport).toMatch(transport);
      expectSmokePassed(report.result);
    },
  );
});
