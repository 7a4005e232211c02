// Creates per second against the built emulator (`pnpm build` first). The emulator runs in its own process, so
// it has one core to itself (Node is single-threaded); this process only generates load, through undici.
// Every request is a valid, new partner, so each one runs the full path: auth, rate-limit check, JSON, schema
// validation, create-or-return lookup, username, default link, response. The rate limit is off: at 1,200/min
// it would otherwise be the thing measured.
// Usage: node bench/creates-per-second.mjs [--total 20000] [--connections 64] [--data FILE]
import { spawn } from "node:child_process";
import { parseArgs } from "node:util";
import { Pool } from "undici";

const { values } = parseArgs({
  options: {
    total: { type: "string", default: "20000" },
    connections: { type: "string", default: "64" },
    data: { type: "string" },
  },
});
const total = Number(values.total);
const connections = Number(values.connections);

const args = ["dist/bin.js", "--no-rate-limit", "--quiet", "--seed", "1"];
if (values.data) args.push("--data", values.data);
const child = spawn(process.execPath, args, {
  cwd: new URL("..", import.meta.url),
  stdio: ["ignore", "pipe", "inherit"],
});
const { url, apiKey } = await new Promise((resolve, reject) => {
  let out = "";
  child.stdout.on("data", (chunk) => {
    out += chunk;
    const url = /DUB_API_URL=(\S+)/.exec(out)?.[1];
    const apiKey = /DUB_API_KEY=(\S+)/.exec(out)?.[1];
    if (url && apiKey) resolve({ url, apiKey });
  });
  child.once("exit", (code) => reject(new Error(`emulator exited with ${code}`)));
});

const pool = new Pool(url, { connections, pipelining: 1 });
const headers = { authorization: `Bearer ${apiKey}`, "content-type": "application/json" };
let next = 0;
let created = 0;
const statuses = new Map();

async function worker(run) {
  while (next < total) {
    const i = next++;
    const body = JSON.stringify({
      email: `bench-${run}-${i}@example.com`,
      name: `Bench Partner ${i}`,
      tenantId: `t-${run}-${i}`,
    });
    const res = await pool.request({ path: "/partners", method: "POST", headers, body });
    await res.body.text();
    statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
    if (res.statusCode === 201) created += 1;
  }
}

async function run(label) {
  next = 0;
  created = 0;
  statuses.clear();
  const started = performance.now();
  await Promise.all(Array.from({ length: connections }, () => worker(label)));
  const seconds = (performance.now() - started) / 1000;
  return {
    created,
    seconds,
    perSecond: Math.round(created / seconds),
    statuses: Object.fromEntries(statuses),
  };
}

await run("warmup");
const result = await run("measured");
console.log(
  `${result.created} creates in ${result.seconds.toFixed(2)} s = ${result.perSecond} creates/s ` +
    `(${connections} connections, statuses ${JSON.stringify(result.statuses)}${values.data ? ", durable --data" : ""})`,
);
await pool.close();
child.kill("SIGTERM");
