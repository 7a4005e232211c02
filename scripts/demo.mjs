// The README's demo: a fresh local emulator, then the `dubkit` CLI creating one partner and a link for her, importing
// a sample CSV (with a progress bar on a terminal), listing the result, and approving a pending application. No
// account, no network.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { startEmulator } from "@dubkit/emulator";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dubkit = join(root, "apps/cli/dist/bin.js");
const sample = join(root, "examples/partners.csv");
const work = mkdtempSync(join(tmpdir(), "dubkit-demo-"));

// A little latency per request so the import's progress is visible; the emulator is otherwise instant. The
// "advanced" plan allows 3,000 requests a minute, and the import is paced to that.
const emulator = await startEmulator({ latencyMs: 15, plan: "advanced" });
// The key goes to the CLI through the environment, never on a command line or in the output. Off a terminal the
// import prints a progress line every second instead of a bar.
const env = { DUBKIT_PROGRESS_INTERVAL_MS: "1000", ...process.env, DUB_API_KEY: emulator.apiKey };

// Asynchronous on purpose: the emulator answers from this process's event loop, which spawnSync would block.
function dubkitStep(title, args) {
  console.log(`\n\x1b[1m$ dubkit ${args.join(" ")}\x1b[0m  \x1b[2m# ${title}\x1b[0m`);
  const child = spawn(process.execPath, [dubkit, "--base-url", emulator.url, ...args], {
    stdio: "inherit",
    env,
  });
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code) => resolve(code));
  });
}

const create = ["create", "--email", "jane@example.com", "--name", "Jane Doe", "--tenant-id", "user_42"];
const report = join(work, "partners.report.jsonl");
const files = ["--journal", join(work, "partners.journal"), "--report", report];
const list = ["list", "--page-size", "5", "--sort-by", "createdAt", "--sort-order", "asc"];
const link = ["links", "create", "--tenant-id", "user_42", "--key", "jane-spring"];

let failed = false;
try {
  console.log(`Dub Partners API emulator listening on ${emulator.url}`);
  failed ||= (await dubkitStep("create one partner", ["partners", ...create])) !== 0;
  failed ||= (await dubkitStep("give her a link of her own", ["partners", ...link])) !== 0;
  const title = "import 240 rows (2 of them invalid, reported with their line numbers)";
  const importStatus = await dubkitStep(title, [
    "partners",
    "import",
    sample,
    "--rate",
    "3000/min",
    ...files,
  ]);
  // 1 means a partial import: the two invalid rows of the sample are there on purpose.
  failed ||= importStatus !== 0 && importStatus !== 1;
  console.log(`\n\x1b[2m# the failure report:\x1b[0m\n${readFileSync(report, "utf8").trim()}`);
  failed ||= (await dubkitStep("list the first partners", ["partners", ...list])) !== 0;
  // Two people apply to the program, as they would on partners.dub.co.
  const { partnerId: carla } = await emulator.addApplication({
    email: "carla@example.com",
    name: "Carla Rossi",
    country: "IT",
  });
  await emulator.addApplication({ email: "dev@example.com", name: "Dev Patel", country: "IN" });
  failed ||= (await dubkitStep("who applied?", ["partners", "applications", "list"])) !== 0;
  const approve = ["partners", "applications", "approve", carla];
  failed ||= (await dubkitStep("approve Carla", approve)) !== 0;
  const { creates, requests } = emulator.stats();
  console.log(
    `\nThe emulator now holds ${emulator.partners().length} partners (${creates} creates, ${requests} requests).`,
  );
} finally {
  await emulator.stop();
  rmSync(work, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
