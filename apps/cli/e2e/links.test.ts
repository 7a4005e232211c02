// `dubkit partners links create | list | upsert` on the built bin against the emulator: summaries, --json, every
// listing format, naming the partner three ways, and the usual failures with their exact messages and exit codes.

import { type Emulator, startEmulator } from "@dubkit/emulator";
import { Dub } from "@dubkit/partners";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isolatedEnv, runCli } from "./run-cli.js";

const spawning = { timeout: 60_000 };
let emulator: Emulator;
let jane: { id: string };
// Shifting the emulator's clock back makes a link look written long ago, for the upsert's "unchanged".
let clockOffsetMs = 0;

beforeAll(async () => {
  emulator = await startEmulator({
    port: 0,
    rateLimit: false,
    seed: 41,
    clock: () => Date.now() - clockOffsetMs,
  });
  await using dub = new Dub({ token: emulator.apiKey, serverURL: emulator.url });
  jane = await dub.partners.create({ email: "jane@example.com", name: "Jane Doe", tenantId: "user_42" });
  await dub.partners.create({ email: "omar@example.com", name: "Omar Haddad", tenantId: "user_7" });
});
afterAll(async () => {
  await emulator.stop();
});

const env = () => isolatedEnv({ DUB_API_KEY: emulator.apiKey, DUB_API_URL: emulator.url });
const linksOf = (partnerId: string) => emulator.links().filter((link) => link.partnerId === partnerId);

describe("partners links create", spawning, () => {
  it("creates a link by tenant id and prints the short link, its destination and ids", async () => {
    const result = await runCli(
      ["partners", "links", "create", "--tenant-id", "user_42", "--key", "jane-spring"],
      await env(),
    );
    expect(result, result.stderr).toMatchObject({ code: 0, stderr: "" });
    const lines = result.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe("Created https://refer.acme.test/jane-spring → https://acme.test");
    expect(lines.slice(1).map((line) => line.trim().split(/\s+/))).toEqual([
      ["id", expect.stringMatching(/^link_/)],
      ["key", "jane-spring"],
      ["partnerId", jane.id],
      ["tenantId", "user_42"],
    ]);
    expect(linksOf(jane.id).map((link) => link.key)).toContain("jane-spring");
  });

  it("looks an email up, reads --data from stdin with the flags over it, and prints the link as JSON", async () => {
    const result = await runCli(
      [
        "partners",
        "links",
        "create",
        "--email",
        "jane@example.com",
        "--data",
        "-",
        "--key",
        "jane-json",
        "--json",
      ],
      await env(),
      JSON.stringify({
        url: "https://acme.test/pricing",
        key: "overridden",
        linkProps: { externalId: "ext-j1" },
      }),
    );
    expect(result.code, result.stderr).toBe(0);
    const link = JSON.parse(result.stdout);
    expect(link).toMatchObject({
      key: "jane-json",
      url: "https://acme.test/pricing",
      partnerId: jane.id,
      externalId: "ext-j1",
      shortLink: "https://refer.acme.test/jane-json",
    });
  });

  it("takes the partner from --data when no flag names one", async () => {
    const result = await runCli(
      ["partners", "links", "create", "--data", "-", "--json"],
      await env(),
      JSON.stringify({ tenantId: "user_7", key: "omar-data" }),
    );
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ key: "omar-data", tenantId: "user_7" });
  });

  it("exits 5 with Dub's message and a hint when the key is taken", async () => {
    const args = ["partners", "links", "create", "--partner-id", jane.id, "--key", "taken-key"];
    expect((await runCli(args, await env())).code).toBe(0);
    const again = await runCli(args, await env());
    expect(again).toMatchObject({ code: 5, stdout: "" });
    expect(again.stderr).toBe(
      "dubkit: Duplicate key: This short link already exists.\n" +
        "        Choose another --key, or leave --key out for a random one.\n",
    );
    const json = await runCli([...args, "--json"], await env());
    expect(json.code).toBe(5);
    expect(JSON.parse(json.stderr)).toEqual({
      error: {
        code: "conflict",
        message: "Duplicate key: This short link already exists.",
        status: 409,
        hint: "Choose another --key, or leave --key out for a random one.",
      },
    });
  });

  it("exits 4 for an email the program does not have, and for a partner id Dub does not find", async () => {
    const before = emulator.links().length;
    const email = await runCli(
      ["partners", "links", "create", "--email", "nobody@example.com", "--key", "x1"],
      await env(),
    );
    expect(email).toMatchObject({ code: 4, stdout: "" });
    expect(email.stderr).toBe(
      "dubkit: No partner with email nobody@example.com in this program.\n" +
        "        List the program's partners: dubkit partners list\n",
    );
    const id = await runCli(
      ["partners", "links", "create", "--partner-id", "pn_0000000000000000000000000", "--json"],
      await env(),
    );
    expect(id.code).toBe(4);
    expect(JSON.parse(id.stderr).error).toMatchObject({
      code: "not_found",
      message: "Partner not found.",
      status: 404,
    });
    expect(emulator.links().length).toBe(before);
  });

  it("exits 2 without a partner, with two of them, with a malformed id, or with invalid JSON, sending nothing", async () => {
    const e = await env();
    const before = emulator.stats().requests;
    const none = await runCli(["partners", "links", "create", "--key", "k"], e);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain(
      "dubkit: Name the partner: --partner-id, --tenant-id or --email (or partnerId or tenantId in --data).",
    );
    const two = await runCli(
      ["partners", "links", "create", "--tenant-id", "a", "--email", "b@example.com"],
      e,
    );
    expect(two.code).toBe(2);
    expect(two.stderr).toContain("dubkit: Give exactly one of: --partner-id, --tenant-id or --email.");
    const malformed = await runCli(["partners", "links", "create", "--partner-id", "user_42"], e);
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toContain('dubkit: A partner id starts with pn_, got "user_42".');
    const props = await runCli(
      ["partners", "links", "create", "--tenant-id", "user_42", "--link-props", "{"],
      e,
    );
    expect(props.code).toBe(2);
    expect(props.stderr).toContain("dubkit: --link-props is not valid JSON");
    expect(emulator.stats().requests).toBe(before);
  });

  it("refuses an invalid URL before sending, naming the field", async () => {
    const result = await runCli(
      ["partners", "links", "create", "--partner-id", jane.id, "--url", "not a url", "--json"],
      await env(),
    );
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stderr).error).toMatchObject({ code: "invalid_request", field: "url" });
  });
});

