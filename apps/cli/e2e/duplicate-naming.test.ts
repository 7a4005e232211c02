// How the import names the rows of a duplicate pair: a duplicate email is quoted as the line that is sent spells it,
// and a tenantId shared by two rows in one file names both emails in the failure report.

import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { startEmulator } from "@dubkit/emulator";
import { expect, it } from "vitest";
import { readReport } from "./fixtures.js";
import { isolatedEnv, runCli } from "./run-cli.js";

/** Imports `csv` (as p.csv in a fresh HOME) against a fresh emulator with `options`. */
async function importCsv(csv: string, options: string[]) {
  const emulator = await startEmulator({ port: 0, rateLimit: false });
  try {
    const env = await isolatedEnv({ DUB_API_KEY: emulator.apiKey });
    const file = join(env.HOME as string, "p.csv");
    await writeFile(file, csv);
    const result = await runCli(["--base-url", emulator.url, "partners", "import", file, ...options], env);
    return { result, home: env.HOME as string };
  } finally {
    await emulator.stop();
  }
}

it("a duplicate email in another case is quoted as the first line spells it", {
  timeout: 60_000,
}, async () => {
  const { result } = await importCsv("email,name\nann@example.com,Ann\nAnn@Example.COM,Ann Again\n", [
    "--dry-run",
  ]);
  expect(result.code).toBe(2);
  // Line 2 holds ann@example.com, and that is the spelling that gets sent.
  expect(result.stderr).toMatch(/line 3: duplicate: line 2 has the email ann@example\.com\b/);
});

it("two rows sharing a tenantId in one file: the failed row names both emails", {
  timeout: 60_000,
}, async () => {
  const { result, home } = await importCsv(
    "email,name,tenantId\njane@example.com,Jane,shared\njohn@example.com,John,shared\n",
    ["--json"],
  );
  expect(result.code).toBe(1);
  const [row] = await readReport(join(home, "p.failed.csv"));
  expect(row?.email).toBe("john@example.com");
  // The second row would get the first row's partner at Dub: both emails are named.
  expect(row?.dubkit_error).toContain("jane@example.com");
  expect(row?.dubkit_error).toContain("john@example.com");
});
