// The import with real migration files, one describe per problem of the issue "an import you can trust with a real
// migration": every test runs the built CLI against the emulator and checks what Dub ends up holding.

import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { type Emulator, startEmulator } from "@dubkit/emulator";
import { Dub } from "@dubkit/partners";
import iconv from "iconv-lite";
import { afterEach, describe, expect, it } from "vitest";
import { readReport } from "./fixtures.js";
import { finished, isolatedEnv, runCli, startCli } from "./run-cli.js";

let emulator: Emulator | undefined;
afterEach(async () => {
  await emulator?.stop();
  emulator = undefined;
});

async function setup(options: Parameters<typeof startEmulator>[0] = {}) {
  emulator = await startEmulator({ port: 0, rateLimit: false, ...options });
  const env = await isolatedEnv({ DUB_API_KEY: emulator.apiKey });
  const home = env.HOME as string;
  const emu = emulator;
  return {
    emu,
    env,
    home,
    path: (name: string) => join(home, name),
    write: async (name: string, content: string | Buffer) => {
      await writeFile(join(home, name), content);
      return join(home, name);
    },
    run: (args: string[], input?: string) => runCli(["--base-url", emu.url, ...args], env, input),
    /** email → name of every enrolled partner. */
    enrolled: () => {
      const byId = new Map(emu.partners().map((p) => [p.id, p]));
      return new Map(
        emu.enrollments().map((e) => [byId.get(e.partnerId)?.email, byId.get(e.partnerId)?.name]),
      );
    },
  };
}

const json = (stdout: string) => JSON.parse(stdout);

function addsUp(summary: Record<string, number>): void {
  const { created, alreadyEnrolled, failed, skipped, unknown, notSent } = summary;
  expect(
    (created ?? 0) +
      (alreadyEnrolled ?? 0) +
      (failed ?? 0) +
      (skipped ?? 0) +
      (unknown ?? 0) +
      (notSent ?? 0),
  ).toBe(summary.rows);
}