describe("partners links list", spawning, () => {
  it("prints the partner's links in every format, with cents as dollars only in the table", async () => {
    const e = await env();
    const created = await runCli(
      ["partners", "links", "create", "--tenant-id", "user_7", "--key", "omar-stats", "--json"],
      e,
    );
    const link = JSON.parse(created.stdout);
    await emulator.setLinkStats(link.id, { clicks: 120, leads: 9, sales: 3, saleAmount: 14_700 });
    const args = ["partners", "links", "list", "--tenant-id", "user_7"];
    const expected = linksOf(link.partnerId);

    const table = await runCli([...args, "--format", "table"], e);
    expect(table.code, table.stderr).toBe(0);
    const lines = table.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^id\s+shortLink\s+url\s+clicks\s+leads\s+sales\s+saleAmount$/);
    expect(lines.find((line) => line.includes("omar-stats"))).toMatch(
      /^link_\S+\s+https:\/\/refer\.acme\.test\/omar-stats\s+https:\/\/acme\.test\s+120\s+9\s+3\s+\$147\.00$/,
    );

    const tsv = await runCli(args, e);
    const rows = tsv.stdout
      .trimEnd()
      .split("\n")
      .map((line) => line.split("\t"));
    expect(rows).toHaveLength(expected.length);
    expect(rows.find((row) => row[0] === link.id)).toEqual([
      link.id,
      "https://refer.acme.test/omar-stats",
      "https://acme.test",
      "120",
      "9",
      "3",
      "14700",
    ]);

    const json = JSON.parse((await runCli([...args, "--json"], e)).stdout);
    expect(json.find((l: { id: string }) => l.id === link.id)).toEqual({
      id: link.id,
      domain: "refer.acme.test",
      key: "omar-stats",
      shortLink: "https://refer.acme.test/omar-stats",
      url: "https://acme.test",
      clicks: 120,
      leads: 9,
      conversions: 0,
      sales: 3,
      saleAmount: 14_700,
    });
    const jsonl = (await runCli([...args, "--format", "jsonl"], e)).stdout.trimEnd().split("\n");
    expect(jsonl.map((line) => JSON.parse(line).id).sort()).toEqual(
      json.map((l: { id: string }) => l.id).sort(),
    );

    const csv: Record<string, string>[] = parse((await runCli([...args, "--format", "csv"], e)).stdout, {
      columns: true,
    });
    expect(Object.keys(csv[0] ?? {})).toEqual([
      "id",
      "domain",
      "key",
      "shortLink",
      "url",
      "clicks",
      "leads",
      "conversions",
      "sales",
      "saleAmount",
    ]);
    expect(csv.find((row) => row.id === link.id)).toMatchObject({ key: "omar-stats", saleAmount: "14700" });
  });

  it("exits 4 with Dub's message for a tenant id the program does not have", async () => {
    const result = await runCli(["partners", "links", "list", "--tenant-id", "user_nobody"], await env());
    expect(result).toMatchObject({ code: 4, stdout: "" });
    expect(result.stderr).toBe(
      "dubkit: Partner not found.\n        List the program's partners: dubkit partners list\n",
    );
  });
});

