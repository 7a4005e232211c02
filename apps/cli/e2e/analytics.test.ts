// `dubkit partners analytics` on the built bin against the emulator: the totals as a one-row table (dollars) and as
// the API's object, the timeseries and top links as listings in every format, and its not-found messages.

import { type Emulator, startEmulator } from "@dubkit/emulator";
import { Dub } from "@dubkit/partners";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isolatedEnv, runCli } from "./run-cli.js";

const spawning = { timeout: 60_000 };
let emulator: Emulator;
let partnerId: string;
let spring: { id: string };

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, rateLimit: false, seed: 43 });
  await using dub = new Dub({ token: emulator.apiKey, serverURL: emulator.url });
  const partner = await dub.partners.create({
    email: "jane@example.com",
    name: "Jane Doe",
    tenantId: "user_42",
  });
  partnerId = partner.id;
  spring = await dub.partners.createLink({ partnerId, key: "jane-spring" });
  await emulator.setLinkStats(spring.id, { clicks: 1200, leads: 80, sales: 12, saleAmount: 245_000 });
  await emulator.setLinkStats(partner.links?.[0]?.id as string, {
    clicks: 30,
    leads: 2,
    sales: 1,
    saleAmount: 4_900,
  });
});
afterAll(async () => {
  await emulator.stop();
});

const env = () => isolatedEnv({ DUB_API_KEY: emulator.apiKey, DUB_API_URL: emulator.url });

describe("partners analytics", spawning, () => {
  it("prints the totals as a one-row table, amounts in dollars", async () => {
    const result = await runCli(
      ["partners", "analytics", "--tenant-id", "user_42", "--format", "table"],
      await env(),
    );
    expect(result, result.stderr).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toBe(
      "clicks  leads  sales  saleAmount  earnings\n" + "1230    82     13     $2,499.00   $0.00\n",
    );
  });

  it("prints the API's totals object with --json, and one row in cents as tsv, csv or jsonl", async () => {
    const e = await env();
    const json = await runCli(["partners", "analytics", "--email", "jane@example.com", "--json"], e);
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({
      clicks: 1230,
      leads: 82,
      sales: 13,
      saleAmount: 249_900,
      earnings: 0,
    });
    const tsv = await runCli(["partners", "analytics", "--partner-id", partnerId], e);
    expect(tsv.stdout).toBe("1230\t82\t13\t249900\t0\n");
    const csv = await runCli(["partners", "analytics", "--partner-id", partnerId, "--format", "csv"], e);
    expect(csv.stdout).toBe("clicks,leads,sales,saleAmount,earnings\n1230,82,13,249900,0\n");
    const jsonl = await runCli(["partners", "analytics", "--partner-id", partnerId, "--format", "jsonl"], e);
    expect(JSON.parse(jsonl.stdout)).toMatchObject({ clicks: 1230, saleAmount: 249_900 });
  });

  it("lists the partner's links, most clicked first, with --group-by top_links", async () => {
    const e = await env();
    const args = ["partners", "analytics", "--tenant-id", "user_42", "--group-by", "top_links"];
    const table = await runCli([...args, "--format", "table"], e);
    const lines = table.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^id\s+shortLink\s+url\s+clicks\s+leads\s+sales\s+saleAmount\s+earnings$/);
    expect(lines[1]).toMatch(
      /^link_\S+\s+https:\/\/refer\.acme\.test\/jane-spring\s+https:\/\/acme\.test\s+1200\s+80\s+12\s+\$2,450\.00\s+\$0\.00$/,
    );
    expect(lines[2]).toMatch(/\/jane-doe\s+https:\/\/acme\.test\s+30\s+2\s+1\s+\$49\.00\s+\$0\.00$/);
    const csv: Record<string, string>[] = parse((await runCli([...args, "--format", "csv"], e)).stdout, {
      columns: true,
    });
    expect(csv.map((row) => [row.id, row.clicks, row.saleAmount])).toEqual([
      [spring.id, "1200", "245000"],
      [expect.stringMatching(/^link_/), "30", "4900"],
    ]);
  });

  it("lists one row per period of the window with --group-by timeseries", async () => {
    const e = await env();
    const args = ["partners", "analytics", "--partner-id", partnerId, "--group-by", "timeseries"];
    const json = JSON.parse(
      (await runCli([...args, "--interval", "7d", "--timezone", "Europe/Paris", "--json"], e)).stdout,
    );
    expect(json).toHaveLength(8);
    expect(json[0]).toEqual({
      start: expect.stringMatching(/^\d{4}-\d\d-\d\dT00:00:00\.000\+0[12]00$/),
      clicks: 0,
      leads: 0,
      sales: 0,
      saleAmount: 0,
      earnings: 0,
    });
    const tsv = await runCli([...args, "--start", "2026-01-01", "--end", "2026-01-04"], e);
    expect(tsv.code, tsv.stderr).toBe(0);
    expect(
      tsv.stdout
        .trimEnd()
        .split("\n")
        .map((line) => line.split("\t")[0]),
    ).toEqual([
      "2026-01-01T00:00:00.000+0000",
      "2026-01-02T00:00:00.000+0000",
      "2026-01-03T00:00:00.000+0000",
      "2026-01-04T00:00:00.000+0000",
    ]);
    const table = await runCli([...args, "--interval", "24h", "--format", "table"], e);
    expect(table.stdout.split("\n")[0]).toMatch(/^start\s+clicks\s+leads\s+sales\s+saleAmount\s+earnings$/);
  });

  it("exits 4 with Dub's message for a tenant id the program does not have, and 2 for a bad --interval", async () => {
    const e = await env();
    const missing = await runCli(["partners", "analytics", "--tenant-id", "user_nobody", "--json"], e);
    expect(missing.code).toBe(4);
    expect(JSON.parse(missing.stderr).error).toEqual({
      code: "not_found",
      message: "The partner with tenantId user_nobody is not enrolled in your program.",
      status: 404,
      hint: "List the program's partners: dubkit partners list",
    });
    const interval = await runCli(["partners", "analytics", "--tenant-id", "user_42", "--interval", "2w"], e);
    expect(interval.code).toBe(2);
    expect(interval.stderr).toContain("dubkit: Option '--interval <interval>' argument '2w' is invalid.");
  });
});
