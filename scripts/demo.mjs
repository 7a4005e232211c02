// The README's demo: a fresh local emulator, then the `dubkit` CLI creating one partner, importing a sample CSV
// (with a progress bar on a terminal) and listing the result. No account, no network.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { startEmulator } from "@dubkit/emulator";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dubkit = join(root, "apps/cli/dist/bin.js");
const sample = join(root, "examples/partners.csv");
const work = mkdtempSync(join(tmpdir(), "dubkit-demo-"));

// A little latency per request so the import's progress is visible; the emulator is otherwise instant.
const emulator = await startEmulator({ latencyMs: 15 });
// The key goes to the CLI through the environment, never on a command line or in the output.
const env = { ...process.env, DUB_API_KEY: emulator.apiKey };

function step(title, args) {
  console.log(`\n\x1b[1m$ dubkit ${args.join(" ")}\x1b[0m  \x1b[2m# ${title}\x1b[0m`);
  const result = spawnSync(process.execPath, [dubkit, "--base-url", emulator.url, ...args], {
    stdio: "inherit",
    env,
  });
  return result.status;
}

let failed = false;
try {
  console.log(`Dub Partners API emulator listening on ${emulator.url}`);
  failed ||=
    step("create one partner", [
      "partners",
      "create",
      "--email",
      "jane@example.com",
      "--name",
      "Jane Doe",
      "--tenant-id",
      "user_42",
    ]) !== 0;
  const importStatus = step("import 240 rows (2 of them invalid, reported with their line numbers)", [
    "partners",
    "import",
    sample,
    "--concurrency",
    "8",
    "--journal",
    join(work, "partners.journal"),
    "--report",
    join(work, "partners.report.jsonl"),
  ]);
  // 1 means a partial import: the two invalid rows of the sample are there on purpose.
  failed ||= importStatus !== 0 && importStatus !== 1;
  failed ||=
    step("list the first partners", [
      "partners",
      "list",
      "--page-size",
      "5",
      "--sort-by",
      "createdAt",
      "--sort-order",
      "asc",
    ]) !== 0;
  const { creates, requests } = emulator.stats();
  console.log(
    `\nThe emulator now holds ${emulator.partners().length} partners (${creates} creates, ${requests} requests).`,
  );
} finally {
  await emulator.stop();
  rmSync(work, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