describe("partners links upsert", spawning, () => {
  it("creates the link to a URL, and says so", async () => {
    const result = await runCli(
      [
        "partners",
        "links",
        "upsert",
        "--tenant-id",
        "user_42",
        "--url",
        "https://acme.test/new",
        "--key",
        "jane-new",
      ],
      await env(),
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.split("\n")[0]).toBe(
      "Created https://refer.acme.test/jane-new → https://acme.test/new",
    );
    expect(linksOf(jane.id).filter((link) => link.url === "https://acme.test/new")).toHaveLength(1);
  });

  it("updates an older link's key, or leaves it unchanged, saying which", async () => {
    clockOffsetMs = 60_000;
    try {
      await using dub = new Dub({ token: emulator.apiKey, serverURL: emulator.url });
      await dub.partners.upsertLink({ partnerId: jane.id, url: "https://acme.test/old", key: "jane-old" });
      await dub.partners.upsertLink({ partnerId: jane.id, url: "https://acme.test/same", key: "jane-same" });
    } finally {
      clockOffsetMs = 0;
    }
    const e = await env();
    const upsert = ["partners", "links", "upsert", "--email", "jane@example.com", "--url"];
    const updated = await runCli([...upsert, "https://acme.test/old", "--key", "jane-renamed"], e);
    expect(updated.code, updated.stderr).toBe(0);
    expect(updated.stdout.split("\n")[0]).toBe(
      "Updated https://refer.acme.test/jane-renamed → https://acme.test/old",
    );
    const unchanged = await runCli([...upsert, "https://acme.test/same"], e);
    expect(unchanged.code, unchanged.stderr).toBe(0);
    expect(unchanged.stdout.split("\n")[0]).toBe(
      "Unchanged https://refer.acme.test/jane-same → https://acme.test/same",
    );
    const old = linksOf(jane.id).filter((link) => link.url === "https://acme.test/old");
    expect(old.map((link) => link.key)).toEqual(["jane-renamed"]);
  });

  it("sends a tenant id's partner by id, so another partner's link to the same URL is never handed over", async () => {
    const e = await env();
    const url = "https://acme.test/shared";
    const omar = await runCli(
      [
        "partners",
        "links",
        "upsert",
        "--tenant-id",
        "user_7",
        "--url",
        url,
        "--key",
        "omar-shared",
        "--json",
      ],
      e,
    );
    expect(omar.code, omar.stderr).toBe(0);
    const jane2 = await runCli(
      [
        "partners",
        "links",
        "upsert",
        "--tenant-id",
        "user_42",
        "--url",
        url,
        "--key",
        "jane-shared",
        "--json",
      ],
      e,
    );
    expect(jane2.code, jane2.stderr).toBe(0);
    const omarLink = JSON.parse(omar.stdout);
    const janeLink = JSON.parse(jane2.stdout);
    expect(janeLink.id).not.toBe(omarLink.id);
    expect(emulator.links().find((link) => link.id === omarLink.id)).toMatchObject({
      key: "omar-shared",
      tenantId: "user_7",
    });
  });

  it("needs a URL (exit 2, nothing sent)", async () => {
    const before = emulator.stats().requests;
    const result = await runCli(
      ["partners", "links", "upsert", "--tenant-id", "user_42", "--json"],
      await env(),
    );
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stderr)).toEqual({
      error: {
        code: "invalid_request",
        message: "A URL is required: pass --url, or a url field in --data.",
        field: "url",
      },
    });
    expect(emulator.stats().requests).toBe(before);
  });
});
