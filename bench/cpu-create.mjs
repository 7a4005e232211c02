// Client CPU per partner create: dubkit against a bare `undici.request` loop (the baseline),
// measured in the same run against the same local server, which runs in a child process so only
// the client's CPU is counted. Target: dubkit's `partners.create` at most 1.5x the baseline.
//
// Usage: node cpu-create.mjs [--requests=200] [--rounds=30] [--clients=undici,transport,dubkit,dub]
// Each round sends `requests` creates with every client in turn (the order alternates), so load
// from other processes hits all clients alike; a client's figure is its total CPU over all rounds
// divided by the baseline's, and the spread is the middle half of the per-round ratios.

import { spawn } from "node:child_process";
import { once } from "node:events";
import { parseArgs } from "node:util";
import { Agent, request } from "undici";

const { values: args } = parseArgs({
  options: {
    requests: { type: "string", default: "200" },
    rounds: { type: "string", default: "30" },
    clients: { type: "string", default: "undici,transport,dubkit,dub" },
  },
});
const REQUESTS = Number(args.requests);
const ROUNDS = Number(args.rounds);
const WARMUP = 1000;
const TOKEN = "dub_benchmarkToken000000000";
const TARGET = 1.5;
const input = { email: "jane@example.com", name: "Jane Doe", tenantId: "user_42" };

async function startServer() {
  const child = spawn(process.execPath, [new URL("./partner-server.mjs", import.meta.url).pathname], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  const [chunk] = await once(child.stdout, "data");
  return { url: `http://127.0.0.1:${String(chunk).trim()}`, stop: () => child.stdin.end() };
}

// Each client is a function sending one create and returning the parsed partner, plus a close.
const factories = {
  /** The baseline: undici.request on a keep-alive Agent, JSON in and out, nothing else. */
  async undici(serverURL) {
    const dispatcher = new Agent();
    const headers = { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" };
    return {
      label: "bare undici.request loop (baseline)",
      send: async () => {
        const response = await request(`${serverURL}/partners`, {
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
  async transport(serverURL) {
    const { createTransport } = await import("@dubkit/fetch");
    const { defineOperation } = await import("@dubkit/core");
    const passThrough = { "~standard": { version: 1, vendor: "bench", validate: (value) => ({ value }) } };
    const operation = defineOperation({
      id: "createPartner",
      method: "POST",
      path: "/partners",
      body: passThrough,
      response: passThrough,
    });
    const transport = createTransport({ token: TOKEN, serverURL });
    return {
      label: "@dubkit/fetch transport, pass-through schemas",
      send: () => transport.request(operation, input),
      close: () => transport.close(),
    };
  },
  /** The real thing: `new Dub().partners.create` from @dubkit/partners, with its zod schemas. */
  async dubkit(serverURL) {
    const { Dub } = await import("@dubkit/partners");
    const dub = new Dub({ token: TOKEN, serverURL });
    return {
      label: "@dubkit/partners Dub.partners.create",
      send: () => dub.partners.create(input),
      close: () => dub.close(),
    };
  },
  /** For reference: the official SDK (WHATWG fetch, strict zod parsing). */
  async dub(serverURL) {
    const { Dub } = await import("dub");
    const dub = new Dub({ token: TOKEN, serverURL });
    return {
      label: "official dub SDK partners.create (reference)",
      send: () => dub.partners.create(input),
      close: () => {},
    };
  },
};

async function measure(client, count) {
  const start = process.cpuUsage();
  for (let i = 0; i < count; i++) await client.send();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / count;
}

function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

const server = await startServer();
try {
  const wanted = args.clients.split(",").filter((name) => name in factories);
  if (wanted[0] !== "undici") wanted.unshift("undici");
  const clients = {};
  for (const name of [...new Set(wanted)]) {
    try {
      const client = await factories[name](server.url);
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
      ratios[name].push(results[name] / results.undici);
    }
  }

  console.log(
    `Client CPU per POST /partners (${ROUNDS} rounds x ${REQUESTS} requests), Node ${process.version}`,
  );
  const ratioOf = (name) => totals[name] / totals.undici;
  for (const name of names) {
    const us = (totals[name] / ROUNDS).toFixed(1).padStart(7);
    const spread = `${quantile(ratios[name], 0.25).toFixed(2)}-${quantile(ratios[name], 0.75).toFixed(2)}`;
    console.log(
      `  ${clients[name].label.padEnd(50)} ${us} µs  ${ratioOf(name).toFixed(2)}x baseline (IQR ${spread})`,
    );
  }
  const judged = clients.dubkit ? "dubkit" : clients.transport ? "transport" : undefined;
  if (judged) {
    const ratio = ratioOf(judged);
    const verdict = ratio <= TARGET ? "met" : "MISSED";
    console.log(`Target: ${clients[judged].label} <= ${TARGET}x baseline: ${verdict} (${ratio.toFixed(2)}x)`);
  }
  for (const client of Object.values(clients)) await client.close();
} finally {
  server.stop();
}
