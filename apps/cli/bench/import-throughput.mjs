// Measures `dubkit partners import` against the emulator with no rate limit: rows per second and the
// CLI's peak RSS. Usage: node bench/import-throughput.mjs [rows=1000000] [concurrency=64]
// Build first (`pnpm --filter @dubkit/cli build`). The emulator runs in its own process, so its memory
// (it keeps every partner) is not counted.

import { spawn } from "node:child_process";
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const rows = Number(process.argv[2] ?? 1_000_000);
const concurrency = Number(process.argv[3] ?? 64);
const bin = fileURLToPath(new URL("../dist/bin.js", import.meta.url));
const emulatorBin = fileURLToPath(import.meta.resolve("@dubkit/emulator").replace(/index\.js$/, "bin.js"));
const dir = await mkdtemp(join(tmpdir(), "dubkit-bench-"));
const csv = join(dir, "partners.csv");

const out = createWriteStream(csv);
out.write("email,name,tenant_id,link_props.external_id\n");
for (let i = 1; i <= rows; i++) {
  if (!out.write(`user${i}@example.com,"User ${i}, Jr.",t${i},ext${i}\n`)) await once(out, "drain");
}
out.end();
await once(out, "close");

// Peak RSS as the process itself reports it, written as it exits.
const hook = join(dir, "rss-hook.cjs");
await writeFile(
  hook,
  `process.on("exit", () => require("node:fs").writeFileSync(process.env.DUBKIT_RSS_FILE, String(process.resourceUsage().maxRSS)));\n`,
);

const apiKey = "dub_benchbenchbenchbenchbench";
const emulator = spawn(process.execPath, [emulatorBin, "--no-rate-limit", "--quiet", "--api-key", apiKey], {
  stdio: ["ignore", "pipe", "inherit"],
});
let banner = "";
const url = await new Promise((resolve) => {
  emulator.stdout.setEncoding("utf8").on("data", (chunk) => {
    banner += chunk;
    const match = /DUB_API_URL=(\S+)/.exec(banner);
    if (match) resolve(match[1]);
  });
});

const rssFile = join(dir, "rss");
const started = Date.now();
const cli = spawn(
  process.execPath,
  [
    "--require",
    hook,
    bin,
    "--base-url",
    url,
    "partners",
    "import",
    csv,
    "--rate",
    "off",
    "--concurrency",
    String(concurrency),
    "--json",
  ],
  {
    env: {
      ...process.env,
      DUB_API_KEY: apiKey,
      DUBKIT_RSS_FILE: rssFile,
      DUBKIT_PROGRESS_INTERVAL_MS: "10000",
    },
    stdio: ["ignore", "pipe", "inherit"],
  },
);
let stdout = "";
cli.stdout.setEncoding("utf8").on("data", (chunk) => {
  stdout += chunk;
});
const [code] = await once(cli, "exit");
const seconds = (Date.now() - started) / 1000;
emulator.kill("SIGINT");
const summary = JSON.parse(stdout);
const peakRssMb = Number(await readFile(rssFile, "utf8")) / 1024;
console.log(
  JSON.stringify({
    rows,
    concurrency,
    exitCode: code,
    created: summary.created,
    failed: summary.failed,
    seconds,
    rowsPerSecond: Math.round(rows / seconds),
    peakRssMb: Math.round(peakRssMb),
  }),
);
await rm(dir, { recursive: true, force: true });
