// The proxy behaviour RUNTIMES.md documents, proven: with HTTP_PROXY set, the smoke program's calls go through a
// forward proxy on Node (dubkit's undici pool), Bun and Deno (their own fetch), except to hosts in NO_PROXY.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { useEmulator } from "../support/emulator.js";
import { startForwardProxy } from "../support/forward-proxy.js";
import { bun, deno, machineNode, type Runtime } from "../support/runtimes.js";
import { expectSmokePassed, runSmokeEntry, smokeDir } from "../support/smoke.js";

const emulator = useEmulator();
let denoDir: string;

beforeAll(async () => {
  denoDir = await mkdtemp(join(tmpdir(), "dubkit-deno-dir-"));
});
afterAll(async () => {
  await rm(denoDir, { recursive: true, force: true });
});

const runtimes: { name: string; runtime: () => Runtime; args: (entry: string) => string[] }[] = [
  { name: "Node 20", runtime: machineNode, args: (entry) => [entry] },
  { name: "Bun", runtime: bun, args: (entry) => ["--no-install", entry] },
  {
    name: "Deno",
    runtime: deno,
    args: (entry) => ["run", "--no-lock", "--no-remote", "--allow-net=127.0.0.1", "--allow-env", entry],
  },
];

/** Runs the smoke program under `runtime` with `HTTP_PROXY` pointing at a fresh recording proxy and `noProxy`. */
async function smokeBehindProxy(
  name: string,
  runtime: Runtime,
  args: string[],
  noProxy: string,
): Promise<string[]> {
  const proxy = await startForwardProxy();
  try {
    const report = await runSmokeEntry(runtime.executable, args, emulator(), {
      label: `${name} behind a proxy (NO_PROXY="${noProxy}")`,
      cwd: smokeDir,
      env: {
        HTTP_PROXY: proxy.url,
        http_proxy: proxy.url,
        NO_PROXY: noProxy,
        no_proxy: noProxy,
        DENO_DIR: denoDir,
      },
    });
    expectSmokePassed(report.result);
    return proxy.seen;
  } finally {
    await proxy.stop();
  }
}

describe.concurrent.each(runtimes)("$name", ({ name, runtime, args }) => {
  test("sends the client's calls through the proxy named by HTTP_PROXY", async () => {
    const seen = await smokeBehindProxy(name, runtime(), args(join(smokeDir, "import.mjs")), "");
    const emulatorHost = new URL(emulator().url).host;
    expect(
      seen.some((line) => line.includes(emulatorHost)),
      `the proxy saw ${JSON.stringify(seen)}`,
    ).toBe(true);
  });

  test("goes straight to hosts listed in NO_PROXY", async () => {
    const seen = await smokeBehindProxy(
      name,
      runtime(),
      args(join(smokeDir, "import.mjs")),
      "127.0.0.1,localhost",
    );
    expect(seen).toEqual([]);
  });
});
