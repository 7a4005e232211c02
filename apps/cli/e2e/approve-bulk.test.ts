// `dubkit partners applications approve --all-pending | --file` on the built bin against the emulator: every pending
// application approved once (more than a page of them), the partners enrolled, a re-run sends nothing, kill -9 then
// resume approves each applicant exactly once, a 429 is waited out, no confirmation off a terminal means nothing is
// sent, a file's invalid rows are named by line and field, "already approved" is done, and the report runs again.

import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { type Emulator, startEmulator } from "@dubkit/emulator";
import { Dub } from "@dubkit/partners";
import { afterEach, describe, expect, it } from "vitest";
import { readReport } from "./fixtures.js";
import { type RequestLog, requestLog } from "./request-log.js";
import { finished, isolatedEnv, runCli, startCli } from "./run-cli.js";

const APPROVE = "/partners/applications/approve";
const LIST = "/partners/applications";

let emulator: Emulator | undefined;
afterEach(async () => {
  await emulator?.stop();
  emulator = undefined;
});

/** An emulator with `count` pending applications (a0@example.com, …), logging its requests. */
async function withApplications(
  count: number,
  options: Parameters<typeof startEmulator>[0] = {},
): Promise<{ emu: Emulator; requests: RequestLog; partnerIds: string[] }> {
  const requests = requestLog();
  const emu = await startEmulator({ port: 0, rateLimit: false, seed: 67, ...options, log: requests.log });
  emulator = emu;
  const partnerIds: string[] = [];
  for (let i = 0; i < count; i++) {
    const application = await emu.addApplication({
      email: `a${i}@example.com`,
      name: `Applicant ${i}`,
      country: "IT",
    });
    partnerIds.push(application.partnerId);
  }
  requests.clear();
  return { emu, requests, partnerIds };
}

const statusOf = (emu: Emulator, partnerId: string) =>
  emu.enrollments().find((e) => e.partnerId === partnerId)?.status;
const approvedCount = (emu: Emulator) => emu.enrollments().filter((e) => e.status === "approved").length;

/** The rows the journal has finished, by key. */
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