describe("1. the journal is keyed by the row's identity and content", { timeout: 60_000 }, () => {
  it("after edits, inserts, reorders and fixes, a re-run sends exactly the rows that need sending", async () => {
    const t = await setup();
    const file = await t.write(
      "partners.csv",
      [
        "email,name,groupId",
        "a@example.com,Ann,",
        "b@example.com,Bob,",
        "c@example.com,Cy,",
        "not-an-email,Dee,",
        "e@example.com,Eve,unknown-group",
        "f@example.com,Fay,",
      ].join("\n"),
    );
    const first = await t.run(["partners", "import", file, "--json"]);
    expect(json(first.stdout)).toMatchObject({ created: 4, failed: 2, invalid: 1 });
    const before = t.emu.stats().requests;

    // Insert a row at the top, replace b with g on its line, fix the invalid row, edit c's name, move f up.
    await t.write(
      "partners.csv",
      [
        "email,name,groupId",
        "z@example.com,Zed,",
        "f@example.com,Fay,",
        "a@example.com,Ann,",
        "g@example.com,Gus,",
        "c@example.com,Cyrus,",
        "d@example.com,Dee,",
        "e@example.com,Eve,unknown-group",
      ].join("\n"),
    );
    const second = await t.run(["partners", "import", file, "--json"]);
    const summary = json(second.stdout);
    expect(summary).toMatchObject({
      rows: 7,
      created: 3,
      alreadyEnrolled: 1,
      skipped: 2,
      failed: 1,
      invalid: 0,
    });
    addsUp(summary);
    // z, g, d (new or fixed) and c (edited) were sent; a and f were not; e was refused for this content before.
    expect(t.emu.stats().requests - before).toBe(4);
    expect([...t.enrolled().keys()].sort()).toEqual(
      ["a", "b", "c", "d", "f", "g", "z"].map((x) => `${x}@example.com`),
    );
    // Dub keeps a partner's first name: the edit is reported as already enrolled, not silently applied.
    expect(t.enrolled().get("c@example.com")).toBe("Cy");
    const report = await readReport(t.path("partners.failed.csv"));
    expect(report).toEqual([
      expect.objectContaining({
        email: "e@example.com",
        dubkit_line: "8",
        dubkit_status: "404",
        dubkit_error: expect.stringContaining('Group "unknown-group" not found. (in an earlier run)'),
      }),
    ]);
  });

  it("a row replaced on a line after an interrupted run is sent, not counted as skipped", async () => {
    const t = await setup({ latencyMs: 30 });
    const rows = Array.from({ length: 60 }, (_, i) => `u${i}@example.com,U ${i}`);
    const file = await t.write("partners.csv", ["email,name", ...rows].join("\n"));
    const child = startCli(
      ["--base-url", t.emu.url, "partners", "import", file, "--concurrency", "2"],
      t.env,
    );
    const exit = finished(child);
    while (t.emu.enrollments().length < 10) await new Promise((resolve) => setTimeout(resolve, 10));
    child.kill("SIGKILL");
    await exit;
    // The first five lines, done by now, get other people.
    const edited = rows.map((row, i) => (i < 5 ? `new${i}@example.com,New ${i}` : row));
    await t.write("partners.csv", ["email,name", ...edited].join("\n"));
    const rest = await t.run(["partners", "import", file, "--json"]);
    expect(rest.code, rest.stderr).toBe(0);
    const summary = json(rest.stdout);
    expect(summary.created).toBeGreaterThanOrEqual(5);
    addsUp(summary);
    const enrolled = t.enrolled();
    for (const row of edited) expect(enrolled.has(row.split(",")[0])).toBe(true);
  });

  it("refuses a second import on the same journal while the first runs", async () => {
    const t = await setup({ latencyMs: 200 });
    const file = await t.write(
      "p.csv",
      ["email", ...Array.from({ length: 20 }, (_, i) => `u${i}@example.com`)].join("\n"),
    );
    const child = startCli(
      ["--base-url", t.emu.url, "partners", "import", file, "--concurrency", "1"],
      t.env,
    );
    const exit = finished(child);
    while (t.emu.stats().requests < 1) await new Promise((resolve) => setTimeout(resolve, 10));
    const second = await t.run(["partners", "import", file, "--json"]);
    expect(second.code).toBe(2);
    expect(json(second.stderr).error).toMatchObject({ code: "journal_locked" });
    child.kill("SIGINT");
    await exit;
  });
});

