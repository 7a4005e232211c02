// Two writers on one data file: a second emulator bin on the same --data is refused, naming the holder; and
// concurrent `dubkit --local` commands (creates of one email, imports of overlapping files) never enroll an email
// twice, because they take turns on the local emulator's file.
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { killLeftoverChildren } from "./support/child-processes.js";
import { isolatedEnv, runDubkit, startDubkit } from "./support/dubkit-cli.js";
import { runEmulatorBin, startEmulatorBin } from "./support/emulator-bin.js";
import { duplicates } from "./support/enrolled-emails.js";
import { writeImportCsv } from "./support/import-file.js";
import { reportBlock, reproduce } from "./support/reliability-report.js";

afterAll(killLeftoverChildren);

const CREATES = 6;
const IMPORT_ROWS = 150;

describe("two writers", () => {
  const lines: string[] = [];

  it("two writers: a second emulator on the same data file is refused, naming the holder", async () => {
    const dir = await mkdtemp(join(tmpdir(), "dubkit-two-writers-"));
    const dataFile = join(dir, "emulator.log");
    const first = await startEmulatorBin(["--data", dataFile, "--quiet"]);
    try {
      const second = await runEmulatorBin(["--data", dataFile, "--quiet"]);
      expect(second.code).toBe(1);
      expect(second.stderr).toContain(`is in use by process ${first.pid}`);
      expect(second.stderr).toContain(first.url);
      expect(second.stderr).not.toMatch(/\n\s+at /);
      // The first one is undisturbed.
      const listed = await fetch(`${first.url}/partners`, {
        headers: { authorization: `Bearer ${first.apiKey}` },
      });
      expect(listed.status).toBe(200);
    } finally {
      expect((await first.stop()).code).toBe(0);
    }
    lines.push(
      "- Two `dubkit-emulator --data FILE` on one file: the second exited 1 with `Data file … is in use by process " +
        "<pid> …, serving <url>`; the first went on serving.",
    );
  }, 30_000);

  it("two writers: concurrent dubkit --local commands never enroll an email twice", async () => {
    const env = await isolatedEnv({ DUBKIT_LOCAL_WAIT_MS: "60000" });
    const a = await writeImportCsv(join(env.HOME!, "a.csv"), IMPORT_ROWS, 1000, "shared");
    const b = await writeImportCsv(join(env.HOME!, "b.csv"), IMPORT_ROWS, 1000, "shared");
    const runs = [
      ...Array.from({ length: CREATES }, () =>
        startDubkit(["--local", "partners", "create", "--email", "same@example.com", "--name", "Same"], env),
      ),
      startDubkit(
        ["--local", "partners", "import", a.path, "--rate", "off", "--report", join(env.HOME!, "a.report")],
        env,
      ),
      startDubkit(
        ["--local", "partners", "import", b.path, "--rate", "off", "--report", join(env.HOME!, "b.report")],
        env,
      ),
    ];
    const results = await Promise.all(runs.map((run) => run.done));
    for (const result of results) expect(result.code, result.stderr).toBe(0);
    const list = await runDubkit(["--local", "partners", "list", "--all", "--format", "jsonl"], env);
    expect(list.code, list.stderr).toBe(0);
    const emails = list.stdout
      .trim()
      .split("\n")
      .map((line) => (JSON.parse(line) as { email: string }).email.toLowerCase());
    expect(duplicates(emails)).toEqual([]);
    expect(new Set(emails)).toEqual(new Set(["same@example.com", ...a.validEmails, ...b.validEmails]));
    lines.push(
      `- ${CREATES} \`dubkit --local partners create\` of one email and 2 \`dubkit --local partners import\` of two ` +
        `files with the same ${IMPORT_ROWS} emails, all started at once: all exited 0, and ` +
        `\`partners list --all\` showed ${emails.length} partners, each email once.`,
    );
    const markdown = [...lines, "", `Reproduce: ${reproduce("two writers")}`].join("\n");
    expect(reportBlock("two-writers", markdown)).toBeUndefined();
  }, 90_000);
});
