// Import cost: the median wall time of a fresh `node` that imports a package, minus the median of
// `node -e 0` measured in the same run and environment (NODE_EXTRA_CA_CERTS and the like slow
// every Node start alike, so only the difference means anything). Target: @dubkit/partners costs
// at most 50 ms more than `node -e 0`, and at most 0.25x what `dub` costs. The same difference in CPU time
// (user + system, read by the child itself at exit) is shown too: on a busy machine wall time
// includes waiting for a core, CPU time does not.
//
// Usage: node import-time.mjs [--runs=21]

import { spawnSync } from "node:child_process";
import { parseArgs } from "node:util";

const { values: args } = parseArgs({ options: { runs: { type: "string", default: "21" } } });
const RUNS = Number(args.runs);
const TARGET_MS = 50;
const TARGET_SHARE_OF_DUB = 0.25;

// Every child prints its own CPU time last; printing it costs the same in every case.
const REPORT_CPU = "process.stdout.write(String(process.cpuUsage().user + process.cpuUsage().system))";

const cases = [
  { label: "node -e 0 (baseline)", argv: ["-e", `0;${REPORT_CPU}`] },
  { label: "node --input-type=module -e 0", argv: ["--input-type=module", "-e", `0;${REPORT_CPU}`] },
  { label: "@dubkit/partners", argv: importing("@dubkit/partners"), judged: true },
  { label: "@dubkit/fetch", argv: importing("@dubkit/fetch") },
  { label: "@dubkit/core", argv: importing("@dubkit/core") },
  { label: "@dubkit/contract (loads zod)", argv: importing("@dubkit/contract") },
  {
    label: "@dubkit/partners + first validation",
    argv: [
      "--input-type=module",
      "-e",
      `const { DubCore, createPartner } = await import("@dubkit/partners"); await createPartner(new DubCore({ token: "dub_x" }), { email: "-" }).catch(() => {});${REPORT_CPU}`,
    ],
  },
  { label: "zod (reference)", argv: importing("zod") },
  { label: "dub (official SDK, reference)", argv: importing("dub") },
];

function importing(name) {
  return ["--input-type=module", "-e", `await import(${JSON.stringify(name)});${REPORT_CPU}`];
}

function run(argv) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, argv, { cwd: import.meta.dirname, encoding: "utf8" });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`node ${argv.join(" ")} failed:\n${result.stderr}`);
  return { ms, cpuMs: Number(result.stdout) / 1000 };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const available = cases.filter((c) => {
  try {
    run(c.argv);
    return true;
  } catch (error) {
    console.error(`skipping ${c.label}: ${error.message.split("\n")[0]}`);
    return false;
  }
});

// Interleaved so that load from other processes affects every case alike.
const runs = new Map(available.map((c) => [c, []]));
for (let i = 0; i < RUNS; i++) for (const c of available) runs.get(c).push(run(c.argv));
const wall = (c) => median(runs.get(c).map((r) => r.ms));
const cpu = (c) => median(runs.get(c).map((r) => r.cpuMs));

const [baseline] = available;
console.log(`Import time, median of ${RUNS} fresh processes, Node ${process.version}`);
console.log(
  `  ${"".padEnd(34)} ${"wall".padStart(10)} ${"over -e 0".padStart(10)} ${"CPU".padStart(10)} ${"over -e 0".padStart(10)}`,
);
const ms = (n) => `${n.toFixed(1)} ms`.padStart(10);
for (const c of available) {
  console.log(
    `  ${c.label.padEnd(34)} ${ms(wall(c))} ${ms(wall(c) - wall(baseline))} ${ms(cpu(c))} ${ms(cpu(c) - cpu(baseline))}`,
  );
}
const judged = available.find((c) => c.judged);
if (judged) {
  const extra = wall(judged) - wall(baseline);
  const extraCpu = cpu(judged) - cpu(baseline);
  const verdict = extra <= TARGET_MS ? "met" : "MISSED";
  console.log(
    `Target: ${judged.label} <= +${TARGET_MS} ms wall: ${verdict} (+${extra.toFixed(1)} ms wall, +${extraCpu.toFixed(1)} ms CPU)`,
  );
  const dub = available.find((c) => c.label.startsWith("dub "));
  if (dub) {
    const share = extra / (wall(dub) - wall(baseline));
    console.log(
      `Target: ${judged.label} <= ${TARGET_SHARE_OF_DUB}x the official SDK's import: ${share <= TARGET_SHARE_OF_DUB ? "met" : "MISSED"} (${share.toFixed(2)}x)`,
    );
  }
}
