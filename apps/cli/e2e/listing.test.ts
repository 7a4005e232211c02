// Listings on the built bin: every --format, the "more" hint only when there is a next page, --all
// bounded and never leaving half a JSON array, `partners get`, a CSV export that `partners import`
// reads back, and --debug's request log.

import { readFile, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { join } from "node:path";
import { type Emulator, startEmulator } from "@dubkit/emulator";
import { Dub } from "@dubkit/partners";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isolatedEnv, runCli } from "./run-cli.js";

const spawning = { timeout: 60_000 };
let emulator: Emulator;
const PEOPLE = [
  { email: "li@example.com", name: "李小龙", country: "CN", tenantId: "t_li", username: "li-xiaolong" },
  { email: "priya@example.com", name: "प्रिया शर्मा", country: "IN", description: "नमस्ते", tenantId: "t_priya" },
  { email: "somchai@example.com", name: "สมชาย ใจดี", country: "TH", tenantId: "t_somchai" },
  {
    email: "ada@example.com",
    name: 'Ada, "the" Countess',
    image: "https://dubassets.com/ada.png",
    tenantId: "t_ada",
  },
];

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, rateLimit: false, seed: 21 });
  await using dub = new Dub({ token: emulator.apiKey, serverURL: emulator.url });
  for (const person of PEOPLE) await dub.partners.create(person);
});
afterAll(async () => {
  await emulator.stop();
});

const env = (target: { apiKey: string; url: string } = emulator) =>
  isolatedEnv({ DUB_API_KEY: target.apiKey, DUB_API_URL: target.url });
const sorted = ["--sort-by", "createdAt", "--sort-order", "asc"];

describe("partners list --format", spawning, () => {
  it("prints tab-separated rows without a header when stdout is not a terminal", async () => {
    const result = await runCli(["partners", "list", ...sorted], await env());
    expect(result.code, result.stderr).toBe(0);
    const rows = result.stdout
      .trimEnd()
      .split("\n")
      .map((line) => line.split("\t"));
    expect(rows.map((row) => row.length)).toEqual([6, 6, 6, 6]);
    expect(rows.map((row) => [row[1], row[2], row[3], row[4]])).toEqual(
      PEOPLE.map((p) => [p.name, p.email, "approved", p.tenantId]),
    );
    expect(rows[0]?.[0]).toMatch(/^pn_/);
  });

  it("prints an aligned table with a header when asked, even into a pipe", async () => {
    const result = await runCli(["partners", "list", ...sorted, "--format", "table"], await env());
    const lines = result.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^id\s+name\s+email\s+status\s+tenantId\s+createdAt$/);
    expect(lines).toHaveLength(5);
  });

  it("prints JSON, JSON Lines and CSV", async () => {
    const e = await env();
    const json = JSON.parse((await runCli(["partners", "list", ...sorted, "--format", "json"], e)).stdout);
    expect(json.map((p: { email: string }) => p.email)).toEqual(PEOPLE.map((p) => p.email));
    const jsonl = (await runCli(["partners", "list", ...sorted, "--format", "jsonl"], e)).stdout;
    expect(
      jsonl
        .trimEnd()
        .split("\n")
        .map((line) => JSON.parse(line).email),
    ).toEqual(PEOPLE.map((p) => p.email));
    const csv: Record<string, string>[] = parse(
      (await runCli(["partners", "list", ...sorted, "--format", "csv"], e)).stdout,
      { columns: true },
    );
    expect(Object.keys(csv[0] ?? {})).toEqual([
      "email",
      "name",
      "username",
      "image",
      "country",
      "description",
      "tenantId",
      "groupId",
      "id",
      "status",
      "createdAt",
      "shortLink",
    ]);
    expect(csv[0]).toMatchObject({
      email: "li@example.com",
      name: "李小龙",
      username: "li-xiaolong",
      country: "CN",
    });
    expect(csv[3]).toMatchObject({ name: 'Ada, "the" Countess', image: "https://dubassets.com/ada.png" });
  });
});

