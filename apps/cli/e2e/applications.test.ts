// `dubkit partners applications list | approve | reject` on the built bin against an emulator seeded with
// applications: the listing in every format and page by page, approving and rejecting with their summaries and
// --json, and the failures with Dub's messages.

import { type Emulator, startEmulator } from "@dubkit/emulator";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isolatedEnv, runCli } from "./run-cli.js";

const spawning = { timeout: 60_000 };
let emulator: Emulator;

const APPLICANTS = [
  { email: "carla@example.com", name: "Carla Rossi", country: "IT", createdAt: "2026-11-01T09:00:00.000Z" },
  { email: "dev@example.com", name: "Dev Patel", country: "IN", createdAt: "2026-11-02T09:00:00.000Z" },
  { email: "eva@example.com", name: "Eva Berg", country: "SE", createdAt: "2026-11-03T09:00:00.000Z" },
];

beforeAll(async () => {
  emulator = await startEmulator({
    port: 0,
    rateLimit: false,
    seed: 53,
    seedData: {
      applications: APPLICANTS.map((applicant, i) =>
        i === 0
          ? {
              ...applicant,
              formData: {
                fields: [{ type: "short-text", label: "Website", value: "https://carla.example" }],
              },
            }
          : applicant,
      ),
    },
  });
});
afterAll(async () => {
  await emulator.stop();
});

const env = (extra: Record<string, string> = {}) =>
  isolatedEnv({ DUB_API_KEY: emulator.apiKey, DUB_API_URL: emulator.url, ...extra });
const idOf = (email: string) => emulator.partners().find((p) => p.email === email)?.id as string;
const statusOf = (email: string) => emulator.enrollments().find((e) => e.partnerId === idOf(email))?.status;

describe("partners applications list", spawning, () => {
  it("prints the pending applications in every format, the applicant's partner id first", async () => {
    const e = await env();
    const table = await runCli(["partners", "applications", "list", "--format", "table"], e);
    expect(table.code, table.stderr).toBe(0);
    const lines = table.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^partnerId\s+name\s+email\s+country\s+groupId\s+appliedAt$/);
    expect(lines.slice(1).map((line) => line.split(/\s{2,}/).slice(0, 4))).toEqual(
      [...APPLICANTS].reverse().map((a) => [idOf(a.email), a.name, a.email, a.country]),
    );
    const tsv = await runCli(["partners", "applications", "list"], e);
    expect(
      tsv.stdout
        .trimEnd()
        .split("\n")
        .map((line) => line.split("\t")[0]),
    ).toEqual([...APPLICANTS].reverse().map((a) => idOf(a.email)));
    const json = JSON.parse((await runCli(["partners", "applications", "list", "--json"], e)).stdout);
    expect(json[2]).toMatchObject({
      id: expect.stringMatching(/^pga_/),
      partner: { email: "carla@example.com", status: "pending" },
      applicationFormData: [{ label: "Website", value: "https://carla.example" }],
    });
    const jsonl = (await runCli(["partners", "applications", "list", "--format", "jsonl"], e)).stdout;
    expect(
      jsonl
        .trimEnd()
        .split("\n")
        .map((line) => JSON.parse(line).partner.email),
    ).toEqual(["eva@example.com", "dev@example.com", "carla@example.com"]);
    const csv: Record<string, string>[] = parse(
      (await runCli(["partners", "applications", "list", "--format", "csv"], e)).stdout,
      { columns: true },
    );
    expect(csv[2]).toEqual({
      partnerId: idOf("carla@example.com"),
      name: "Carla Rossi",
      email: "carla@example.com",
      country: "IT",
      groupId: expect.stringMatching(/^grp_/),
      appliedAt: "2026-11-01T09:00:00.000Z",
      applicationId: expect.stringMatching(/^pga_/),
      answers: '{"Website":"https://carla.example"}',
    });
  });

  it("filters by country, says when another page follows, and walks every page with --all", async () => {
    const e = await env();
    const italy = await runCli(["partners", "applications", "list", "--country", "IT", "--json"], e);
    expect(JSON.parse(italy.stdout).map((a: { partner: { email: string } }) => a.partner.email)).toEqual([
      "carla@example.com",
    ]);
    const first = await runCli(["partners", "applications", "list", "--page-size", "2"], e);
    expect(first.stdout.trimEnd().split("\n")).toHaveLength(2);
    expect(first.stderr).toBe("More pending applications: add --page 2, or --all for every page.\n");
    const all = await runCli(["partners", "applications", "list", "--page-size", "1", "--all", "--json"], e);
    expect(all.stderr).toBe("");
    expect(JSON.parse(all.stdout)).toHaveLength(3);
  });
});