describe("2. a tenantId that belongs to another partner", { timeout: 60_000 }, () => {
  it("two people sharing a tenantId in one file: the second is reported, not lost", async () => {
    const t = await setup();
    const file = await t.write(
      "p.csv",
      "email,name,tenantId\njane@example.com,Jane,t1\njohn@example.com,John,t1\n",
    );
    const result = await t.run(["partners", "import", file, "--json"]);
    expect(result.code).toBe(1);
    expect(json(result.stdout)).toMatchObject({ created: 1, alreadyEnrolled: 0, failed: 1, duplicates: 1 });
    const [row] = await readReport(t.path("p.failed.csv"));
    expect(row).toMatchObject({ email: "john@example.com", dubkit_line: "3", dubkit_field: "tenantId" });
    expect(row?.dubkit_error).toContain('line 2 has the tenantId "t1" already');
  });

  it("a tenantId held by a partner already in Dub: a failed conflict naming both emails, never 'already enrolled'", async () => {
    const t = await setup();
    await using dub = new Dub({ token: t.emu.apiKey, serverURL: t.emu.url });
    await dub.partners.create({ email: "jane@example.com", name: "Jane", tenantId: "t1" });
    const file = await t.write(
      "p.csv",
      "email,name,tenantId\njohn@example.com,John,t1\nann@example.com,Ann,t2\n",
    );
    const result = await t.run(["partners", "import", file, "--json"]);
    expect(result.code).toBe(1);
    expect(json(result.stdout)).toMatchObject({ created: 1, alreadyEnrolled: 0, failed: 1, conflicts: 1 });
    expect(t.enrolled().has("john@example.com")).toBe(false);
    const [row] = await readReport(t.path("p.failed.csv"));
    expect(row?.dubkit_error).toBe(
      `conflict: tenantId "t1" belongs to another partner, jane@example.com (${t.emu.partners()[0]?.id}); Dub returned that partner and did not enroll john@example.com`,
    );
    // The program's state decides a conflict: the next run asks again.
    const again = await t.run(["partners", "import", file, "--json"]);
    expect(json(again.stdout)).toMatchObject({ skipped: 1, conflicts: 1 });
  });

  it("partners create reports the same conflict and exits 5", async () => {
    const t = await setup();
    await t.run(["partners", "create", "--email", "jane@example.com", "--tenant-id", "t1"]);
    const result = await t.run([
      "partners",
      "create",
      "--email",
      "john@example.com",
      "--tenant-id",
      "t1",
      "--json",
    ]);
    expect(result.code).toBe(5);
    expect(json(result.stderr).error).toMatchObject({
      code: "tenant_conflict",
      field: "tenantId",
      message: expect.stringContaining('tenantId "t1" belongs to another partner, jane@example.com'),
    });
    expect(result.stdout).toBe("");
  });
});

