// Fuzzed import files through the built CLI: random CSV (separators, quoting, line endings, cells), JSON Lines
// (broken lines, any JSON), encodings (UTF-8, UTF-16 with a BOM, Latin-1) and random bytes. For each, `dubkit partners
// import` must exit with a documented code and never a stack trace; a partial import must leave a failure report;
// and the emulator must hold no email twice.
import { access, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Emulator, startEmulator } from "@dubkit/emulator";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { killLeftoverChildren } from "./support/child-processes.js";
import { isolatedEnv, runDubkit } from "./support/dubkit-cli.js";
import { duplicates, enrolledEmails } from "./support/enrolled-emails.js";
import { importFile } from "./support/import-file-arbitraries.js";
import { markdownTable, reportBlock, reproduce } from "./support/reliability-report.js";

const SEED = 777;
const FILES = 60;
/** The exit codes an import documents when the server is healthy: done, partial, unusable input. */
const DOCUMENTED = new Set([0, 1, 2]);

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ seed: 2, rateLimit: false });
});
afterAll(async () => {
  killLeftoverChildren();
  await emulator?.stop();
});

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

describe("fuzzed import files", () => {
  it("fuzzed import files: the CLI exits with a documented code, reports what it could not read", async () => {
    const corpus = fc.sample(importFile, { seed: SEED, numRuns: FILES });
    const dir = await mkdtemp(join(tmpdir(), "dubkit-fuzz-import-"));
    const env = await isolatedEnv({ DUB_API_KEY: emulator.apiKey });
    const outcomes = new Map<string, number>();
    let next = 0;
    const worker = async () => {
      while (next < corpus.length) {
        const index = next++;
        const file = corpus[index]!;
        const path = join(dir, `input-${index}.${file.kind === "jsonl" ? "jsonl" : "csv"}`);
        const report = join(dir, `report-${index}.jsonl`);
        await writeFile(path, file.bytes);
        const args = [
          "--base-url",
          emulator.url,
          "partners",
          "import",
          path,
          "--rate",
          "off",
          "--report",
          report,
        ];
        const result = await runDubkit(args, env);
        const label = `file ${index} (${file.recipe}) → exit ${result.code}\n${result.stderr.slice(0, 1500)}`;
        expect(result.signal, label).toBeNull();
        expect(DOCUMENTED.has(result.code ?? -1), label).toBe(true);
        expect(result.stderr, label).not.toMatch(/\n\s+at |TypeError|RangeError|ReferenceError/);
        // A partial import names what failed in its report; an unusable input says why on stderr.
        if (result.code === 1) expect(await exists(report), label).toBe(true);
        if (result.code === 2) expect(result.stderr.trim(), label).not.toBe("");
        const key = `${file.kind}: exit ${result.code}${result.code === 1 ? " (report written)" : ""}`;
        outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
      }
    };
    await Promise.all([worker(), worker(), worker()]);
    expect(duplicates(enrolledEmails(emulator))).toEqual([]);

    const markdown = [
      `Seed ${SEED}: ${FILES} files (CSV with any separator, quoting, line ending and cells; JSON Lines with broken ` +
        "lines; UTF-8, UTF-8 with BOM, UTF-16LE/BE with BOM, Latin-1; random bytes), each imported with " +
        "`dubkit partners import FILE --report R` against one emulator. Every run exited with a documented code " +
        "and no stack trace; every partial import (exit 1) wrote its report; every exit 2 said why on stderr; " +
        "no email was enrolled twice.",
      "",
      markdownTable(
        ["file kind: outcome", "files"],
        [...outcomes].sort(([a], [b]) => a.localeCompare(b)).map(([outcome, n]) => [outcome, n]),
      ),
      "",
      `Reproduce: ${reproduce("fuzzed import files")}`,
    ].join("\n");
    expect(reportBlock("fuzzed-import-files", markdown)).toBeUndefined();
  }, 180_000);
});
