import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { startEmulator } from "@dubkit/emulator";
import { expect, it } from "vitest";
import { writeCsv } from "./fixtures.js";
import { finished, isolatedEnv, runCli, startCli } from "./run-cli.js";

async function doneInJournal(path: string): Promise<number> {
  try {
    const text = await readFile(path, "utf8");
    let count = 0;
    for (let i = text.indexOf('"s":"done"'); i !== -1; i = text.indexOf('"s":"done"', i + 1)) count++;
    return count;
  } catch {
    return 0;
  }
}

it("survives kill -9 at random points: re-running until done enrolls every valid row exactly once", async () => {
  const emulator = await startEmulator({ port: 0, seed: 5, rateLimit: false, faults: "p=0.01:reset-after" });
  try {
    const e = await isolatedEnv({ DUB_API_KEY: emulator.apiKey });
    const file = join(e.HOME as string, "partners.csv");
    const csv = await writeCsv(file, 3000, 50);
    const journal = `${file}.journal`;
    const args = [
      "--base-url",
      emulator.url,
      "partners",
      "import",
      file,
      "--rate",
      "off",
      "--concurrency",
      "16",
      "--json",
    ];

    // Three kill points spread over the file, in random order of magnitude within their thirds.
    const points = [0, 1, 2].map((third) => Math.floor((third + Math.random()) * 900) + 50);
    for (const point of points) {
      const child = startCli(args, e);
      const exit = finished(child);
      while ((await doneInJournal(journal)) < point && child.exitCode === null) {
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      child.kill("SIGKILL");
      const killed = await exit;
      expect(killed.signal ?? killed.code).not.toBe(0);
    }

    const last = await runCli(args, e);
    expect(last.code, last.stderr).toBe(1);
    const summary = JSON.parse(last.stdout);
    expect(summary.skipped).toBeGreaterThanOrEqual(points[2]!);
    expect(summary.skipped + summary.created + summary.alreadyEnrolled).toBe(csv.validEmails.size);
    expect(summary.invalid).toBe(csv.invalidLines.length);

    const emailById = new Map(emulator.partners().map((p) => [p.id, p.email]));
    const enrolled = emulator.enrollments().map((en) => emailById.get(en.partnerId));
    expect(enrolled.length).toBe(csv.validEmails.size);
    expect(new Set(enrolled)).toEqual(csv.validEmails);
  } finally {
    await emulator.stop();
  }
}, 60_000);

it("survives kill -9 with the file edited between runs: every row of the final file ends enrolled", async () => {
  const emulator = await startEmulator({ port: 0, seed: 7, rateLimit: false, latencyMs: 2 });
  try {
    const e = await isolatedEnv({ DUB_API_KEY: emulator.apiKey });
    const file = join(e.HOME as string, "partners.csv");
    const rows = Array.from({ length: 1500 }, (_, i) => `user${i}@example.com,User ${i},t${i}`);
    rows[700] = "not-an-email,Broken,t700";
    const write = () => writeFile(file, `email,name,tenantId\n${rows.join("\n")}\n`);
    await write();
    const journal = `${file}.journal`;
    const args = ["--base-url", emulator.url, "partners", "import", file, "--concurrency", "16", "--json"];
    const edits = [
      // A row inserted at the top shifts every line.
      () => rows.unshift("first@example.com,First,t-first"),
      // Rows finished by now are replaced by other people on their lines; the invalid row is fixed.
      () => {
        rows[1] = "replaced1@example.com,Replaced One,t-r1";
        rows[2] = "replaced2@example.com,Replaced Two,t-r2";
        rows[701] = "fixed@example.com,Fixed,t700";
      },
      // The order changes.
      () => rows.reverse(),
    ];
    for (const [index, edit] of edits.entries()) {
      const child = startCli(args, e);
      const exit = finished(child);
      const point = 100 + index * 300 + Math.floor(Math.random() * 200);
      while ((await doneInJournal(journal)) < point && child.exitCode === null) {
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      child.kill("SIGKILL");
      await exit;
      edit();
      await write();
    }
    const last = await runCli(args, e);
    expect(last.code, last.stderr).toBe(0);
    const summary = JSON.parse(last.stdout);
    expect(summary.failed).toBe(0);
    expect(summary.skipped + summary.created + summary.alreadyEnrolled).toBe(rows.length);
    const enrolled = new Set(
      emulator.enrollments().map((en) => emulator.partners().find((p) => p.id === en.partnerId)?.email),
    );
    for (const row of rows) expect(enrolled.has(row.split(",")[0])).toBe(true);
  } finally {
    await emulator.stop();
  }
}, 90_000);
