// Measures `dubkit partners import` side by side with a bare `undici.request` loop posting the same rows to the same
// kind of emulator (each run gets a fresh one, in its own process, so its CPU and memory are not counted), at the
// same concurrency, unthrottled: rows per second, client CPU per row, and the CLI's peak RSS. With --429 it also
// measures recovery from one rate-limit answer. Build first (`pnpm --filter @dubkit/cli build`).
//
// Usage: node bench/import-throughput.mjs [--rows=20000] [--concurrency=8] [--rounds=3] [--rss-rows=0] [--429]
//   --rss-rows=1000000 adds one import of that many rows for peak RSS (slow: minutes).
//   --429 adds the rate-limit recovery run (about 40 s).

import { spawn } from "node:child_process";
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { processMeter, startEmulatorProcess } from "./bench-process.mjs";

const { values: args } = parseArgs({
  options: {
    rows: { type: "string", default: "20000" },
    concurrency: { type: "string", default: "8" },
    rounds: { type: "string", default: "3" },
    "rss-rows": { type: "string", default: "0" },
    429: { type: "boolean", default: false },
  },
});
const ROWS = Number(args.rows);
const CONCURRENCY = Number(args.concurrency);
const ROUNDS = Number(args.rounds);
const RSS_ROWS = Number(args["rss-rows"]);

const bin = fileURLToPath(new URL("../dist/bin.js", import.meta.url));
const emulatorBin = fileURLToPath(import.meta.resolve("@dubkit/emulator").replace(/index\.js$/, "bin.js"));
// undici is @dubkit/fetch's dependency; the loop uses the same copy the CLI sends with.
const undici = createRequire(import.meta.resolve("@dubkit/fetch")).resolve("undici");
const dir = await mkdtemp(join(tmpdir(), "dubkit-bench-"));
const apiKey = "dub_benchbenchbenchbenchbench";

const rowOf = (i) => ({
  email: `user${i}@example.com`,
  name: `User ${i}, Jr.`,
  tenantId: `t${i}`,
  ext: `ext${i}`,
});

async function writeCsv(path, rows) {
  const out = createWriteStream(path);
  out.write("email,name,tenant_id,link_props.external_id\n");
  for (let i = 1; i <= rows; i++) {
    const r = rowOf(i);
    if (!out.write(`${r.email},"${r.name}",${r.tenantId},${r.ext}\n`)) await once(out, "drain");
  }
  out.end();
  await once(out, "close");
}

// A million partners take the emulator past V8's default heap limit, where it would spend its time collecting.
const startEmulator = (extra = []) =>
  startEmulatorProcess(
    emulatorBin,
    ["--quiet", "--api-key", apiKey, ...extra],
    RSS_ROWS > 200_000 ? ["--max-old-space-size=12288"] : [],
  );

// The CLI and the loop report their own CPU and peak RSS as they exit.
const measure = await processMeter(dir);

const loopScript = join(dir, "loop.mjs");
await writeFile(
  loopScript,
  `import { request } from ${JSON.stringify(undici)};
const [url, rows, concurrency] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])];
const headers = { authorization: "Bearer ${apiKey}", "content-type": "application/json" };
let next = 1;
await Promise.all(Array.from({ length: concurrency }, async () => {
  while (next <= rows) {
    const i = next++;
    const body = JSON.stringify({ email: \`user\${i}@example.com\`, name: \`User \${i}, Jr.\`, tenantId: \`t\${i}\`, linkProps: { externalId: \`ext\${i}\` } });
    const response = await request(url + "/partners", { method: "POST", headers, body });
    JSON.parse(await response.body.text());
  }
}));
`,
);

async function runLoop(rows) {
  const emulator = await startEmulator(["--no-rate-limit"]);
  try {
    return await measure([loopScript, emulator.url, String(rows), String(CONCURRENCY)]);
  } finally {
    await emulator.stop();
  }
}

