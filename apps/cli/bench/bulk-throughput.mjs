// Measures the bulk forms on the import's engine against a fresh emulator each (in its own process, no rate limit):
// `partners links upsert FILE` (half the rows name the partner by id, half by tenantId, looked up once each) and
// `partners applications approve --all-pending --yes` (the listing read first, then one approval each), side by side
// with a bare `undici.request` loop sending the same upserts and approvals by id at the same concurrency. Reports
// rows per second (wall time of the whole process, start-up and plan included) and client CPU per row. Build first
// (`pnpm --filter @dubkit/cli build`).
//
// Usage: node bench/bulk-throughput.mjs [--links=2000] [--applications=500] [--partners=100] [--concurrency=8] [--rounds=3]

import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { processMeter, startEmulatorProcess } from "./bench-process.mjs";

const { values: args } = parseArgs({
  options: {
    links: { type: "string", default: "2000" },
    applications: { type: "string", default: "500" },
    partners: { type: "string", default: "100" },
    concurrency: { type: "string", default: "8" },
    rounds: { type: "string", default: "3" },
  },
});
const LINKS = Number(args.links);
const APPLICATIONS = Number(args.applications);
const PARTNERS = Number(args.partners);
const CONCURRENCY = Number(args.concurrency);
const ROUNDS = Number(args.rounds);

const bin = fileURLToPath(new URL("../dist/bin.js", import.meta.url));
const emulatorBin = fileURLToPath(import.meta.resolve("@dubkit/emulator").replace(/index\.js$/, "bin.js"));
const undici = createRequire(import.meta.resolve("@dubkit/fetch")).resolve("undici");
const dir = await mkdtemp(join(tmpdir(), "dubkit-bulk-bench-"));
const apiKey = "dub_benchbenchbenchbenchbench";

const seedFile = join(dir, "seed.json");
await writeFile(
  seedFile,
  JSON.stringify({
    partners: Array.from({ length: PARTNERS }, (_, i) => ({
      email: `p${i}@example.com`,
      name: `P ${i}`,
      tenantId: `t${i}`,
    })),
    applications: Array.from({ length: APPLICATIONS }, (_, i) => ({
      email: `a${i}@example.com`,
      name: `A ${i}`,
    })),
  }),
);

async function startEmulator() {
  const emulator = await startEmulatorProcess(emulatorBin, [
    "--quiet",
    "--api-key",
    apiKey,
    "--no-rate-limit",
    "--seed-file",
    seedFile,
  ]);
  const { url } = emulator;
  const get = async (path) =>
    (await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${apiKey}` } })).json();
  return {
    url,
    partnerIds: async () => {
      const ids = [];
      for (let page = 1; ids.length < PARTNERS; page++)
        ids.push(...(await get(`/partners?page=${page}&pageSize=100`)).map((p) => p.id));
      return ids;
    },
    applicantIds: async () => {
      const ids = [];
      for (let page = 1; ; page++) {
        const items = await get(`/partners/applications?page=${page}&pageSize=100`);
        ids.push(...items.map((a) => a.partner.id));
        if (items.length < 100) return ids;
      }
    },
    stop: emulator.stop,
  };
}

// Each measured process reports its own CPU as it exits.
const measure = await processMeter(dir);

const loopScript = join(dir, "loop.mjs");
await writeFile(
  loopScript,
  `import { request } from ${JSON.stringify(undici)};
import { readFileSync } from "node:fs";
const [url, file, concurrency] = [process.argv[2], process.argv[3], Number(process.argv[4])];
const work = JSON.parse(readFileSync(file, "utf8"));
const headers = { authorization: "Bearer ${apiKey}", "content-type": "application/json" };
let next = 0;
await Promise.all(Array.from({ length: concurrency }, async () => {
  while (next < work.length) {
    const { method, path, body } = work[next++];
    const response = await request(url + path, { method, headers, body: JSON.stringify(body) });
    if (response.statusCode >= 300) throw new Error(path + " " + response.statusCode);
    JSON.parse(await response.body.text());
  }
}));
`,
);

const cli = (url, argv) =>
  measure(
    [bin, "--base-url", url, ...argv, "--concurrency", String(CONCURRENCY), "--rate", "off", "--json"],
    {
      DUB_API_KEY: apiKey,
    },
  );

async function linksRound() {
  const emulator = await startEmulator();
  try {
    const ids = await emulator.partnerIds();
    const file = join(dir, "links.csv");
    const rows = Array.from({ length: LINKS }, (_, i) =>
      i % 2 === 0
        ? `${ids[i % PARTNERS]},,https://acme.test/l${i},k${i}`
        : `,t${i % PARTNERS},https://acme.test/l${i},k${i}`,
    );
    await writeFile(file, `partnerId,tenantId,url,key\n${rows.join("\n")}\n`);
    await rm(`${file}.upsert.journal`, { force: true });
    const run = await cli(emulator.url, ["partners", "links", "upsert", file]);
    const summary = JSON.parse(run.stdout);
    if (summary.created !== LINKS) throw new Error(`created ${summary.created} of ${LINKS}`);
    const work = join(dir, "loop-links.json");
    await writeFile(
      work,
      JSON.stringify(
        Array.from({ length: LINKS }, (_, i) => ({
          method: "PUT",
          path: "/partners/links/upsert",
          body: { partnerId: ids[i % PARTNERS], url: `https://acme.test/m${i}`, key: `m${i}` },
        })),
      ),
    );
    const loop = await measure([loopScript, emulator.url, work, String(CONCURRENCY)]);
    return { run, loop, rows: LINKS };
  } finally {
    await emulator.stop();
  }
}

