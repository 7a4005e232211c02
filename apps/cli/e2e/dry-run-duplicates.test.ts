// `partners import --dry-run` on a file that repeats people: the same email in another case, and one tenantId for
// two emails. The preview must name both lines of each pair, keep only the first of each in what it would send, and
// send nothing at all (the emulator's request log stays empty).

import { stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { startEmulator } from "@dubkit/emulator";
import { expect, it } from "vitest";
import { readReport } from "./fixtures.js";
import { isolatedEnv, runCli } from "./run-cli.js";

const FILE = [
  "email,name,tenantId",
  "ann@example.com,Ann,t1", // line 2
  "bob@example.com,Bob,t2", // line 3
  "Ann@Example.COM,Ann Again,t3", // line 4: line 2's email in another case
  "cy@example.com,Cy,t2", // line 5: line 3's tenantId for another email
  "dee@example.com,Dee,t4", // line 6
  "BOB@EXAMPLE.COM,Bob Again,t2", // line 7: line 3's email (and its tenantId)
].join("\n");

it("--dry-run names both lines of each duplicate email (any case) and tenantId, and sends nothing", {
  timeout: 60_000,
}, async () => {
  const requests: string[] = [];
  const emulator = await startEmulator({
    port: 0,
    rateLimit: false,
    log: (line) => {
      if (!line.startsWith("listening")) requests.push(line);
    },
  });
  try {
    const env = await isolatedEnv({ DUB_API_KEY: emulator.apiKey });
    const file = join(env.HOME as string, "partners.csv");
    await writeFile(file, `${FILE}\n`);

    for (const json of [false, true]) {
      const result = await runCli(
        ["--base-url", emulator.url, "partners", "import", file, "--dry-run", ...(json ? ["--json"] : [])],
        env,
      );
      // Rows with problems make a dry run exit 2.
      expect(result.code, result.stderr).toBe(2);
      const problems = result.stderr.split("\n").filter((line) => /^ {2}line \d+: duplicate/.test(line));
      expect(problems).toHaveLength(3);
      // The email as the sent line spells it, and this line's spelling.
      expect(problems[0]).toBe(
        "  line 4: duplicate: line 2 has the email ann@example.com already, spelt Ann@Example.COM here (Dub keeps one partner per email, in any case); only line 2 is sent",
      );
      expect(problems[1]).toBe(
        "  line 5: duplicate: line 3 has the tenantId \"t2\" already, for bob@example.com; this line's cy@example.com would get line 3's partner (Dub gives a tenantId to one partner); only line 3 is sent",
      );
      expect(problems[2]).toMatch(
        /^ {2}line 7: duplicate: line 3 has the email bob@example\.com already, spelt BOB@EXAMPLE\.COM here .+; only line 3 is sent$/,
      );
      // What would be sent: the first row of each pair and the others, nothing of lines 4, 5 and 7.
      const wouldSend = result.stderr.match(/^ {2}line (\d+): \{/gm)?.map((line) => line.match(/\d+/)?.[0]);
      expect(wouldSend).toEqual(["2", "3", "6"]);
      expect(result.stderr).toContain("Plan: 6 rows in");
      expect(result.stderr).toContain("3 to send, 0 already done (journal), 3 with problems (3 duplicate)");
      if (json) {
        const summary = JSON.parse(result.stdout);
        expect(summary).toMatchObject({ dryRun: true, rows: 6, toSend: 3, duplicates: 3, journal: null });
        expect(summary.preview.map((row: { line: number }) => row.line)).toEqual([2, 3, 6]);
      } else {
        expect(result.stdout).toBe("");
      }
    }

    // The report holds each duplicate with its line, the field and the line it repeats.
    const report = await readReport(join(env.HOME as string, "partners.failed.csv"));
    expect(report.map((row) => [row.dubkit_line, row.dubkit_field, row.email])).toEqual([
      ["4", "email", "Ann@Example.COM"],
      ["5", "tenantId", "cy@example.com"],
      ["7", "email", "BOB@EXAMPLE.COM"],
    ]);
    expect(report.map((row) => row.dubkit_error?.match(/line \d+/)?.[0])).toEqual([
      "line 2",
      "line 3",
      "line 3",
    ]);

    // Nothing reached the emulator: no POST /partners, no request of any kind, no partner; no journal was left.
    expect(requests.filter((line) => line.includes("POST /partners"))).toEqual([]);
    expect(requests).toEqual([]);
    expect(emulator.stats().requests).toBe(0);
    expect(emulator.partners()).toEqual([]);
    await expect(stat(`${file}.journal`)).rejects.toThrow(/ENOENT/);
  } finally {
    await emulator.stop();
  }
});