describe("the next-page hint", spawning, () => {
  it("appears only when another page really follows", async () => {
    const e = await env();
    const full = await runCli(["partners", "list", "--page-size", "4", "--format", "table"], e);
    expect(full.stderr).toBe("");
    const partial = await runCli(["partners", "list", "--page-size", "3", "--format", "table"], e);
    expect(partial.stderr).toBe("More partners: add --page 2, or --all for every page.\n");
    const second = await runCli(
      ["partners", "list", "--page-size", "2", "--page", "2", "--format", "tsv"],
      e,
    );
    expect(second.stderr).toBe("");
    const third = await runCli(["partners", "list", "--page-size", "1", "--page", "3", "--format", "csv"], e);
    expect(third.stderr).toBe("More partners: add --page 4, or --all for every page.\n");
    const json = await runCli(["partners", "list", "--page-size", "3", "--json"], e);
    expect(json.stderr).toBe("");
  });
});

/** A server that answers GET /partners with the same full page, whatever page is asked for. */
async function stuckServer(partner: object, pageSize: number): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    response.setHeader("content-type", "application/json");
    const page = Array.from({ length: pageSize }, (_, i) => ({ ...partner, id: `pn_stuck${i}` }));
    response.end(request.url?.startsWith("/partners") ? JSON.stringify(page) : "{}");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, server };
}

