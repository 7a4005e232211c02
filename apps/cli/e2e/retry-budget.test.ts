// The import has no retry loop of its own: every row goes through the SDK's, so a row that fails every attempt is
// sent exactly `--retries` + 1 times, then reported with the server's status, and the counters say so.

import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { startEmulator } from "@dubkit/emulator";
import { expect, it } from "vitest";
import { readReport } from "./fixtures.js";
import { isolatedEnv, runCli } from "./run-cli.js";

it.each([0, 2])(
  "a row failing every attempt is sent --retries %i + 1 times, no more",
  {
    timeout: 60_000,
  },
  async (retries) => {
    const posts: string[] = [];
    const emulator = await startEmulator({
      port: 0,
      rateLimit: false,
      seed: 5,
      faults: "p=1:503",
      log: (line) => {
        if (/^POST \/partners\b/.test(line)) posts.push(line);
      },
    });
    try {
      const env = await isolatedEnv({ DUB_API_KEY: emulator.apiKey });
      const file = join(env.HOME as string, "p.csv");
      await writeFile(file, "email,name\na1@example.com,A\na2@example.com,B\na3@example.com,C\n");
      const result = await runCli(
        ["--base-url", emulator.url, "--retries", String(retries), "partners", "import", file, "--json"],
        env,
      );
      expect(posts).toHaveLength(3 * (retries + 1));
      const summary = JSON.parse(result.stdout);
      expect(summary).toMatchObject({ created: 0, failed: 3, retries: 3 * retries });
      const report = await readReport(join(env.HOME as string, "p.failed.csv"));
      // Rows are reported as they finish, in any order.
      expect(report.map((row) => [row.email, row.dubkit_status]).sort()).toEqual([
        ["a1@example.com", "503"],
        ["a2@example.com", "503"],
        ["a3@example.com", "503"],
      ]);
      expect(emulator.stats().creates).toBe(0);
    } finally {
      await emulator.stop();
    }
  },
);
