// `dubkit partners links upsert FILE` on the built bin against the emulator: every valid row's link exists for its
// partner and URL, invalid rows are named by line and field and never sent, a re-run sends nothing, kill -9 then
// resume ends with each link once, a 429 is waited out, and the failure report, fixed, runs again.

import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { type Emulator, startEmulator } from "@dubkit/emulator";
import { Dub } from "@dubkit/partners";
import { afterEach, describe, expect, it } from "vitest";
import { readReport } from "./fixtures.js";
import { type RequestLog, requestLog } from "./request-log.js";
import { finished, isolatedEnv, runCli, startCli } from "./run-cli.js";

const UPSERT = "/partners/links/upsert";

let emulator: Emulator | undefined;
afterEach(async () => {
  await emulator?.stop();
  emulator = undefined;
});

/** An emulator with `count` partners (tenantIds t0, t1, …), logging its requests; their ids by tenantId. */
async function withPartners(
  count: number,
  options: Parameters<typeof startEmulator>[0] = {},
): Promise<{ emu: Emulator; requests: RequestLog; ids: string[] }> {
  const requests = requestLog();
  const emu = await startEmulator({ port: 0, rateLimit: false, seed: 61, ...options, log: requests.log });
  emulator = emu;
  await using dub = new Dub({ token: emu.apiKey, serverURL: emu.url });
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    ids.push(
      (await dub.partners.create({ email: `p${i}@example.com`, name: `P ${i}`, tenantId: `t${i}` })).id,
    );
  }
  requests.clear();
  return { emu, requests, ids };
}

/** Rows for `rows` links spread over the partners: even rows by partner id, odd rows by tenant id. */
function linkRows(rows: number, ids: string[]): string[] {
  return Array.from({ length: rows }, (_, i) => {
    const p = i % ids.length;
    return i % 2 === 0 ? `${ids[p]},,https://acme.test/p${i},k${i}` : `,t${p},https://acme.test/p${i},k${i}`;
  });
}

const HEADER = "partnerId,tenantId,url,key";

/** The links the emulator holds for the generated rows, as `partnerId url key`. */
function generatedLinks(emu: Emulator): string[] {
  return emu
    .links()
    .filter((link) => /^https:\/\/acme\.test\/p\d+$/.test(link.url))
    .map((link) => `${link.partnerId} ${link.url} ${link.key}`)
    .sort();
}

function expectedLinks(rows: number, ids: string[]): string[] {
  return Array.from(
    { length: rows },
    (_, i) => `${ids[i % ids.length]} https://acme.test/p${i} k${i}`,
  ).sort();
}

/** The rows the journal has finished, by key (each once, however often it was recorded). */
async function doneInJournal(path: string): Promise<number> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    return 0;
  }
  const done = new Set<string>();
  for (const line of text.split("\n")) {
    if (!line.includes('"s":"done"')) continue;
    try {
      done.add((JSON.parse(line) as { k: string }).k);
    } catch {
      // The last line, torn by the kill.
    }
  }
  return done.size;
}