async function approveRound() {
  const loopEmulator = await startEmulator();
  let loop;
  try {
    const ids = await loopEmulator.applicantIds();
    const work = join(dir, "loop-approvals.json");
    await writeFile(
      work,
      JSON.stringify(
        ids.map((partnerId) => ({
          method: "POST",
          path: "/partners/applications/approve",
          body: { partnerId },
        })),
      ),
    );
    loop = await measure([loopScript, loopEmulator.url, work, String(CONCURRENCY)]);
  } finally {
    await loopEmulator.stop();
  }
  const emulator = await startEmulator();
  try {
    const journal = join(dir, "approve.journal");
    await rm(journal, { force: true });
    const run = await cli(emulator.url, [
      "partners",
      "applications",
      "approve",
      "--all-pending",
      "--yes",
      "--journal",
      journal,
    ]);
    const summary = JSON.parse(run.stdout);
    if (summary.approved !== APPLICATIONS) throw new Error(`approved ${summary.approved} of ${APPLICATIONS}`);
    return { run, loop, rows: APPLICATIONS };
  } finally {
    await emulator.stop();
  }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function report(rounds) {
  const rate = (r) => rounds[0].rows / r.seconds;
  return {
    rows: rounds[0].rows,
    rowsPerSecond: Math.round(median(rounds.map((r) => rate(r.run)))),
    sendingRowsPerSecond: median(rounds.map((r) => JSON.parse(r.run.stdout).rowsPerSecond)),
    loopRowsPerSecond: Math.round(median(rounds.map((r) => rate(r.loop)))),
    throughputRatios: rounds.map((r) => Number((r.loop.seconds / r.run.seconds).toFixed(2))),
    cpuUsPerRow: Math.round(median(rounds.map((r) => r.run.cpuUs / r.rows))),
    loopCpuUsPerRow: Math.round(median(rounds.map((r) => r.loop.cpuUs / r.rows))),
  };
}

const links = [];
const approvals = [];
for (let round = 0; round < ROUNDS; round++) {
  links.push(await linksRound());
  approvals.push(await approveRound());
}
console.log(
  JSON.stringify(
    {
      concurrency: CONCURRENCY,
      rounds: ROUNDS,
      linksUpsert: report(links),
      approveAllPending: report(approvals),
    },
    null,
    2,
  ),
);
await rm(dir, { recursive: true, force: true });
