import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { type Emulator, startEmulator } from "@dubkit/emulator";
import { afterEach, describe, expect, it } from "vitest";
import { readReport, writeCsv } from "./fixtures.js";
import { finished, isolatedEnv, runCli, startCli } from "./run-cli.js";

let emulator: Emulator | undefined;
afterEach(async () => {
  await emulator?.stop();
  emulator = undefined;
});

function expectExactlyOnce(emu: Emulator, emails: Set<string>): void {
  const emailById = new Map(emu.partners().map((p) => [p.id, p.email]));
  const enrolled = emu.enrollments().map((e) => emailById.get(e.partnerId));
  expect(enrolled.length).toBe(emails.size);
  expect(new Set(enrolled)).toEqual(emails);
}

async function reportLines(path: string): Promise<Array<{ line: number; field?: string; error: string }>> {
  return (await readReport(path)).map((row) => ({
    line: Number(row.dubkit_line),
    ...(row.dubkit_field ? { field: row.dubkit_field } : {}),
    error: row.dubkit_error as string,
  }));
}

// Every test here runs the built CLI as child processes, and the 403 one takes about 5 s even on an idle machine
// (its second run is paced at the default rate): vitest's 5 s default timed it out on a loaded CI machine. The
// timeout only stops a hung run; it measures nothing.
describe("dubkit partners import", { timeout: 60_000 }, () => {
  it("imports 10,000 rows through resets, 429s and 503s: every valid row once, every invalid row reported", async () => {
    emulator = await startEmulator({
      port: 0,
      seed: 11,
      rateLimit: { windowMs: 100, limit: 100 },
      faults: "p=0.01:reset-after,503,500",
    });
    const e = await isolatedEnv({ DUB_API_KEY: emulator.apiKey, DUBKIT_PROGRESS_INTERVAL_MS: "200" });
    const file = join(e.HOME as string, "partners.csv");
    const csv = await writeCsv(file, 10_000, 33);
    const result = await runCli(
      [
        "--base-url",
        emulator.url,
        "partners",
        "import",
        file,
        "--concurrency",
        "32",
        "--rate",
        "60000/min",
        "--json",
      ],
      e,
    );
    expect(result.code, result.stderr).toBe(1);
    const summary = JSON.parse(result.stdout);
    expect(summary).toMatchObject({
      status: "partial",
      rows: 10_000,
      failed: csv.invalidLines.length,
      invalid: csv.invalidLines.length,
      skipped: 0,
      unknown: 0,
      report: join(e.HOME as string, "partners.failed.csv"),
      journal: `${file}.journal`,
    });
    expect(summary.created + summary.alreadyEnrolled).toBe(csv.validEmails.size);
    // The SDK's transport retried the 5xx and resets: the import has no retry loop of its own.
    expect(summary.retries).toBeGreaterThan(0);
    const stats = emulator.stats();
    expect(stats.appliedThenReset).toBeGreaterThan(0);
    expect(stats.faults["503"]).toBeGreaterThan(0);
    expectExactlyOnce(emulator, csv.validEmails);

    const report = await reportLines(summary.report);
    expect(report.map((r) => r.line)).toEqual(csv.invalidLines);
    expect(report.find((r) => r.line === csv.invalidLines[0])).toMatchObject({ field: "name" });
    expect(result.stderr).toMatch(/^progress: \d+\/10000 rows/m);
    expect(result.stderr).toContain("Import finished:");
  }, 90_000);

  it("waits for Retry-After on 429 and goes on at its pace, without a herd of 429s", async () => {
    emulator = await startEmulator({ port: 0, rateLimit: { windowMs: 300, limit: 5 } });
    const e = await isolatedEnv({ DUB_API_KEY: emulator.apiKey });
    const file = join(e.HOME as string, "partners.csv");
    const csv = await writeCsv(file, 40, 1000);
    const args = [
      "--base-url",
      emulator.url,
      "partners",
      "import",
      file,
      "--rate",
      "100/s",
      "--concurrency",
      "8",
      "--json",
    ];
    const result = await runCli(args, e);
    expect(result.code, result.stderr).toBe(0);
    const summary = JSON.parse(result.stdout);
    expect(summary).toMatchObject({ created: 40, failed: 0 });
    const { rateLimited } = emulator.stats();
    expect(rateLimited).toBeGreaterThan(0);
    expect(summary.rateLimited).toBeGreaterThan(0);
    // Without backing off, 8 senders at 100/s against 5 per 300 ms would collect hundreds of 429s.
    expect(rateLimited).toBeLessThan(40);
    expectExactlyOnce(emulator, csv.validEmails);
  });

  it("validates every row and sends nothing with --dry-run", async () => {
    emulator = await startEmulator({ port: 0, rateLimit: false });
    const e = await isolatedEnv({ DUB_API_KEY: emulator.apiKey });
    const file = join(e.HOME as string, "partners.csv");
    const csv = await writeCsv(file, 500, 10);
    const report = join(e.HOME as string, "invalid.csv");
    const result = await runCli(
      ["--base-url", emulator.url, "partners", "import", file, "--dry-run", "--report", report, "--json"],
      e,
    );
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout)).toMatchObject({
      dryRun: true,
      rows: 500,
      valid: 450,
      invalid: 50,
      journal: null,
    });
    expect(emulator.stats().requests).toBe(0);
    const rows = await readReport(report);
    expect(Object.keys(rows[0] ?? {})).toEqual([
      "email",
      "name",
      "tenant_id",
      "link_props.external_id",
      "link_props",
      "dubkit_line",
      "dubkit_field",
      "dubkit_error",
      "dubkit_status",
    ]);
    expect(rows.map((row) => Number(row.dubkit_line))).toEqual(csv.invalidLines);
  });

  it("reads a CSV with a BOM, CRLF, quoted commas and newlines, and UTF-8 names", async () => {
    emulator = await startEmulator({ port: 0, rateLimit: false });
    const e = await isolatedEnv({ DUB_API_KEY: emulator.apiKey });
    const file = join(e.HOME as string, "tricky.csv");
    const text =
      "\uFEFFEmail,Name,Description,link_props.archived,Notes\r\n" +
      'zoe@example.com,"Zoë Saldaña","Line one\r\nline two, with a comma",false,\r\n' +
      "\r\n" +
      'jurgen@example.com,Jürgen Müller,"He said ""hi""",,VIP\r\n' +
      "taro@example.com,山田 太郎,,,\r\n" +
      "bad@example.com,Bad,,maybe,\r\n";
    await writeFile(file, text);
    const result = await runCli(["--base-url", emulator.url, "partners", "import", file, "--json"], e);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ created: 3, failed: 1 });
    expect(result.stderr).toContain("Ignoring columns: Notes");
    const byEmail = new Map(emulator.partners().map((p) => [p.email, p]));
    expect(byEmail.get("zoe@example.com")).toMatchObject({
      name: "Zoë Saldaña",
      description: "Line one\r\nline two, with a comma",
    });
    expect(byEmail.get("jurgen@example.com")).toMatchObject({
      name: "Jürgen Müller",
      description: 'He said "hi"',
    });
    expect(byEmail.get("taro@example.com")).toMatchObject({ name: "山田 太郎" });
    const report = await reportLines(join(e.HOME as string, "tricky.failed.csv"));
    expect(report).toEqual([
      expect.objectContaining({
        line: 7,
        field: "linkProps.archived",
        error: expect.stringContaining("expected boolean"),
      }),
    ]);
  });

  it("imports JSON Lines from stdin with an explicit journal", async () => {
    emulator = await startEmulator({ port: 0, rateLimit: false });
    const e = await isolatedEnv({ DUB_API_KEY: emulator.apiKey });
    const journal = join(e.HOME as string, "stdin.journal");
    const input = [
      '{"email":"a@example.com","tenantId":"a"}',
      '{"email":"b@example.com","linkProps":{"externalId":"b"}}',
      "{oops",
    ].join("\n");
    const args = [
      "--base-url",
      emulator.url,
      "partners",
      "import",
      "-",
      "--format",
      "jsonl",
      "--journal",
      journal,
      "--json",
    ];
    const first = await runCli(args, e, input);
    expect(JSON.parse(first.stdout)).toMatchObject({ rows: 3, created: 2, invalid: 1 });
    const again = await runCli(args, e, input);
    expect(JSON.parse(again.stdout)).toMatchObject({ rows: 3, created: 0, skipped: 2, invalid: 1 });
    expect(emulator.stats().requests).toBe(2);
  });

  it("stops cleanly on Ctrl-C with a summary and exit 130, and a re-run finishes the rest", async () => {
    emulator = await startEmulator({ port: 0, rateLimit: false, latencyMs: 20 });
    const e = await isolatedEnv({ DUB_API_KEY: emulator.apiKey });
    const file = join(e.HOME as string, "partners.csv");
    const csv = await writeCsv(file, 400, 1000);
    const args = ["--base-url", emulator.url, "partners", "import", file, "--rate", "50/s", "--json"];
    const child = startCli(args, e);
    const done = finished(child);
    while ((emulator.enrollments().length ?? 0) < 20) await new Promise((resolve) => setTimeout(resolve, 20));
    child.kill("SIGINT");
    const interrupted = await done;
    expect(interrupted.code).toBe(130);
    const stopped = JSON.parse(interrupted.stdout);
    expect(stopped).toMatchObject({ status: "interrupted", rows: 400 });
    // Every row is in one bucket, those not sent included.
    expect(
      stopped.created +
        stopped.alreadyEnrolled +
        stopped.failed +
        stopped.skipped +
        stopped.unknown +
        stopped.notSent,
    ).toBe(400);
    expect(interrupted.stderr).toContain("Import interrupted:");

    const rest = await runCli(
      ["--base-url", emulator.url, "partners", "import", file, "--rate", "off", "--json"],
      e,
    );
    expect(rest.code).toBe(0);
    const summary = JSON.parse(rest.stdout);
    expect(summary.skipped).toBeGreaterThanOrEqual(20);
    expect(summary.skipped + summary.created + summary.alreadyEnrolled).toBe(400);
    expectExactlyOnce(emulator, csv.validEmails);
  });

  it("stops at the first 401 with exit 3 instead of failing every row", async () => {
    emulator = await startEmulator({ port: 0, rateLimit: false });
    const e = await isolatedEnv({ DUB_API_KEY: "dub_revokedrevokedrevokedrev" });
    const file = join(e.HOME as string, "partners.csv");
    await writeCsv(file, 200, 1000);
    const result = await runCli(["--base-url", emulator.url, "partners", "import", file, "--json"], e);
    expect(result.code).toBe(3);
    expect(JSON.parse(result.stdout)).toMatchObject({
      status: "failed",
      created: 0,
      error: "Dub rejected the token: Invalid API key.",
    });
    expect(emulator.stats().requests).toBeLessThan(20);
  });

  it("stops on a workspace-wide 403 and, once the plan is fixed, a re-run enrolls every row", async () => {
    const e = await isolatedEnv({});
    const file = join(e.HOME as string, "partners.csv");
    const dataFile = join(e.HOME as string, "emulator.log");
    const apiKey = "dub_planplanplanplanplanplan";
    const csv = await writeCsv(file, 40, 1000);
    const args = ["--base-url", "", "--token", apiKey, "partners", "import", file, "--json"];

    emulator = await startEmulator({ port: 0, rateLimit: false, plan: "pro", apiKey, dataFile });
    args[1] = emulator.url;
    const first = await runCli(args, e);
    expect(first.code).toBe(3);
    expect(JSON.parse(first.stdout)).toMatchObject({
      status: "failed",
      created: 0,
      error: "This workspace's plan has no access to the partners API (Need higher plan).",
    });
    expect(emulator.stats().requests).toBeLessThan(20);
    await emulator.stop();

    emulator = await startEmulator({ port: 0, rateLimit: false, plan: "business", apiKey, dataFile });
    args[1] = emulator.url;
    const second = await runCli(args, e);
    expect(second.code, second.stderr).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({ status: "completed", failed: 0 });
    expectExactlyOnce(emulator, csv.validEmails);
  });
});