describe("3. columns are mapped, never silently dropped or misread", { timeout: 60_000 }, () => {
  it("recognises export headers and composes First Name + Last Name", async () => {
    const t = await setup();
    const file = await t.write(
      "export.csv",
      "Partner Key,First Name,Last Name,Email Address,Country,Commission\nps_1,Jane,Doe,jane@example.com,Germany,20%\nps_2,John,,john@example.com,FRA,10%\n",
    );
    const result = await t.run(["partners", "import", file, "--json"]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain("Ignoring columns: Commission");
    const partners = new Map(t.emu.partners().map((p) => [p.email, p]));
    expect(partners.get("jane@example.com")).toMatchObject({ name: "Jane Doe", country: "DE" });
    expect(partners.get("john@example.com")).toMatchObject({ name: "John", country: "FR" });
    expect(
      t.emu
        .enrollments()
        .map((e) => e.tenantId)
        .sort(),
    ).toEqual(["ps_1", "ps_2"]);
  });

  it("refuses a file with no email column before sending anything, naming the columns (as JSON with --json)", async () => {
    const t = await setup();
    const file = await t.write("p.csv", "Name,Company\nJane,Acme\n");
    const result = await t.run(["partners", "import", file, "--json"]);
    expect(result.code).toBe(2);
    expect(json(result.stderr).error).toMatchObject({
      code: "column_mapping",
      message:
        'Cannot map the columns, nothing was sent: no column holds the email (columns: "Name", "Company").',
    });
    expect(t.emu.stats().requests).toBe(0);
  });

  it("refuses duplicate headers (email,name,email) instead of taking the last column", async () => {
    const t = await setup();
    const file = await t.write("p.csv", "email,name,email\njane@example.com,Jane,other@example.com\n");
    const result = await t.run(["partners", "import", file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('the header has 2 columns named "email" (columns 1, 3)');
    expect(t.emu.stats().requests).toBe(0);
  });

  it("takes the mapping from --map and from a mapping file", async () => {
    const t = await setup();
    const file = await t.write("p.csv", "Contact,Mail,Display,Ref\nx,jane@example.com,Jane D,r1\n");
    const mapping = await t.write(
      "p.mapping.json",
      JSON.stringify({ columns: { email: "Mail", name: "Display" } }),
    );
    const result = await t.run([
      "partners",
      "import",
      file,
      "--mapping",
      mapping,
      "--map",
      "tenantId=Ref",
      "--json",
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(t.emu.partners()[0]).toMatchObject({ email: "jane@example.com", name: "Jane D" });
    expect(t.emu.enrollments()[0]?.tenantId).toBe("r1");
  });
});

describe("the input file itself", { timeout: 60_000 }, () => {
  it("says what is wrong with a path that is not a readable file: missing, a directory, a pipe", async () => {
    const t = await setup();
    const { mkdir } = await import("node:fs/promises");
    const { execFileSync } = await import("node:child_process");
    await mkdir(t.path("exports"));
    execFileSync("mkfifo", [t.path("fifo.csv")]);
    const cases: [string, RegExp][] = [
      [t.path("missing.csv"), /: no such file\.$/],
      [t.path("exports"), /: it is a directory; give the export file inside it\.$/],
      [t.path("fifo.csv"), /: it is a pipe, which can be read only once.*pipe it to stdin instead/],
    ];
    for (const [file, message] of cases) {
      const result = await t.run(["partners", "import", file]);
      expect(result.code, file).toBe(2);
      expect(result.stderr.trim().split("\n")[0], file).toMatch(message);
    }
    expect(t.emu.stats().requests).toBe(0);
  });
});

describe("4. encodings and separators", { timeout: 60_000 }, () => {
  it("refuses a Windows-1252 file with its line, in a dry run too, and reads it with --encoding", async () => {
    const t = await setup();
    const file = await t.write(
      "p.csv",
      iconv.encode("email,name\nann@example.com,Ann\njose@example.com,José\n", "windows-1252"),
    );
    for (const extra of [[], ["--dry-run"]]) {
      const refused = await t.run(["partners", "import", file, ...extra]);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain("is not UTF-8: line 3 has the byte 0xE9");
      expect(refused.stderr).toContain("--encoding windows-1252");
    }
    expect(t.emu.stats().requests).toBe(0);
    const read = await t.run(["partners", "import", file, "--encoding", "windows-1252"]);
    expect(read.code, read.stderr).toBe(0);
    expect(t.enrolled().get("jose@example.com")).toBe("José");
  });

  it("finds a bad byte far down the file before sending anything, and leaves no journal behind", async () => {
    const t = await setup();
    const rows = Array.from({ length: 5000 }, (_, i) => `u${i}@example.com,User ${i}`);
    const file = await t.write(
      "p.csv",
      Buffer.concat([
        Buffer.from(`email,name\n${rows.join("\n")}\n`),
        iconv.encode("late@example.com,Renée\n", "latin1"),
      ]),
    );
    const result = await t.run(["partners", "import", file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("line 5002 has the byte 0xE9");
    expect(result.stderr).not.toMatch(/journal|the same command/i);
    expect(t.emu.stats().requests).toBe(0);
    await expect((await import("node:fs/promises")).stat(`${file}.journal`)).rejects.toThrow(/ENOENT/);
  });

  it("detects semicolons from European Excel, with or without a sep= line, in a dry run and a real run", async () => {
    const t = await setup();
    const file = await t.write(
      "p.csv",
      "sep=;\r\nE-mail;Name;Country\r\nlea@example.com;Léa Martin;France\r\n",
    );
    const dry = await t.run(["partners", "import", file, "--dry-run"]);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stderr).toContain("semicolon-separated");
    expect(dry.stderr).toContain('line 3: {"name":"Léa Martin","email":"lea@example.com","country":"FR"}');
    const file2 = await t.write("q.csv", "email;name\r\nmax@example.com;Max\r\n");
    expect((await t.run(["partners", "import", file])).code).toBe(0);
    expect((await t.run(["partners", "import", file2])).code).toBe(0);
    expect([...t.enrolled().keys()].sort()).toEqual(["lea@example.com", "max@example.com"]);
  });

  it("reads UTF-16 with tabs, as Excel's 'Unicode text' saves it", async () => {
    const t = await setup();
    const text = "Email\tFull Name\r\nyuki@example.com\t山田 由紀\r\n";
    const file = await t.write(
      "p.txt",
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]),
    );
    const result = await t.run(["partners", "import", file]);
    expect(result.code, result.stderr).toBe(0);
    expect(t.enrolled().get("yuki@example.com")).toBe("山田 由紀");
  });

  it("trims cells and flags the same email in two cases", async () => {
    const t = await setup();
    const file = await t.write("p.csv", "email,name\n  ann@example.com  , Ann \nANN@example.com,Ann Again\n");
    const result = await t.run(["partners", "import", file, "--json"]);
    expect(json(result.stdout)).toMatchObject({ created: 1, duplicates: 1 });
    expect(t.enrolled().get("ann@example.com")).toBe("Ann");
  });

  it("tells an .xlsx to be saved as CSV", async () => {
    const t = await setup();
    const file = await t.write("p.csv", Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]));
    const result = await t.run(["partners", "import", file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("is an Excel workbook (.xlsx)");
    expect(result.stderr).toContain("CSV UTF-8");
  });
});

describe("5. a plan before sending", { timeout: 60_000 }, () => {
  it("a dry run shows the plan at the plan's rate, the quota, the bodies and every problem", async () => {
    const t = await setup();
    const rows = Array.from({ length: 600 }, (_, i) => `u${i}@example.com,User ${i}`);
    rows[10] = "bad,Bad";
    const file = await t.write("p.csv", ["email,name", ...rows].join("\n"));
    const result = await t.run(["partners", "import", file, "--dry-run", "--plan", "business", "--json"]);
    expect(result.code).toBe(2);
    expect(t.emu.stats().requests).toBe(0);
    expect(result.stderr).toContain("Plan: 600 rows in");
    expect(result.stderr).toContain("599 to send, 0 already done (journal), 1 with problems (1 invalid)");
    expect(result.stderr).toContain("Pace: 1,176 requests/min (the plan given with --plan); about 31s.");
    expect(result.stderr).toContain("Dub stops the import at its quota");
    expect(result.stderr).toContain("  line 12: email: Invalid email address");
    expect(result.stderr).toContain('  line 2: {"name":"User 0","email":"u0@example.com"}');
    const summary = json(result.stdout);
    expect(summary).toMatchObject({ dryRun: true, rows: 600, toSend: 599, failed: 1 });
    expect(summary.plan).toMatchObject({ estimatedSeconds: 31, partnersLimit: 500, fitsQuota: false });
    expect(summary.preview).toHaveLength(5);
  });

  it("the real run shows the plan first, counting what the journal has done", async () => {
    const t = await setup();
    const file = await t.write("p.csv", "email\na@example.com\nb@example.com\n");
    await t.run(["partners", "import", file]);
    await t.write("p.csv", "email\na@example.com\nb@example.com\nc@example.com\n");
    const result = await t.run(["partners", "import", file]);
    expect(result.stderr.split("\n")[0]).toBe(
      "Plan: 3 rows in " +
        file +
        " (UTF-8, comma-separated): 1 to send, 2 already done (journal), 0 with problems.",
    );
  });

  it("learns the pace from Dub's rate-limit headers and shows the wait as such", async () => {
    const t = await setup({ rateLimit: { windowMs: 2000, limit: 5 } });
    const file = await t.write(
      "p.csv",
      ["email", ...Array.from({ length: 6 }, (_, i) => `u${i}@example.com`)].join("\n"),
    );
    const result = await runCli(["--base-url", t.emu.url, "partners", "import", file, "--json"], {
      ...t.env,
      DUBKIT_PROGRESS_INTERVAL_MS: "100",
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain("Dub allows this key 5 requests a minute; pacing just under that.");
    expect(result.stderr).toMatch(/rate limited by Dub, resuming in \ds/);
    expect(json(result.stdout)).toMatchObject({ created: 6, rateLimited: 1 });
  });

  it("uses the plan saved with the profile", async () => {
    const t = await setup();
    const env = { ...t.env, DUB_API_KEY: "" };
    const login = await runCli(
      ["--base-url", t.emu.url, "login", "--plan", "advanced", "--no-verify"],
      env,
      t.emu.apiKey,
    );
    expect(login.code, login.stderr).toBe(0);
    const file = await t.write("p.csv", "email\na@example.com\n");
    const result = await runCli(["partners", "import", file, "--dry-run"], env);
    expect(result.stderr).toContain("Pace: 2,940 requests/min (the profile's plan)");
    expect(result.stderr).toContain("Quota: the advanced plan has no partner limit.");
  });

  it("stops at the partner quota and says what to do", async () => {
    const t = await setup({ partnersLimit: 3 });
    const file = await t.write(
      "p.csv",
      ["email", ...Array.from({ length: 5 }, (_, i) => `u${i}@example.com`)].join("\n"),
    );
    const result = await t.run(["partners", "import", file, "--concurrency", "1", "--json"]);
    expect(result.code).toBe(3);
    const summary = json(result.stdout);
    expect(summary).toMatchObject({ status: "failed", created: 3, notSent: 2 });
    addsUp(summary);
    expect(summary.error).toContain("partner quota");
    expect(summary.hint).toContain("Upgrade");
    expect(result.stderr).not.toContain("run the same command again");
  });
});

describe("6. output you can act on", { timeout: 60_000 }, () => {
  it("the CSV failure report is fixed in place and imported again", async () => {
    const t = await setup();
    const file = await t.write(
      "p.csv",
      "email;Full Name;Country\nann@example.com;Ann;DE\nbad-email;Bob;DE\ncy@example.com;Cy;Atlantis\n",
    );
    const first = await t.run(["partners", "import", file]);
    expect(first.code).toBe(1);
    const reportPath = t.path("p.failed.csv");
    const rows = await readReport(reportPath, ";");
    expect(rows.map((r) => [r.email, r["Full Name"], r.dubkit_line, r.dubkit_field])).toEqual([
      ["bad-email", "Bob", "3", "email"],
      ["cy@example.com", "Cy", "4", "country"],
    ]);
    // Fixed in a spreadsheet: same columns, same separator.
    const fixed = (await import("node:fs/promises")).readFile(reportPath, "utf8");
    await t.write(
      "p.failed.csv",
      (await fixed).replace("bad-email", "bob@example.com").replace("Atlantis", "ES"),
    );
    const again = await t.run(["partners", "import", reportPath, "--journal", `${file}.journal`, "--json"]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).not.toContain("Ignoring columns");
    expect(json(again.stdout)).toMatchObject({ created: 2, failed: 0 });
    expect([...t.enrolled().keys()].sort()).toEqual(["ann@example.com", "bob@example.com", "cy@example.com"]);
  });

  it("on a second Ctrl-C, abandoned rows count as unanswered and every bucket adds up to the rows", async () => {
    const t = await setup({ latencyMs: 400 });
    const file = await t.write(
      "p.csv",
      ["email", ...Array.from({ length: 100 }, (_, i) => `u${i}@example.com`)].join("\n"),
    );
    const child = startCli(["--base-url", t.emu.url, "partners", "import", file, "--json"], t.env);
    const exit = finished(child);
    while (t.emu.stats().requests < 4) await new Promise((resolve) => setTimeout(resolve, 10));
    child.kill("SIGINT");
    await new Promise((resolve) => setTimeout(resolve, 50));
    child.kill("SIGINT");
    const result = await exit;
    expect(result.code).toBe(130);
    const summary = json(result.stdout);
    expect(summary.rows).toBe(100);
    expect(summary.unknown).toBeGreaterThan(0);
    expect(summary.notSent).toBeGreaterThan(0);
    addsUp(summary);
  });
});