describe("partners list --all", spawning, () => {
  it("walks every page", async () => {
    const all = await runCli(["partners", "list", "--all", "--page-size", "1", "--json"], await env());
    expect(JSON.parse(all.stdout)).toHaveLength(PEOPLE.length);
  });

  it("stops with exit 7 when the server returns the same page again, leaving no half JSON array", async () => {
    const [partner] = JSON.parse((await runCli(["partners", "list", "--json"], await env())).stdout);
    const { url, server } = await stuckServer(partner, 2);
    try {
      const e = await env({ apiKey: emulator.apiKey, url });
      const json = await runCli(["partners", "list", "--all", "--page-size", "2", "--json"], e);
      expect(json.code).toBe(7);
      expect(json.stdout).toBe("");
      expect(JSON.parse(json.stderr).error).toMatchObject({ code: "repeated_page" });
      expect(JSON.parse(json.stderr).error.message).toContain("page 1 again as page 2");
      const lines = await runCli(["partners", "list", "--all", "--page-size", "2", "--format", "jsonl"], e);
      expect(lines.code).toBe(7);
      // JSON Lines stream: what was printed is whole lines, one per partner of the first page.
      expect(
        lines.stdout
          .trimEnd()
          .split("\n")
          .map((line) => JSON.parse(line).id),
      ).toEqual(["pn_stuck0", "pn_stuck1"]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("prints nothing of a JSON array when a later page fails", async () => {
    // Requests 1-3 create the partners, 4 is page 1, 5 is page 2.
    const faulty = await startEmulator({ port: 0, rateLimit: false, faults: "500@5" });
    try {
      await using dub = new Dub({ token: faulty.apiKey, serverURL: faulty.url });
      for (const person of PEOPLE.slice(0, 3)) await dub.partners.create(person);
      const result = await runCli(
        ["--retries", "0", "partners", "list", "--all", "--page-size", "2", "--json"],
        await env(faulty),
      );
      expect(result.code).toBe(7);
      expect(result.stdout).toBe("");
      expect(JSON.parse(result.stderr).error).toMatchObject({ code: "internal_server_error", status: 500 });
    } finally {
      await faulty.stop();
    }
  });
});

describe("partners get", spawning, () => {
  it("finds one partner by id, email or tenant id, and exits 4 when there is none", async () => {
    const e = await env();
    const byEmail = JSON.parse(
      (await runCli(["partners", "get", "--email", "priya@example.com", "--json"], e)).stdout,
    );
    expect(byEmail).toMatchObject({ name: "प्रिया शर्मा", tenantId: "t_priya" });
    const byId = JSON.parse((await runCli(["partners", "get", byEmail.id, "--json"], e)).stdout);
    expect(byId.id).toBe(byEmail.id);
    const byTenant = await runCli(["partners", "get", "--tenant-id", "t_priya", "--format", "table"], e);
    expect(byTenant.stdout).toMatch(/^प्रिया शर्मा <priya@example.com>\n {2}id {9}pn_/);
    const none = await runCli(["partners", "get", "pn_doesnotexist"], e);
    expect(none.code).toBe(4);
    expect(none.stderr).toContain("No partner with id pn_doesnotexist in this program.");
    expect((await runCli(["partners", "get", byEmail.id, "--email", "x@example.com"], e)).code).toBe(2);
    expect((await runCli(["partners", "get", "priya@example.com"], e)).code).toBe(2);
  });
});

describe("CSV export and import", spawning, () => {
  it("round-trips: export, import into a fresh emulator, export again gives the same partners", async () => {
    const e = await env();
    const exportArgs = ["partners", "list", "--all", "--format", "csv"];
    const first = await runCli(exportArgs, e);
    expect(first.code, first.stderr).toBe(0);
    const file = join(e.HOME as string, "partners.csv");
    await writeFile(file, first.stdout);

    const fresh = await startEmulator({ port: 0, rateLimit: false, seed: 99 });
    try {
      const target = await env(fresh);
      const imported = await runCli(["partners", "import", file, "--json"], target);
      expect(imported.code, imported.stderr).toBe(0);
      expect(JSON.parse(imported.stdout)).toMatchObject({ created: PEOPLE.length, failed: 0 });
      expect(imported.stderr).toContain("Ignoring columns: id, status, createdAt, shortLink");
      const second = await runCli(exportArgs, target);
      const comparable = (csv: string) =>
        (parse(csv, { columns: true }) as Record<string, string>[])
          .map(({ id: _id, createdAt: _createdAt, ...rest }) => rest)
          .sort((a, b) => (a.email ?? "").localeCompare(b.email ?? ""));
      expect(comparable(second.stdout)).toEqual(comparable(first.stdout));
      expect(comparable(second.stdout)).toHaveLength(PEOPLE.length);
      expect(await readFile(file, "utf8")).toContain("li-xiaolong");
    } finally {
      await fresh.stop();
    }
  });
});

describe("--debug", spawning, () => {
  it("logs each request and answer with method, URL, status, timing, attempt and bodies, redacted and cut", async () => {
    const e = await env();
    const created = await runCli(
      ["--debug", "partners", "create", "--email", "debug@example.com", "--json"],
      e,
    );
    expect(created.code, created.stderr).toBe(0);
    const log = created.stderr;
    expect(log).toContain(`debug: → POST ${emulator.url}/partners (attempt 1)`);
    expect(log).toContain('debug:   request body: {"email":"debug@example.com"}');
    expect(log).toMatch(new RegExp(`debug: ← 201 POST ${emulator.url}/partners \\(attempt 1, [\\d.]+ ms\\)`));
    expect(log).toMatch(/debug: {3}response body: \{"id":"pn_/);
    expect(log).not.toContain(emulator.apiKey);

    const list = await runCli(["--debug", "partners", "list", "--json"], e);
    expect(list.stderr).toMatch(/debug: {3}response body: \[.{2047}… \([\d,]+ more characters\)\n/);
  });

  it("logs an attempt that got no answer, with its time and the error, and the retry after it", async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as { port: number };
    await new Promise((resolve) => server.close(resolve));
    const url = `http://127.0.0.1:${port}`;
    const result = await runCli(
      ["--debug", "--retries", "1", "--base-url", url, "partners", "links", "list", "--tenant-id", "user_42"],
      await env(),
    );
    expect(result.code).toBe(8);
    const lines = result.stderr.split("\n");
    const failed = new RegExp(
      `^debug: ✗ GET ${url}/partners/links\\?tenantId=user_42 \\(attempt 1, [\\d.]+ ms\\): .*ECONNREFUSED`,
    );
    expect(
      lines.some((line) => failed.test(line)),
      result.stderr,
    ).toBe(true);
    expect(lines).toContainEqual(
      expect.stringMatching(/^debug: ↻ attempt 2 in \d+ ms, after ConnectionError$/),
    );
    expect(lines).toContain(`debug: → GET ${url}/partners/links?tenantId=user_42 (attempt 2)`);
    expect(result.stderr).not.toContain(emulator.apiKey);
  });
});