describe("dubkit partners links upsert FILE", { timeout: 90_000 }, () => {
  it("upserts every valid row for its partner and URL, names invalid rows by line and field, and a re-run sends nothing", async () => {
    const { emu, requests, ids } = await withPartners(20);
    const e = await isolatedEnv({ DUB_API_KEY: emu.apiKey, DUB_API_URL: emu.url });
    const file = join(e.HOME as string, "links.csv");
    const valid = linkRows(300, ids);
    const invalid = [
      ",,https://acme.test/nobody,", // no partner
      "user_1,,https://acme.test/bad-id,", // not a partner id
      `${ids[0]},,not a url,`, // not a URL
      `${ids[0]},,https://acme.test/p0,again`, // the same partner and URL as line 2
      `${ids[1]},,https://acme.test/other,K0`, // the key of line 2, in another case
    ];
    const refused = [
      `${ids[2]},,https://elsewhere.test/x,`, // off the group's link domains: Dub's 400
      ",t_unknown,https://acme.test/u,", // no partner with that tenantId
    ];
    await writeFile(file, `${[HEADER, ...valid, ...invalid, ...refused].join("\n")}\n`);
    const args = ["partners", "links", "upsert", file, "--rate", "off", "--json"];

    const first = await runCli(args, e);
    expect(first.code, first.stderr).toBe(1);
    const summary = JSON.parse(first.stdout);
    expect(summary).toMatchObject({
      status: "partial",
      rows: 307,
      created: 300,
      updated: 0,
      unchanged: 0,
      failed: 7,
      invalid: 3,
      duplicates: 2,
      skipped: 0,
      journal: `${file}.upsert.journal`,
      report: join(e.HOME as string, "links.failed-upserts.csv"),
    });
    expect(generatedLinks(emu)).toEqual(expectedLinks(300, ids));
    // Invalid rows never left: one upsert per valid row and per row Dub refused for its URL.
    expect(requests.count("PUT", UPSERT)).toBe(301);
    const report = await readReport(summary.report);
    expect(report.map((row) => [row.dubkit_line, row.dubkit_field, row.dubkit_status])).toEqual([
      ["302", "partnerId", ""],
      ["303", "partnerId", ""],
      ["304", "url", ""],
      ["305", "url", ""],
      ["306", "key", ""],
      ["307", "url", "400"],
      ["308", "tenantId", "404"],
    ]);
    expect(report[3]?.dubkit_error).toContain(
      "line 2 has this partner's link to https://acme.test/p0 already",
    );
    expect(report[5]?.dubkit_error).toContain("does not match the program's link domains");

    requests.clear();
    const again = await runCli(args, e);
    expect(again.code, again.stderr).toBe(1);
    expect(JSON.parse(again.stdout)).toMatchObject({ rows: 307, created: 0, skipped: 300, failed: 7 });
    expect(again.stderr).toContain("300 already done (journal)");
    expect(requests.count("PUT", UPSERT)).toBe(0);
    expect(requests.count("GET", "/partners")).toBe(0);
  });

  it("runs the failure report again once fixed: a moved key updates its link, a fixed URL creates one", async () => {
    // The first run's links are written a minute back on the emulator's clock, so the re-run can tell "updated"
    // from "created" (which allows a second of clock difference).
    let offsetMs = 60_000;
    const { emu, ids } = await withPartners(3, { clock: () => Date.now() - offsetMs });
    const e = await isolatedEnv({ DUB_API_KEY: emu.apiKey, DUB_API_URL: emu.url });
    const file = join(e.HOME as string, "links.csv");
    await writeFile(
      file,
      `${HEADER}\n${ids[0]},,https://acme.test/a,ana-a\n${ids[0]},,https://acme.test/a,ana-spring\n${ids[1]},,https://elsewhere.test/b,bo-b\n`,
    );
    const first = await runCli(["partners", "links", "upsert", file, "--json"], e);
    expect(first.code, first.stderr).toBe(1);
    const reportPath = JSON.parse(first.stdout).report as string;
    const fixed = (await readFile(reportPath, "utf8")).replace(
      "https://elsewhere.test/b",
      "https://acme.test/b",
    );
    await writeFile(reportPath, fixed);
    offsetMs = 0;
    const rerun = await runCli(["partners", "links", "upsert", reportPath, "--json"], e);
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(JSON.parse(rerun.stdout)).toMatchObject({ rows: 2, created: 1, updated: 1, failed: 0 });
    const keys = emu
      .links()
      .filter((link) => link.url === "https://acme.test/a" || link.url === "https://acme.test/b")
      .map((link) => `${link.partnerId} ${link.url} ${link.key}`)
      .sort();
    expect(keys).toEqual(
      [`${ids[0]} https://acme.test/a ana-spring`, `${ids[1]} https://acme.test/b bo-b`].sort(),
    );
  });

  it("sends nothing with --dry-run, and shows the bodies it would send", async () => {
    const { emu, requests, ids } = await withPartners(2);
    const e = await isolatedEnv({ DUB_API_KEY: emu.apiKey, DUB_API_URL: emu.url });
    const file = join(e.HOME as string, "links.jsonl");
    await writeFile(
      file,
      `${JSON.stringify({ partnerId: ids[0], url: "acme.test/x", linkProps: { externalId: "ext_9" } })}\n{"tenantId":"t1"}\n`,
    );
    const dry = await runCli(["partners", "links", "upsert", file, "--dry-run"], e);
    expect(dry.code).toBe(2);
    expect(dry.stderr).toContain(
      `line 1: {"partnerId":"${ids[0]}","url":"https://acme.test/x","linkProps":{"externalId":"9"}}`,
    );
    expect(dry.stderr).toContain("line 2: url: Invalid input: expected string, received undefined");
    expect(requests.count("PUT", UPSERT) + requests.count("GET", "/partners")).toBe(0);
    expect(emu.links().filter((link) => link.url === "https://acme.test/x")).toHaveLength(0);
  });

  it("survives kill -9 twice: resumed, every link exists once and finished rows were not sent again", async () => {
    const { emu, requests, ids } = await withPartners(40, { latencyMs: 2 });
    const e = await isolatedEnv({ DUB_API_KEY: emu.apiKey, DUB_API_URL: emu.url });
    const file = join(e.HOME as string, "links.csv");
    const rows = 2500;
    await writeFile(file, `${[HEADER, ...linkRows(rows, ids)].join("\n")}\n`);
    const journal = `${file}.upsert.journal`;
    const args = ["partners", "links", "upsert", file, "--rate", "off", "--concurrency", "16", "--json"];
    const kills = [300 + Math.floor(Math.random() * 300), 1200 + Math.floor(Math.random() * 400)];
    for (const point of kills) {
      const child = startCli(args, e);
      const exit = finished(child);
      while ((await doneInJournal(journal)) < point && child.exitCode === null) {
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      child.kill("SIGKILL");
      const killed = await exit;
      expect(killed.signal).toBe("SIGKILL");
    }
    const finishedBefore = await doneInJournal(journal);
    requests.clear();
    const last = await runCli(args, e);
    expect(last.code, last.stderr).toBe(0);
    const summary = JSON.parse(last.stdout);
    expect(summary.skipped).toBe(finishedBefore);
    expect(summary.skipped).toBeGreaterThanOrEqual(kills[1] as number);
    expect(summary.skipped + summary.created + summary.updated + summary.unchanged).toBe(rows);
    // The resumed run sent every row the journal had not finished, once, and none it had.
    expect(requests.count("PUT", UPSERT)).toBe(rows - finishedBefore);
    expect(generatedLinks(emu)).toEqual(expectedLinks(rows, ids));
  });

  it("waits for Retry-After on a 429 and finishes at its pace", async () => {
    const { emu, ids } = await withPartners(4, { rateLimit: { windowMs: 300, limit: 5 } });
    const e = await isolatedEnv({ DUB_API_KEY: emu.apiKey, DUB_API_URL: emu.url });
    const file = join(e.HOME as string, "links.csv");
    await writeFile(file, `${[HEADER, ...linkRows(40, ids)].join("\n")}\n`);
    const result = await runCli(
      ["partners", "links", "upsert", file, "--rate", "100/s", "--concurrency", "8", "--json"],
      e,
    );
    expect(result.code, result.stderr).toBe(0);
    const summary = JSON.parse(result.stdout);
    expect(summary).toMatchObject({ created: 40, failed: 0 });
    expect(summary.rateLimited).toBeGreaterThan(0);
    // Without waiting, 8 senders at 100/s against 5 per 300 ms would collect hundreds of 429s.
    expect(emu.stats().rateLimited).toBeLessThan(40);
    expect(generatedLinks(emu)).toEqual(expectedLinks(40, ids));
  });

  it("runs with --local against the embedded emulator, no token needed", async () => {
    const e = await isolatedEnv();
    const created = await runCli(
      ["--local", "partners", "create", "--email", "lea@example.com", "--name", "Léa", "--tenant-id", "lea"],
      e,
    );
    expect(created.code, created.stderr).toBe(0);
    const file = join(e.HOME as string, "links.csv");
    await writeFile(file, "tenantId,url,key\nlea,https://acme.test/lea,lea-local\n");
    const result = await runCli(["--local", "partners", "links", "upsert", file, "--json"], e);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ rows: 1, created: 1, failed: 0 });
    const links = await runCli(["--local", "partners", "links", "list", "--tenant-id", "lea", "--json"], e);
    expect(
      JSON.parse(links.stdout).map((link: { url: string; key: string }) => `${link.url} ${link.key}`),
    ).toContain("https://acme.test/lea lea-local");
  });

  it("keeps the single form's flags and the file's apart", async () => {
    const { emu } = await withPartners(1);
    const e = await isolatedEnv({ DUB_API_KEY: emu.apiKey, DUB_API_URL: emu.url });
    const file = join(e.HOME as string, "links.csv");
    await writeFile(file, `${HEADER}\n`);
    const both = await runCli(["partners", "links", "upsert", file, "--url", "https://acme.test"], e);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain(
      "--url is for one link; with a FILE, each row names its partner, URL and key.",
    );
    const single = await runCli(
      [
        "partners",
        "links",
        "upsert",
        "--tenant-id",
        "t0",
        "--url",
        "https://acme.test/x",
        "--concurrency",
        "4",
      ],
      e,
    );
    expect(single.code).toBe(2);
    expect(single.stderr).toContain("--concurrency works only with FILE.");
  });
});