describe("partners applications approve and reject", spawning, () => {
  it("approves one application, naming the applicant, and refuses a second approval (exit 2)", async () => {
    const id = idOf("eva@example.com");
    const approved = await runCli(["partners", "applications", "approve", id], await env());
    expect(approved).toMatchObject({ code: 0, stdout: "" });
    expect(approved.stderr).toBe(`Approved Eva Berg <eva@example.com> (${id}).\n`);
    expect(statusOf("eva@example.com")).toBe("approved");
    expect(emulator.links().filter((link) => link.partnerId === id)).toHaveLength(1);

    const again = await runCli(["partners", "applications", "approve", id, "--json"], await env());
    expect(again.code).toBe(2);
    expect(JSON.parse(again.stderr).error).toEqual({
      code: "bad_request",
      message: "This enrollment cannot be approved because it is already approved.",
      status: 400,
      hint: "Nothing was changed. The pending applications: dubkit partners applications list",
    });
  });

  it("approves into a group with --json, and exits 4 for an id the program does not have", async () => {
    const id = idOf("dev@example.com");
    const json = await runCli(
      ["partners", "applications", "approve", id, "--group-id", "default", "--json"],
      await env(),
    );
    expect(json).toMatchObject({ code: 0, stderr: "" });
    expect(JSON.parse(json.stdout)).toEqual({ partnerId: id });
    const missing = await runCli(
      ["partners", "applications", "approve", "pn_0000000000000000000000000"],
      await env(),
    );
    expect(missing.code).toBe(4);
    expect(missing.stderr).toContain(
      "dubkit: No partner with id pn_0000000000000000000000000 in this program.",
    );
    const malformed = await runCli(["partners", "applications", "approve", "carla@example.com"], await env());
    expect(malformed.code).toBe(2);
  });

  it("rejects with a reason, a note and a reapplication timeframe, only with --yes off a terminal", async () => {
    const id = idOf("carla@example.com");
    const args = [
      "partners",
      "applications",
      "reject",
      id,
      "--reason",
      "notTheRightFit",
      "--note",
      " No ads. ",
    ];
    const refused = await runCli([...args, "--reapply", "never"], await env());
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("dubkit: Refusing to reject an application without a confirmation");
    expect(statusOf("carla@example.com")).toBe("pending");

    const rejected = await runCli([...args, "--reapply", "never", "--yes"], await env());
    expect(rejected).toMatchObject({ code: 0, stdout: "" });
    expect(rejected.stderr).toBe(
      `Rejected the application of Carla Rossi <carla@example.com> (${id}); they may not apply again.\n`,
    );
    expect(emulator.enrollments().find((e) => e.partnerId === id)).toMatchObject({
      status: "rejected",
      reapplicationTimeframe: "never",
    });
    expect(emulator.applications().find((a) => a.partnerId === id)).toMatchObject({
      rejectionReason: "notTheRightFit",
      rejectionNote: "No ads.",
    });
    const again = await runCli([...args, "--yes"], await env());
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(
      "dubkit: This enrollment cannot be rejected because it is no longer pending.",
    );
  });
});