describe("dubkit partners applications approve --all-pending", { timeout: 90_000 }, () => {
  it("refuses off a terminal without --yes before any request, then approves every page of applications once", async () => {
    const { emu, requests, partnerIds } = await withApplications(230);
    const e = await isolatedEnv({ DUB_API_KEY: emu.apiKey, DUB_API_URL: emu.url });
    const args = ["partners", "applications", "approve", "--all-pending", "--json"];

    const refused = await runCli(args, e);
    expect(refused.code).toBe(2);
    expect(JSON.parse(refused.stderr).error).toMatchObject({
      code: "confirmation_required",
      message:
        "Refusing to approve applications in bulk without a confirmation: this is not an interactive terminal. Pass --yes to confirm it on the command line.",
    });
    expect(requests.count("GET", LIST) + requests.count("POST", APPROVE)).toBe(0);

    const result = await runCli([...args, "--yes"], e);
    expect(result.code, result.stderr).toBe(0);
    const summary = JSON.parse(result.stdout);
    expect(summary).toMatchObject({
      status: "completed",
      rows: 230,
      approved: 230,
      alreadyApproved: 0,
      failed: 0,
      journal: join(
        e.HOME as string,
        ".local/state/dubkit/journals",
        `approve-all-pending.default@${new URL(emu.url).host.replace(":", "_")}.journal`,
      ),
    });
    // Three pages of 100 were read before the first approval; then one approval per application.
    expect(requests.count("GET", LIST, 200)).toBe(3);
    expect(requests.count("POST", APPROVE, 200)).toBe(230);
    for (const id of partnerIds) expect(statusOf(emu, id)).toBe("approved");
    expect(emu.applications().every((application) => application.reviewedAt !== null)).toBe(true);
    // Enrolled: each approved partner got the group's default link.
    const linked = new Set(emu.links().map((link) => link.partnerId));
    expect(partnerIds.every((id) => linked.has(id))).toBe(true);

    requests.clear();
    const again = await runCli([...args, "--yes"], e);
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ rows: 0, approved: 0 });
    expect(again.stderr).toContain("No pending applications: nothing to approve.");
    expect(requests.count("POST", APPROVE)).toBe(0);
    expect(requests.count("GET", LIST)).toBe(1);
  });

  it("lists who would be approved with --dry-run, and sends no approval", async () => {
    const { emu, requests, partnerIds } = await withApplications(3);
    const e = await isolatedEnv({ DUB_API_KEY: emu.apiKey, DUB_API_URL: emu.url });
    const dry = await runCli(["partners", "applications", "approve", "--all-pending", "--dry-run"], e);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stderr).toContain("Plan: 3 rows in pending applications: 3 to send");
    expect(dry.stderr).toContain(`line 1: approve ${partnerIds[2]} (Applicant 2 <a2@example.com>)`);
    expect(dry.stderr).toContain(`line 3: approve ${partnerIds[0]} (Applicant 0 <a0@example.com>)`);
    expect(requests.count("POST", APPROVE)).toBe(0);
    expect(approvedCount(emu)).toBe(0);
  });

  it("approves only the applications of --group, into --group-id", async () => {
    const requests = requestLog();
    const key = "dub_groupsgroupsgroupsgroups";
    emulator = await startEmulator({
      port: 0,
      rateLimit: false,
      seed: 71,
      log: requests.log,
      workspaces: [
        {
          apiKeys: [key],
          program: {
            groups: [
              { slug: "default", defaultLinks: [{ domain: "go.acme.test", url: "https://acme.test" }] },
              {
                slug: "vip",
                id: "grp_vip",
                defaultLinks: [{ domain: "go.acme.test", url: "https://acme.test/vip" }],
              },
              {
                slug: "gold",
                id: "grp_gold",
                defaultLinks: [{ domain: "go.acme.test", url: "https://acme.test/gold" }],
              },
            ],
          },
        },
      ],
    });
    const workspace = emulator.workspaces()[1]?.id;
    const vip = await emulator.addApplication(
      { email: "v@example.com", name: "V", groupId: "vip" },
      workspace,
    );
    const other = await emulator.addApplication({ email: "d@example.com", name: "D" }, workspace);
    const e = await isolatedEnv({ DUB_API_KEY: key, DUB_API_URL: emulator.url });
    const bySlug = await runCli(
      ["partners", "applications", "approve", "--all-pending", "--group", "vip", "--yes"],
      e,
    );
    expect(bySlug.code, bySlug.stderr).toBe(0);
    expect(bySlug.stderr).toContain("--group takes the group's id (grp_…), not its slug");
    const result = await runCli(
      [
        "partners",
        "applications",
        "approve",
        "--all-pending",
        "--group",
        "grp_vip",
        "--group-id",
        "gold",
        "--yes",
        "--json",
      ],
      e,
    );
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ rows: 1, approved: 1 });
    const enrollment = (id: string) => emulator?.enrollments().find((en) => en.partnerId === id);
    expect(enrollment(vip.partnerId)).toMatchObject({ status: "approved", groupId: "grp_gold" });
    expect(enrollment(other.partnerId)?.status).toBe("pending");
  });

  it("survives kill -9 twice: resumed, every applicant approved exactly once", async () => {
    const { emu, requests, partnerIds } = await withApplications(1200, { latencyMs: 2 });
    const e = await isolatedEnv({ DUB_API_KEY: emu.apiKey, DUB_API_URL: emu.url });
    const journal = join(e.HOME as string, "approvals.journal");
    const args = [
      "partners",
      "applications",
      "approve",
      "--all-pending",
      "--yes",
      "--journal",
      journal,
      "--rate",
      "off",
      "--concurrency",
      "16",
      "--json",
    ];
    for (const point of [150 + Math.floor(Math.random() * 200), 600 + Math.floor(Math.random() * 200)]) {
      const child = startCli(args, e);
      const exit = finished(child);
      while ((await doneInJournal(journal)) < point && child.exitCode === null) {
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      child.kill("SIGKILL");
      expect((await exit).signal).toBe("SIGKILL");
    }
    const approvedBefore = approvedCount(emu);
    const last = await runCli(args, e);
    expect(last.code, last.stderr).toBe(0);
    const summary = JSON.parse(last.stdout);
    // The resumed run listed only what was still pending, and approved each of those.
    expect(summary).toMatchObject({
      rows: 1200 - approvedBefore,
      approved: 1200 - approvedBefore,
      failed: 0,
    });
    for (const id of partnerIds) expect(statusOf(emu, id)).toBe("approved");
    // Each applicant was approved by exactly one request: a second approval would have been Dub's 400.
    expect(requests.count("POST", APPROVE, 200)).toBe(1200);
    expect(requests.count("POST", APPROVE, 400)).toBe(0);
  });

  it("waits for Retry-After on a 429 and finishes at its pace", async () => {
    const { emu, partnerIds } = await withApplications(30, { rateLimit: { windowMs: 300, limit: 5 } });
    const e = await isolatedEnv({ DUB_API_KEY: emu.apiKey, DUB_API_URL: emu.url });
    const result = await runCli(
      ["partners", "applications", "approve", "--all-pending", "--yes", "--rate", "100/s", "--json"],
      e,
    );
    expect(result.code, result.stderr).toBe(0);
    const summary = JSON.parse(result.stdout);
    expect(summary).toMatchObject({ approved: 30, failed: 0 });
    expect(summary.rateLimited).toBeGreaterThan(0);
    expect(emu.stats().rateLimited).toBeLessThan(30);
    for (const id of partnerIds) expect(statusOf(emu, id)).toBe("approved");
  });
});