async function runImport(csv, rows, extra = [], emulatorArgs = ["--no-rate-limit"]) {
  const emulator = await startEmulator(emulatorArgs);
  await rm(`${csv}.journal`, { force: true });
  try {
    const result = await measure(
      [
        bin,
        "--base-url",
        emulator.url,
        "partners",
        "import",
        csv,
        "--concurrency",
        String(CONCURRENCY),
        "--json",
        ...extra,
      ],
      { DUB_API_KEY: apiKey, DUBKIT_PROGRESS_INTERVAL_MS: "1000" },
    );
    const summary = JSON.parse(result.stdout);
    if (summary.created !== rows) throw new Error(`created ${summary.created} of ${rows}`);
    return { ...result, summary };
  } finally {
    await emulator.stop();
  }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const csv = join(dir, "partners.csv");
if (ROUNDS > 0) await writeCsv(csv, ROWS);

// Interleaved rounds, so load from other processes hits both alike.
const result = { rows: ROWS, concurrency: CONCURRENCY, rounds: ROUNDS };
if (ROUNDS > 0) {
  const loops = [];
  const imports = [];
  for (let round = 0; round < ROUNDS; round++) {
    loops.push(await runLoop(ROWS));
    imports.push(await runImport(csv, ROWS, ["--rate", "off"]));
  }
  const loopRate = median(loops.map((r) => ROWS / r.seconds));
  const importRate = median(imports.map((r) => ROWS / r.seconds));
  const loopCpu = median(loops.map((r) => r.cpuUs / ROWS));
  const importCpu = median(imports.map((r) => r.cpuUs / ROWS));
  Object.assign(result, {
    loopRowsPerSecond: Math.round(loopRate),
    importRowsPerSecond: Math.round(importRate),
    // The median of the rounds' ratios: each round's two runs saw the same load.
    throughputRatio: Number(median(imports.map((r, i) => loops[i].seconds / r.seconds)).toFixed(2)),
    throughputRatios: imports.map((r, i) => Number((loops[i].seconds / r.seconds).toFixed(2))),
    loopCpuUsPerRow: Math.round(loopCpu),
    importCpuUsPerRow: Math.round(importCpu),
    cpuRatio: Number(median(imports.map((r, i) => r.cpuUs / loops[i].cpuUs)).toFixed(2)),
    cpuRatios: imports.map((r, i) => Number((r.cpuUs / loops[i].cpuUs).toFixed(2))),
    loopPeakRssMb: Math.round(Math.max(...loops.map((r) => r.rssMb))),
    importPeakRssMb: Math.round(Math.max(...imports.map((r) => r.rssMb))),
  });
}

if (RSS_ROWS > 0) {
  const big = join(dir, "big.csv");
  await writeCsv(big, RSS_ROWS);
  const run = await runImport(big, RSS_ROWS, ["--rate", "off"]);
  result.rssRows = RSS_ROWS;
  result.rssRowsPerSecond = Math.round(RSS_ROWS / run.seconds);
  result.rssPeakMb = Math.round(run.rssMb);
  await rm(big, { force: true });
}

if (args[429]) result.rateLimit = await rateLimitRecovery();

console.log(JSON.stringify(result, null, 2));
await rm(dir, { recursive: true, force: true });

/**
 * One 429 in the middle of an import paced as a plan would pace it: the emulator (business plan, 1,200 requests per
 * window, the window shortened to 10 s so the run is short) allows 120 requests/s; the import is given that rate
 * (`--rate`, paced 2% under it, as `--plan` does). Mid-window another client spends the rest of the window, so the
 * import meets a 429 whose Retry-After is the window's end. Measured, from the emulator's own records: the import's
 * creates per second in the window right after that reset, against the allowed rate, and the wait the 429 cost.
 */
async function rateLimitRecovery() {
  const WINDOW_MS = 10_000;
  const LIMIT = 1200;
  const allowedPerSecond = LIMIT / (WINDOW_MS / 1000);
  const rows = 8000;
  const file = join(dir, "paced.csv");
  await writeCsv(file, rows);
  await rm(`${file}.journal`, { force: true });
  const { startEmulator: start } = await import("@dubkit/emulator");
  const { Dub } = await import("@dubkit/partners");
  const emulator = await start({
    port: 0,
    apiKey,
    plan: "business",
    rateLimit: { windowMs: WINDOW_MS, limit: LIMIT },
  });
  const samples = [];
  const sampler = setInterval(() => {
    const imported = emulator.partners().filter((p) => p.email.startsWith("user")).length;
    samples.push({ at: Date.now(), imported, rateLimited: emulator.stats().rateLimited });
  }, 50);
  try {
    const child = spawn(
      process.execPath,
      [
        bin,
        "--base-url",
        emulator.url,
        "partners",
        "import",
        file,
        "--rate",
        `${allowedPerSecond * 60 * 0.98}/min`,
        "--json",
      ],
      { env: { ...process.env, DUB_API_KEY: apiKey }, stdio: ["ignore", "pipe", "pipe"] },
    );
    let stdout = "";
    child.stdout.setEncoding("utf8").on("data", (chunk) => (stdout += chunk));
    child.stderr.resume();
    const done = once(child, "exit");
    // Past one full window of steady pacing, at the middle of a window, spend what is left of it from another client.
    await new Promise((resolve) => setTimeout(resolve, WINDOW_MS * 1.5));
    await new Promise((resolve) => setTimeout(resolve, WINDOW_MS / 2 - (Date.now() % WINDOW_MS) + WINDOW_MS));
    const dub = new Dub({ token: apiKey, serverURL: emulator.url, retries: { strategy: "none" } });
    // Keep taking every slot the sliding window frees for half a second, so the import surely meets a 429.
    let burst = 0;
    let refusedSince;
    while (refusedSince === undefined || Date.now() - refusedSince < 500) {
      try {
        await dub.partners.create({ email: `burst${burst}@example.com` });
        burst++;
      } catch {
        refusedSince ??= Date.now();
      }
    }
    await dub.close();
    await done;
    clearInterval(sampler);
    const summary = JSON.parse(stdout);
    const hit = samples.find((s) => s.rateLimited > 0);
    const reset = Math.ceil(hit.at / WINDOW_MS) * WINDOW_MS;
    const at = (time) =>
      samples.reduce((best, s) => (Math.abs(s.at - time) < Math.abs(best.at - time) ? s : best));
    const after = at(reset + WINDOW_MS).imported - at(reset).imported;
    const before = at(reset - WINDOW_MS).imported - at(reset - 2 * WINDOW_MS).imported;
    return {
      emulatorRateLimited: emulator.stats().rateLimited,
      windowMs: WINDOW_MS,
      allowedPerSecond,
      burst,
      importRateLimited: summary.rateLimited,
      waitMs: reset - hit.at,
      paceBeforeRatio: Number((before / (allowedPerSecond * (WINDOW_MS / 1000))).toFixed(3)),
      paceAfterResetRatio: Number((after / (allowedPerSecond * (WINDOW_MS / 1000))).toFixed(3)),
    };
  } finally {
    clearInterval(sampler);
    await emulator.stop();
  }
}
