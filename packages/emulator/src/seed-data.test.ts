import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseEmulatorArgs, runEmulatorCli } from "./cli.js";
import { startEmulator } from "./emulator.js";
import { call } from "./http-test-client.js";
import { checkSeed } from "./seed-data.js";
import { readSeedFile } from "./seed-file.js";

const EXAMPLE = fileURLToPath(new URL("../fixtures/seed-example.json", import.meta.url));

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "dubkit-emulator-seed-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const file = (content: string) => {
  const path = join(dir, `${++files}-seed.json`);
  writeFileSync(path, content);
  return path;
};

describe("seed data", () => {
  it("creates the partners as POST /partners does, with their stats, then the applications", async () => {
    const clock = () => Date.UTC(2026, 11, 1);
    const emulator = await startEmulator({ seed: 71, clock, seedData: readSeedFile(EXAMPLE) });
    try {
      const partners = (await call(emulator, "GET", "/partners")).body;
      expect(partners.map((p: { email: string; status: string }) => [p.email, p.status])).toEqual([
        ["ana@example.com", "approved"],
        ["ben@example.com", "approved"],
        ["carla@example.com", "pending"],
        ["dev@example.com", "pending"],
      ]);
      expect(partners[0]).toMatchObject({
        name: "Ana Lima",
        tenantId: "user_ana",
        status: "approved",
        totalClicks: 1200,
        totalSaleAmount: 245000,
        links: [{ key: "ana-lima", shortLink: "https://refer.acme.test/ana-lima" }],
      });
      const applications = (await call(emulator, "GET", "/partners/applications")).body;
      // Newest first: Dev applied "now" (the clock), Carla on the date the file gives.
      expect(applications.map((a: { partner: { email: string } }) => a.partner.email)).toEqual([
        "dev@example.com",
        "carla@example.com",
      ]);
      expect(applications[1]).toMatchObject({
        createdAt: "2026-11-28T09:30:00.000Z",
        applicationFormData: [
          { label: "Website", value: "https://carla.example" },
          { label: "How will you promote us?", value: "A weekly newsletter for 12k designers." },
          { label: "Channels", value: "Newsletter, YouTube" },
        ],
      });
      const approved = await call(emulator, "POST", "/partners/applications/approve", {
        body: { partnerId: applications[1].partner.id },
      });
      expect(approved.status).toBe(200);
    } finally {
      await emulator.stop();
    }
  });

  it("is applied only to an empty state: a data file that holds anything keeps what it holds", async () => {
    const dataFile = join(dir, "state.log");
    const seedData = { partners: [{ email: "once@example.com" }] };
    const first = await startEmulator({ dataFile, seed: 72, seedData });
    await first.stop();
    const logged: string[] = [];
    const second = await startEmulator({ dataFile, seed: 73, seedData, log: (line) => logged.push(line) });
    try {
      expect(second.partners().map((p) => p.email)).toEqual(["once@example.com"]);
      expect(logged).toContain("seed data skipped: the data file already holds partners or applications");
    } finally {
      await second.stop();
    }
  });

  it("stops the start naming the entry that cannot be applied", async () => {
    await expect(
      startEmulator({ seedData: { partners: [{ email: "a@example.com", groupId: "gold" }] } }),
    ).rejects.toThrow('partners[0]: Group "gold" not found.');
    await expect(
      startEmulator({ seedData: { applications: [{ email: "a@example.com" }, { email: "a@example.com" }] } }),
    ).rejects.toThrow(
      'applications[1]: email: a@example.com is already in this program (enrollment status "pending")',
    );
  });

  it.each([
    [[], 'expected an object with "partners" and/or "applications", got []'],
    [{ partner: [] }, "partner: not a seed section (the sections are partners, applications)"],
    [{ partners: {} }, "partners: expected a list, got {}"],
    [
      { partners: [{ email: "a@example.com" }, { email: "nope" }] },
      "partners[1]: invalid_format: email: Invalid email address",
    ],
    [
      { partners: [{ email: "a@example.com", programId: "prog_1" }] },
      'partners[0]: programId: not a field of a POST /partners body (nor "metrics")',
    ],
    [
      { partners: [{ email: "a@example.com", metrics: { totalClicks: "x" } }] },
      'partners[0]: metrics.totalClicks: expected a number, got "x".',
    ],
    [
      { partners: [{ email: "a@example.com", metrics: { clicks: 1 } }] },
      "partners[0]: metrics.clicks is not a metric",
    ],
    [
      { applications: [{ name: "No email" }] },
      "applications[0]: email: expected an email address, got undefined",
    ],
  ])("checks the shape before anything is created: %j", (seed, message) => {
    expect(() => checkSeed(seed)).toThrow(message);
  });
});

describe("--seed-file", () => {
  it("is read by the bin's parser, so `dubkit emulator` takes it too", () => {
    expect(parseEmulatorArgs(["--seed-file", EXAMPLE]).options.seedData).toEqual(readSeedFile(EXAMPLE));
  });

  it.each([
    [
      "a missing file",
      () => join(dir, "missing.json"),
      /^Cannot read seed file .*missing\.json \(ENOENT\): give the path of a JSON file\.$/,
    ],
    ["text that is not JSON", () => file("{ partners: }"), /^Seed file .*-seed\.json is not valid JSON: /],
    [
      "a bad entry",
      () => file(JSON.stringify({ applications: [{ email: "x@example.com", formData: { fields: 3 } }] })),
      /^Seed file .*-seed\.json: applications\[0\]: formData: fields: expected a list, got 3\.$/,
    ],
  ])("refuses %s with a message naming the file", (_, path, message) => {
    expect(() => readSeedFile(path())).toThrow(message);
  });

  it("makes the bin exit 2 with that message before it starts", async () => {
    const err: string[] = [];
    const code = await runEmulatorCli(["--seed-file", join(dir, "missing.json")], {
      stderr: (line) => err.push(line),
    });
    expect(code).toBe(2);
    expect(err[0]).toMatch(/^dubkit-emulator: Cannot read seed file .*missing\.json/);
  });

  it("starts the bin with the seeded state", async () => {
    const controller = new AbortController();
    let url = "";
    let key = "";
    let ready: () => void = () => {};
    const started = new Promise<void>((resolve) => {
      ready = resolve;
    });
    const running = runEmulatorCli(["--quiet", "--seed-file", EXAMPLE], {
      stdout: (line) => {
        if (line.startsWith("DUB_API_URL=")) url = line.slice("DUB_API_URL=".length);
        if (line.startsWith("DUB_API_KEY=")) {
          key = line.slice("DUB_API_KEY=".length);
          ready();
        }
      },
      stderr: () => {},
      signal: controller.signal,
    });
    await started;
    const res = await call({ url, apiKey: key }, "GET", "/partners/applications");
    expect(res.body).toHaveLength(2);
    controller.abort();
    expect(await running).toBe(0);
  });
});