describe("dubkit partners applications approve --file", { timeout: 60_000 }, () => {
  it("approves by partner id or tenant id, counts an approved applicant as done, names bad rows, and sends nothing again", async () => {
    const { emu, requests, partnerIds } = await withApplications(4);
    await emu.updateEnrollment(partnerIds[1] as string, { tenantId: "user_1" });
    await using dub = new Dub({ token: emu.apiKey, serverURL: emu.url });
    await dub.partnerApplications.approve({ partnerId: partnerIds[2] as string });
    const enrolled = await dub.partners.create({
      email: "ana@example.com",
      name: "Ana",
      tenantId: "user_ana",
    });
    requests.clear();
    const e = await isolatedEnv({ DUB_API_KEY: emu.apiKey, DUB_API_URL: emu.url });
    const file = join(e.HOME as string, "applicants.csv");
    const lines = [
      "partnerId,tenantId,note",
      `${partnerIds[0]},,first`,
      ",user_1,by tenant id",
      `${partnerIds[2]},,approved before`,
      ",user_ana,enrolled by create",
      ",,nobody",
      "user_3,,not an id",
      `${partnerIds[0]},,twice`,
      ",user_gone,unknown tenant",
    ];
    await writeFile(file, `${lines.join("\n")}\n`);
    const args = ["partners", "applications", "approve", "--file", file, "--yes", "--json"];
    const result = await runCli(args, e);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toContain("Ignoring columns: note");
    const summary = JSON.parse(result.stdout);
    expect(summary).toMatchObject({
      rows: 8,
      approved: 2,
      alreadyApproved: 2,
      failed: 4,
      invalid: 2,
      duplicates: 1,
      journal: `${file}.approve.journal`,
      report: join(e.HOME as string, "applicants.failed-approvals.csv"),
    });
    expect([0, 1, 2].map((i) => statusOf(emu, partnerIds[i] as string))).toEqual([
      "approved",
      "approved",
      "approved",
    ]);
    expect(statusOf(emu, partnerIds[3] as string)).toBe("pending");
    expect(statusOf(emu, enrolled.id)).toBe("approved");
    // Sent: the two pending applicants, and the one approved before (Dub's 400 "already approved" is done);
    // user_ana, found approved, was not sent.
    expect(requests.count("POST", APPROVE, 200)).toBe(2);
    expect(requests.count("POST", APPROVE, 400)).toBe(1);
    const report = await readReport(summary.report);
    expect(report.map((row) => [row.dubkit_line, row.dubkit_field])).toEqual([
      ["6", "partnerId"],
      ["7", "partnerId"],
      ["8", "partnerId"],
      ["9", "tenantId"],
    ]);
    expect(report[3]?.dubkit_error).toBe('no partner with tenantId "user_gone" in this program');

    requests.clear();
    const again = await runCli(args, e);
    expect(JSON.parse(again.stdout)).toMatchObject({ skipped: 4, approved: 0, failed: 4 });
    expect(requests.count("POST", APPROVE) + requests.count("GET", "/partners")).toBe(0);

    // The report, fixed, runs again as a file of its own: the applicant without an id gets one, the unknown tenant
    // id is corrected (to one approved by now: done), and the second row for the first applicant, no longer a
    // duplicate there, is sent and answered "already approved" (done too).
    const fixed = (await readFile(summary.report, "utf8"))
      .replace(",,nobody,", `${partnerIds[3]},,nobody,`)
      .replace(",user_gone,", ",user_1,");
    await writeFile(summary.report, fixed);
    const rerun = await runCli(
      ["partners", "applications", "approve", "--file", summary.report, "--yes", "--json"],
      e,
    );
    expect(JSON.parse(rerun.stdout)).toMatchObject({
      rows: 4,
      approved: 1,
      alreadyApproved: 2,
      failed: 1,
      invalid: 1,
    });
    expect(statusOf(emu, partnerIds[3] as string)).toBe("approved");
  });

  it("refuses to mix the forms, and the listing's filters without --all-pending", async () => {
    const { emu, requests } = await withApplications(1);
    const e = await isolatedEnv({ DUB_API_KEY: emu.apiKey, DUB_API_URL: emu.url });
    const both = await runCli(["partners", "applications", "approve", "pn_1", "--all-pending", "--yes"], e);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain(
      "Give one of: a partner id, --all-pending or --file (got a partner id, --all-pending).",
    );
    const filter = await runCli(["partners", "applications", "approve", "pn_1", "--country", "IT"], e);
    expect(filter.code).toBe(2);
    expect(filter.stderr).toContain("--group and --country narrow the listing of --all-pending");
    const none = await runCli(["partners", "applications", "approve"], e);
    expect(none.code).toBe(2);
    expect(requests.count("POST", APPROVE) + requests.count("GET", LIST)).toBe(0);
  });
});
