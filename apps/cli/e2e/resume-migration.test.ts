// Kill -9 and Ctrl-C in the middle of imports of real migration files, then re-run: a Windows-1252,
// semicolon-separated export with First Name / Last Name; two rows sharing a tenantId; a header naming a column
// twice. Every run is the built bin against the emulator, paced so that each kill lands mid-run; what counts is what
// the emulator holds at the end: every valid row enrolled exactly once, with the right name.

import { readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { type Emulator, startEmulator } from "@dubkit/emulator";
import iconv from "iconv-lite";
import { afterEach, describe, expect, it } from "vitest";
import { readReport } from "./fixtures.js";
import { type CliResult, finished, isolatedEnv, runCli, startCli } from "./run-cli.js";

let emulator: Emulator | undefined;
afterEach(async () => {
  await emulator?.stop();
  emulator = undefined;
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** An emulator and a private HOME whose runs reach it. */
async function setup(seed: number) {
  const emu = await startEmulator({ port: 0, seed, rateLimit: false });
  emulator = emu;
  const env = await isolatedEnv({ DUB_API_KEY: emu.apiKey });
  const home = env.HOME as string;
  return {
    emu,
    env,
    path: (name: string) => join(home, name),
    run: (args: string[]) => runCli(["--base-url", emu.url, ...args], env),
    /**
     * Starts `args` and sends `signal` once the emulator holds at least `enrolled` enrollments; the run must still
     * be going then, short of the file's `valid` rows (else the kill did not land mid-run and proves nothing).
     */
    interrupt: async (
      args: string[],
      enrolled: number,
      signal: NodeJS.Signals,
      valid: number,
    ): Promise<CliResult> => {
      const child = startCli(["--base-url", emu.url, ...args], env);
      const exit = finished(child);
      while (emu.enrollments().length < enrolled && child.exitCode === null) await pause(5);
      expect(child.exitCode, "the run ended before the kill").toBeNull();
      child.kill(signal);
      const result = await exit;
      expect(emu.enrollments().length, "the kill landed after the last row").toBeLessThan(valid);
      return result;
    },
  };
}

/** How many enrollments each email has, and the partner's name, at the emulator. */
function enrolledByEmail(emu: Emulator): Map<string, { count: number; name: string }> {
  const byId = new Map(emu.partners().map((p) => [p.id, p]));
  const out = new Map<string, { count: number; name: string }>();
  for (const enrollment of emu.enrollments()) {
    const partner = byId.get(enrollment.partnerId);
    const email = partner?.email ?? "?";
    out.set(email, { count: (out.get(email)?.count ?? 0) + 1, name: partner?.name ?? "" });
  }
  return out;
}

/** Every bucket of a summary adds up to its rows. */
function addsUp(summary: Record<string, number>): void {
  const buckets = ["created", "alreadyEnrolled", "failed", "skipped", "unknown", "notSent"] as const;
  expect(buckets.reduce((sum, key) => sum + (summary[key] ?? 0), 0)).toBe(summary.rows);
}

// Names only Windows-1252 can encode (Œ and € are not Latin-1), which a wrong decoding garbles.
const FIRST = ["José", "Renée", "Zoë", "François", "Chloé", "Øyvind", "Ærøskøbing"];
const LAST = ["Müller", "Çelik", "Ångström", "Gaßner", "Lefèvre-Œuvray", "Ñúñez", "Dvořák"];

describe("resume of real migration files", { timeout: 90_000 }, () => {
  it("a Windows-1252 export with semicolons and First/Last Name: kill -9 twice and Ctrl-C once, then every valid row is enrolled once, named right", async () => {
    const t = await setup(11);
    const rows: string[] = [];
    const expected = new Map<string, string>();
    for (let i = 0; i < 400; i++) {
      // Dvořák has an ř, which Windows-1252 lacks: such a row would be garbled, so the names stay in the code page.
      const first = FIRST[i % FIRST.length] as string;
      const last = (LAST[i % LAST.length] as string).replace("ř", "r");
      const email = `${first
        .normalize("NFD")
        .replace(/[^\x20-\x7e]/g, "")
        .toLowerCase()}.${i}@example.com`;
      if (i % 50 === 49) {
        // Invalid: reported every run, never sent.
        rows.push(`not-an-email-${i};${first};${last};Deutschland`);
        continue;
      }
      rows.push(`${email};${first};${last};Deutschland`);
      expected.set(email, `${first} ${last}`);
    }
    // José Müller, as the brief's example, on the first row.
    rows[0] = "jose.0@example.com;José;Müller;Deutschland";
    expected.set("jose.0@example.com", "José Müller");
    const text = `E-Mail;First Name;Last Name;Country\r\n${rows.join("\r\n")}\r\n`;
    const file = t.path("export.csv");
    await writeFile(file, iconv.encode(text, "windows-1252"));
    // The file is not UTF-8: it has bytes such as 0x8C (Œ) that iconv must decode as Windows-1252.
    expect((await readFile(file)).includes(0x8c)).toBe(true);
    const args = ["partners", "import", file, "--encoding", "windows-1252", "--concurrency", "8", "--json"];
    const paced = [...args, "--rate", "100/s"];

    const first = await t.interrupt(paced, 40, "SIGKILL", expected.size);
    expect(first.signal).toBe("SIGKILL");
    const second = await t.interrupt(paced, 140, "SIGKILL", expected.size);
    expect(second.signal).toBe("SIGKILL");
    const third = await t.interrupt(paced, 240, "SIGINT", expected.size);
    expect(third.code, third.stderr).toBe(130);
    const stopped = JSON.parse(third.stdout);
    expect(stopped).toMatchObject({ status: "interrupted", rows: 400 });
    addsUp(stopped);

    const last = await t.run([...args, "--rate", "off"]);
    expect(last.code, last.stderr).toBe(1);
    const summary = JSON.parse(last.stdout);
    expect(summary).toMatchObject({ rows: 400, invalid: 8, failed: 8, conflicts: 0 });
    expect(summary.skipped).toBeGreaterThanOrEqual(240);
    expect(summary.skipped + summary.created + summary.alreadyEnrolled).toBe(expected.size);
    addsUp(summary);

    const enrolled = enrolledByEmail(t.emu);
    expect(enrolled.size).toBe(expected.size);
    for (const [email, name] of expected) expect(enrolled.get(email), email).toEqual({ count: 1, name });
    expect(enrolled.get("jose.0@example.com")?.name).toBe("José Müller");
    // One partner per email, created once; the country column was read through the same decoding.
    expect(t.emu.partners()).toHaveLength(expected.size);
    expect(t.emu.stats().creates).toBe(expected.size);
    expect(new Set(t.emu.partners().map((p) => p.country))).toEqual(new Set(["DE"]));
    // The invalid rows are reported with their line (a CSV of the input's own columns, semicolons and all).
    const report = await readReport(t.path("export.failed.csv"), ";");
    expect(report.map((row) => Number(row.dubkit_line))).toEqual(
      Array.from({ length: 8 }, (_, k) => 50 * k + 51),
    );
  });

  it("two rows sharing a tenantId, killed -9 mid-run: the first is enrolled once, the second fails every run and is never enrolled", async () => {
    const t = await setup(12);
    const rows = Array.from({ length: 400 }, (_, i) => `user${i}@example.com,User ${i},t${i}`);
    // Line 3 takes tenantId "shared" first; line 300 gives it to someone else, past the first kill.
    rows[1] = "jane@example.com,Jane,shared";
    rows[298] = "john@example.com,John,shared";
    const file = t.path("partners.csv");
    await writeFile(file, `email,name,tenantId\n${rows.join("\n")}\n`);
    const args = ["partners", "import", file, "--concurrency", "8", "--json"];
    const paced = [...args, "--rate", "100/s"];

    await t.interrupt(paced, 60, "SIGKILL", 399);
    expect(enrolledByEmail(t.emu).get("jane@example.com")).toEqual({ count: 1, name: "Jane" });
    await t.interrupt(paced, 320, "SIGKILL", 399);
    const last = await t.run([...args, "--rate", "off"]);
    expect(last.code, last.stderr).toBe(1);
    const summary = JSON.parse(last.stdout);
    expect(summary.failed).toBe(1);
    expect(summary.skipped + summary.created + summary.alreadyEnrolled).toBe(399);
    addsUp(summary);

    const enrolled = enrolledByEmail(t.emu);
    expect(enrolled.size).toBe(399);
    expect(enrolled.get("jane@example.com")).toEqual({ count: 1, name: "Jane" });
    expect(enrolled.has("john@example.com")).toBe(false);
    // Dub holds the tenantId for Jane only.
    const shared = t.emu.enrollments().filter((e) => e.tenantId === "shared");
    expect(shared.map((e) => t.emu.partners().find((p) => p.id === e.partnerId)?.email)).toEqual([
      "jane@example.com",
    ]);
    const report = await readReport(t.path("partners.failed.csv"));
    expect(report).toEqual([
      expect.objectContaining({ email: "john@example.com", dubkit_line: "300", dubkit_field: "tenantId" }),
    ]);
    expect(report[0]?.dubkit_error).toMatch(/line 3\b.*"shared"|"shared".*line 3\b/);
  });

  it("a header naming a column twice is refused before anything is sent, on a fresh file and on a resume", async () => {
    const t = await setup(13);
    const rows = Array.from(
      { length: 400 },
      (_, i) => `user${i}@example.com,User ${i},other${i}@example.com`,
    );
    const file = t.path("partners.csv");
    const journal = `${file}.journal`;
    const write = (header: string) => writeFile(file, `${header}\n${rows.join("\n")}\n`);
    const refused = async () => {
      for (const extra of [[], ["--dry-run"], ["--json"]]) {
        const result = await t.run(["partners", "import", file, ...extra]);
        expect(result.code, result.stderr).toBe(2);
        const message =
          extra[0] === "--json" ? JSON.parse(result.stderr).error.message : (result.stderr as string);
        expect(message).toContain('the header has 2 columns named "email" (columns 1, 3)');
        expect(message).not.toMatch(/the same command/i);
      }
    };

    // A fresh file: refused, no journal, not one request, no partner.
    await write("email,name,email");
    await refused();
    await expect(stat(journal)).rejects.toThrow(/ENOENT/);
    expect(t.emu.stats().requests).toBe(0);
    expect(t.emu.partners()).toEqual([]);

    // Fixed and killed mid-run, then broken again: still refused, and the journal is left as it was.
    await write("email,name,backup_email");
    const args = ["partners", "import", file, "--concurrency", "8", "--json"];
    await t.interrupt([...args, "--rate", "100/s"], 100, "SIGKILL", 400);
    const journalBefore = await readFile(journal);
    const requestsBefore = t.emu.stats().requests;
    await write("email,name,email");
    await refused();
    expect(t.emu.stats().requests).toBe(requestsBefore);
    expect(await readFile(journal)).toEqual(journalBefore);

    // Fixed again: the resume finishes, every row once, the third column ignored rather than taken for the email.
    await write("email,name,backup_email");
    const last = await t.run([...args, "--rate", "off"]);
    expect(last.code, last.stderr).toBe(0);
    const summary = JSON.parse(last.stdout);
    // A kill -9 can come between Dub's answer and the journal's sync: such rows come back as already enrolled.
    expect(summary.skipped).toBeGreaterThan(0);
    expect(summary.skipped + summary.created + summary.alreadyEnrolled).toBe(400);
    const enrolled = enrolledByEmail(t.emu);
    expect([...enrolled.keys()].sort()).toEqual(rows.map((row) => row.split(",")[0]).sort());
    for (const { count } of enrolled.values()) expect(count).toBe(1);
  });
});
