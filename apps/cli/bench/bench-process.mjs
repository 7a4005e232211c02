// What both CLI benches share: an emulator bin in a process of its own, and a meter that runs a process and reports
// its wall time, its own CPU (user + system, start-up included) and its peak RSS, read by a hook as it exits.

import { spawn } from "node:child_process";
import { once } from "node:events";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";

/** Starts `node [nodeFlags] emulatorBin args` and resolves once it prints its URL. */
export async function startEmulatorProcess(emulatorBin, args, nodeFlags = []) {
  const child = spawn(process.execPath, [...nodeFlags, emulatorBin, ...args], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  let banner = "";
  const url = await new Promise((resolve) => {
    child.stdout.setEncoding("utf8").on("data", (chunk) => {
      banner += chunk;
      const match = /DUB_API_URL=(\S+)/.exec(banner);
      if (match) resolve(match[1]);
    });
  });
  return {
    url,
    stop: async () => {
      child.kill("SIGINT");
      await once(child, "exit");
    },
  };
}

/** A `measure(argv, env)` that runs `node argv` to its end (a non-zero exit throws) and reports what it cost. */
export async function processMeter(dir) {
  const hook = join(dir, "usage-hook.cjs");
  await writeFile(
    hook,
    `process.on("exit", () => { const u = process.resourceUsage(); require("node:fs").writeFileSync(process.env.BENCH_USAGE_FILE, JSON.stringify({ cpuUs: u.userCPUTime + u.systemCPUTime, maxRssKb: u.maxRSS })); });\n`,
  );
  return async function measure(argv, env = {}) {
    const usageFile = join(dir, `usage-${Math.random()}`);
    const started = performance.now();
    const child = spawn(process.execPath, ["--require", hook, ...argv], {
      env: { ...process.env, ...env, BENCH_USAGE_FILE: usageFile },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk) => (stderr += chunk));
    const [code] = await once(child, "exit");
    const seconds = (performance.now() - started) / 1000;
    if (code !== 0) throw new Error(`${argv.join(" ")} exited ${code}: ${stderr}`);
    const usage = JSON.parse(await readFile(usageFile, "utf8"));
    return { seconds, cpuUs: usage.cpuUs, rssMb: usage.maxRssKb / 1024, stdout, stderr };
  };
}
