// Kill-and-resume of `dubkit partners import`: the built CLI is killed with SIGKILL at seeded points of a
// 3,000-row import while the emulator (its own process, on a data file) injects resets-after-apply, 503s and 500s;
// then the same command is re-run until it finishes. Checked at the CLI's level only (exit codes, the report file,
// the emulator's final state replayed from its data file), so the test holds whatever the import keeps internally.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { startEmulator } from "@dubkit/emulator";
import { afterAll, describe, expect, it } from "vitest";
import { killLeftoverChildren } from "./support/child-processes.js";
import { isolatedEnv, runDubkit, startDubkit } from "./support/dubkit-cli.js";
import { startEmulatorBin } from "./support/emulator-bin.js";
import { duplicates, enrolledEmails } from "./support/enrolled-emails.js";
import { writeImportCsv } from "./support/import-file.js";
import { reportBlock, reproduce } from "./support/reliability-report.js";
import { between, seededRandom } from "./support/seeded-random.js";

afterAll(killLeftoverChildren);

const SEED = 1105;
const ROWS = 3000;
const INVALID_EVERY = 37;
const KILLS = 18;
const FAULTS = "p=0.05:reset-after,503,500";

/** Counts the create requests the emulator logs (one stderr line per request), line by line as they arrive. */
function countCreates(stream: NodeJS.ReadableStream): () => number {
  let count = 0;
  let partial = "";
  stream.on("data", (chunk: string) => {
    const lines = (partial + chunk).split("\n");
    partial = lines.pop() ?? "";
    for (const line of lines) if (line.startsWith("POST /partners")) count++;
  });
  return () => count;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("import kill-and-resume", () => {
  it("import kill-and-resume: SIGKILL at 18 seeded points with faults on, then re-run to the end", async () => {
    const env = await isolatedEnv();
    const csv = await writeImportCsv(join(env.HOME!, "partners.csv"), ROWS, INVALID_EVERY);
    const dataFile = join(env.HOME!, "emulator.log");
    const report = join(env.HOME!, "failed.jsonl");
    const emulator = await startEmulatorBin([
      "--data",
      dataFile,
      "--seed",
      String(SEED),
      "--no-rate-limit",
      "--faults",
      FAULTS,
    ]);
    const args = [
      "--base-url",
      emulator.url,
      "--token",
      emulator.apiKey,
      "partners",
      "import",
      csv.path,
      "--rate",
      "off",
      "--concurrency",
      "16",
      "--report",
      report,
    ];

    const createsLogged = countCreates(emulator.running.child.stderr!);
    // Each kill comes after a seeded number of create requests into that run.
    const random = seededRandom(SEED);
    const killPoints = Array.from({ length: KILLS }, () => between(random, 20, 160));
    let killed = 0;
    for (const point of killPoints) {
      const before = createsLogged();
      const run = startDubkit(args, env);
      while (createsLogged() < before + point && run.child.exitCode === null) {
        await sleep(2);
      }
      run.child.kill("SIGKILL");
      const result = await run.done;
      expect(result.signal, `run ${killed + 1} finished before its kill point: ${result.stderr}`).toBe(
        "SIGKILL",
      );
      killed++;
    }

    // Re-run the same command until it ends by itself: 1 (a partial import: the invalid rows) or 0.
    let last = await runDubkit(args, env);
    for (let reruns = 1; last.code !== 0 && last.code !== 1 && reruns < 5; reruns++)
      last = await runDubkit(args, env);
    expect([0, 1], last.stderr).toContain(last.code);
    expect(last.stderr).not.toMatch(/\n\s+at /); // no stack trace
    // Once more: a finished import sends nothing new and ends the same way.
    const again = await runDubkit(args, env);
    expect(again.code, again.stderr).toBe(csv.invalidMarkers.length > 0 ? 1 : 0);

    const stopped = await emulator.stop();
    expect(stopped.code).toBe(0);
    const served = emulator.running.stderr();
    expect(served).toMatch(/then reset \(fault\)/);

    // The emulator's state, replayed from its data file in a fresh emulator: every valid row exactly once.
    await using replayed = await startEmulator({ dataFile });
    const emails = enrolledEmails(replayed);
    expect(duplicates(emails)).toEqual([]);
    expect(new Set(emails)).toEqual(csv.validEmails);
    // Every invalid row is in the failure report.
    const reportText = await readFile(report, "utf8");
    for (const marker of csv.invalidMarkers) expect(reportText, marker).toContain(marker);

    const markdown = [
      `Seed ${SEED}: ${ROWS} rows (${csv.validEmails.size} valid, ${csv.invalidMarkers.length} invalid), ` +
        `\`dubkit partners import --rate off --concurrency 16\` against \`dubkit-emulator --data … --faults "${FAULTS}"\`.`,
      "",
      `- Kills survived: **${killed}** (\`kill -9\` of the CLI after ${killPoints.join(", ")} create requests into each run).`,
      "- Then the same command re-run until it ended by itself (exit 1: a partial import, the invalid rows), and once " +
        "more (exit 1 again).",
      `- The emulator's data file replayed in a fresh emulator: all ${csv.validEmails.size} valid rows enrolled exactly ` +
        `once, no duplicate, nothing else; all ${csv.invalidMarkers.length} invalid rows in the failure report.`,
      "",
      `Reproduce: ${reproduce("import kill-and-resume")}`,
    ].join("\n");
    expect(reportBlock("import-kill-resume", markdown)).toBeUndefined();
  }, 180_000);
});
