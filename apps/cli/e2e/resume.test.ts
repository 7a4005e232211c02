import { readFile } from "node:fs/promises";
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
