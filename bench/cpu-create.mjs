// Client CPU per partner create, against the cheapest floor undici offers: a keep-alive `undici.Pool` to the origin,
// `pool.request({ path, method, headers, body })` and `JSON.parse` of the body text. Every client runs at the same
// concurrency (16 requests in flight) against the same emulator, which runs in a child process so only the client's
// CPU is counted. Target: dubkit's `partners.create` at most 1.5x the floor.
//
// Usage: node --expose-gc cpu-create.mjs [--requests=400] [--rounds=20] [--concurrency=16] [--clients=pool,agent,transport,dubkit,dub]
// Each round sends `requests` creates with every client in turn (the order alternates), so load from other
// processes hits all clients alike; a client's figure is its total CPU over all rounds divided by the floor's, and
// the spread is the middle half of the per-round ratios.

import { spawn } from "node:child_process";
import { once } from "node:events";
import { createRequire } from "node:module";
import { parseArgs } from "node:util";
import { Agent, Pool, request } from "undici";

const { values: args } = parseArgs({
  options: {
    requests: { type: "string", default: "400" },
    rounds: { type: "string", default: "20" },
    concurrency: { type: "string", default: "16" },
    clients: { type: "string", default: "pool,agent,transport,dubkit,dub" },
  },
});
const REQUESTS = Number(args.requests);
const ROUNDS = Number(args.rounds);
const CONCURRENCY = Number(args.concurrency);
const WARMUP = 2000;
const TARGET = 1.5;
const input = { email: "jane@example.com", name: "Jane Doe", tenantId: "user_42" };

/** The emulator's bin in a child process, without a rate limit; resolves to its URL and key. */
async function startEmulator() {
  const bin = createRequire(import.meta.url)
    .resolve("@dubkit/emulator/package.json")
    .replace(/package\.json$/, "bin/dubkit-emulator.js");
  const child = spawn(process.execPath, [bin, "--no-rate-limit", "--quiet", "--seed", "1"], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  let text = "";
  while (!/DUB_API_KEY=\S+/.test(text)) {
    const [chunk] = await once(child.stdout, "data");
    text += chunk;
  }
  const url = /DUB_API_URL=(\S+)/.exec(text)[1];
  const key = /DUB_API_KEY=(\S+)/.exec(text)[1];
  return { url, key, stop: () => child.kill() };
}

// Each client is a function sending one create and returning the parsed partner, plus a close.
const factories = {
  /** The floor: undici.Pool to the origin, JSON in, JSON.parse of the text out, nothing else. */
  async pool({ url, key }) {
    const pool = new Pool(url);
    const headers = { authorization: `Bearer ${key}`, "content-type": "application/json" };
    return {
      label: "undici.Pool.request + JSON.parse (floor)",
      send: async () => {
        const response = await pool.request({
          path: "/partners",
          method: "POST",
          headers,
          body: JSON.stringify(input),
        });
        return JSON.parse(await response.body.text());
      },
      close: () => pool.close(),
    };
  },
  /** For reference: undici.request(url) on a keep-alive Agent (the floor this bench used before). */
  async agent({ url, key }) {
    const dispatcher = new Agent();
    const headers = { authorization: `Bearer ${key}`, "content-type": "application/json" };
    return {
      label: "undici.request(url) on an Agent",
      send: async () => {
        const response = await request(`${url}/partners`, {
          method: "POST",
          headers,
          body: JSON.stringify(input),
          dispatcher,
        });
        return response.body.json();
      },
      close: () => dispatcher.close(),
    };
  },
  /** @dubkit/fetch's transport with pass-through schemas: the transport's own cost. */
  async transport({ url, key }) {
    const { createTransport } = await import("@dubkit/fetch");
    const { defineOperation } = await import("@dubkit/core");
    const passThrough = { "~standard": { version: 1, vendor: "bench", validate: (value) => ({ value }) } };
    const operation = defineOperation({
      id: "createPartner",
      method: "POST",
      path: "/partners",
      body: passThrough,
      response: passThrough,
      retry: "idempotent",
    });
    const transport = createTransport({ token: key, serverURL: url });
    return {
      label: "@dubkit/fetch transport, pass-through schemas",
      send: () => transport.request(operation, input),
      close: () => transport.close(),
    };
  },
  /** The real thing: `new Dub().partners.create` from @dubkit/partners, with its zod schemas. */
  async dubkit({ url, key }) {
    const { Dub } = await import("@dubkit/partners");
    const dub = new Dub({ token: key, serverURL: url });
    return {
      label: "@dubkit/partners Dub.partners.create",
      send: () => dub.partners.create(input),
      close: () => dub.close(),
    };
  },
  /** For reference: the official SDK (WHATWG fetch, strict zod parsing). */
  async dub({ url, key }) {
    const { Dub } = await import("dub");
    const dub = new Dub({ token: key, serverURL: url });
    return {
      label: "official dub SDK partners.create (reference)",
      send: () => dub.partners.create(input),
      close: () => {},
    };
  },
};

/**
 * CPU microseconds per request for `count` requests, `CONCURRENCY` in flight. The heap is collected first (run with
 * --expose-gc, as `pnpm bench` does), so no client pays for the garbage the one before it left.
 */
async function measure(client, count) {
  globalThis.gc?.();
  const start = process.cpuUsage();
  let next = 0;
  const worker = async () => {
    while (next < count) {
      next++;
      await client.send();
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const used = process.cpuUsage(start);
  return (used.user + used.system) / count;
}

function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

const server = await startEmulator();
try {
  const wanted = args.clients.split(",").filter((name) => name in factories);
  if (wanted[0] !== "pool") wanted.unshift("pool");
  const clients = {};
  for (const name of [...new Set(wanted)]) {
    try {
      const client = await factories[name](server);
      await client.send();
      clients[name] = client;
    } catch (error) {
      console.error(`skipping ${name}: ${error.message.split("\n")[0]}`);
    }
  }
  for (const client of Object.values(clients)) await measure(client, WARMUP);

  const names = Object.keys(clients);
  const totals = Object.fromEntries(names.map((name) => [name, 0]));
  const ratios = Object.fromEntries(names.map((name) => [name, []]));
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 ? [...names].reverse() : names;
    const results = {};
    for (const name of order) results[name] = await measure(clients[name], REQUESTS);
    for (const name of names) {
      totals[name] += results[name];
      ratios[name].push(results[name] / results.pool);
    }
  }

  console.log(
    `Client CPU per POST /partners (${ROUNDS} rounds x ${REQUESTS} requests, ${CONCURRENCY} in flight), Node ${process.version}`,
  );
  const ratioOf = (name) => totals[name] / totals.pool;
  for (const name of names) {
    const us = (totals[name] / ROUNDS).toFixed(1).padStart(7);
    const spread = `${quantile(ratios[name], 0.25).toFixed(2)}-${quantile(ratios[name], 0.75).toFixed(2)}`;
    console.log(
      `  ${clients[name].label.padEnd(50)} ${us} µs  ${ratioOf(name).toFixed(2)}x floor (IQR ${spread})`,
    );
  }
  if (clients.dubkit) {
    const ratio = ratioOf("dubkit");
    console.log(
      `Target: ${clients.dubkit.label} <= ${TARGET}x floor: ${ratio <= TARGET ? "met" : "MISSED"} (${ratio.toFixed(2)}x)`,
    );
  }
  for (const client of Object.values(clients)) await client.close();
} finally {
  server.stop();
}
