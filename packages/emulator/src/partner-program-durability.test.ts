// The partner-program changes in a data file: applications, approvals, rejections (an instant one deletes the
// enrollment), bans and deactivations of links, and stats survive a restart; a record of those kinds that is well
// checksummed but malformed stops the start with the line and field named.
import { appendFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDataFile } from "./data-file.js";
import { startEmulator } from "./emulator.js";
import { call, createPartner } from "./http-test-client.js";
import { encodeLine } from "./journal-line.js";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "dubkit-emulator-program-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const fresh = () => join(dir, `${++files}-data.log`);

describe("partner-program state in a data file", () => {
  it("survives a restart: applications, approvals with their links and quota, rejections, bans, deactivations, stats", async () => {
    const file = fresh();
    const first = await startEmulator({ dataFile: file, seed: 61, partnersLimit: "plan" });
    const approved = await first.addApplication({ email: "approved@example.com", name: "Approved" });
    const instant = await first.addApplication({ email: "instant@example.com" });
    const standard = await first.addApplication({
      email: "standard@example.com",
      formData: { fields: [{ type: "select", label: "Audience", value: "Devs" }] },
    });
    const post = (path: string, body: unknown) => call(first, "POST", path, { body });
    await post("/partners/applications/approve", { partnerId: approved.partnerId });
    await post("/partners/applications/reject", {
      partnerId: instant.partnerId,
      reapplicationTimeframe: "instant",
    });
    const banned = (await createPartner(first, { email: "banned@example.com" })).body;
    await post("/partners/ban", { partnerId: banned.id, reason: "spam" });
    const deactivated = (await createPartner(first, { email: "deactivated@example.com" })).body;
    await post("/partners/deactivate", { partnerId: deactivated.id });
    await first.updateEnrollment(deactivated.id, {
      metrics: { totalSaleAmount: 1234, clickToLeadRate: 0.25 },
    });
    const before = {
      partners: first.partners(),
      enrollments: first.enrollments(),
      links: first.links(),
      applications: first.applications(),
      listed: (await call(first, "GET", "/partners")).body,
      pending: (await call(first, "GET", "/partners/applications")).body,
    };
    await first.stop();

    const second = await startEmulator({ dataFile: file, seed: 62, partnersLimit: "plan" });
    try {
      expect(second.partners()).toEqual(before.partners);
      expect(second.enrollments()).toEqual(before.enrollments);
      expect(second.links()).toEqual(before.links);
      expect(second.applications()).toEqual(before.applications);
      expect((await call(second, "GET", "/partners")).body).toEqual(before.listed);
      expect((await call(second, "GET", "/partners/applications")).body).toEqual(before.pending);
      expect(before.pending.map((a: { id: string }) => a.id)).toEqual([standard.id]);
      expect(second.enrollments().find((e) => e.partnerId === instant.partnerId)).toBeUndefined();
      await expect(second.addApplication({ email: "instant@example.com" })).resolves.toMatchObject({
        partnerId: instant.partnerId,
      });
    } finally {
      await second.stop();
    }
  });

  it("counts an approval against the quota after a restart", async () => {
    const file = fresh();
    const first = await startEmulator({
      dataFile: file,
      seed: 63,
      workspaces: [{ apiKeys: ["dub_quota000000000000000000"], partnersLimit: 1 }],
    });
    const workspaceId = first.workspaces()[1]?.id;
    const one = await first.addApplication({ email: "one@example.com" }, workspaceId);
    const two = await first.addApplication({ email: "two@example.com" }, workspaceId);
    const approve = (emulator: typeof first, partnerId: string) =>
      call(emulator, "POST", "/partners/applications/approve", {
        key: "dub_quota000000000000000000",
        body: { partnerId },
      });
    expect((await approve(first, one.partnerId)).status).toBe(200);
    await first.stop();
    const second = await startEmulator({
      dataFile: file,
      seed: 64,
      workspaces: [{ apiKeys: ["dub_quota000000000000000000"], partnersLimit: 1 }],
    });
    try {
      expect((await approve(second, two.partnerId)).status).toBe(403);
    } finally {
      await second.stop();
    }
  });
});

describe("a damaged partner-program record", () => {
  const application = {
    id: "pga_1",
    programId: "prog_1",
    partnerId: "pn_1",
    groupId: null,
    name: "Jane",
    email: "jane@example.com",
    country: null,
    formData: null,
    createdAt: "2026-01-01T00:00:00.000Z",
    reviewedAt: null,
    rejectionReason: null,
    rejectionNote: null,
    referredByPartnerId: null,
  };
  const enrollment = {
    id: "pge_1",
    partnerId: "pn_1",
    programId: "prog_1",
    tenantId: null,
    status: "pending",
    groupId: null,
    clickRewardId: null,
    leadRewardId: null,
    saleRewardId: null,
    referralRewardId: null,
    discountId: null,
    applicationId: "pga_1",
    bannedAt: null,
    bannedReason: null,
    createdAt: "2026-01-01T00:00:00.000Z",
    linkIds: [],
  };

  async function startOn(record: unknown): Promise<void> {
    const file = fresh();
    const opened = await openDataFile(file, { log: () => {} });
    await opened.journal.close();
    opened.lock.release();
    appendFileSync(file, encodeLine(record));
    const emulator = await startEmulator({ dataFile: file });
    await emulator.stop();
  }

  it.each([
    [
      "an application without its fields",
      [{ type: "application", application: { id: "pga_1" }, enrollment }],
      "event 1.application.programId: missing",
    ],
    [
      "bad form data",
      [
        {
          type: "application",
          application: { ...application, formData: { fields: [{ type: "short-text", label: "Q" }] } },
          enrollment,
        },
      ],
      "event 1.application.formData: fields[0].value: expected text, got nothing",
    ],
    [
      "an application's enrollment of the wrong shape",
      [{ type: "application", application, enrollment: { ...enrollment, status: "waiting" } }],
      "event 1.enrollment.status: expected one of pending",
    ],
    [
      "a rejection reason outside its list",
      [{ type: "application-update", id: "pga_1", patch: { rejectionReason: "rude" } }],
      "event 1.patch.rejectionReason: expected one of needsMoreDetail",
    ],
    [
      "a patch of an application's partner",
      [{ type: "application-update", id: "pga_1", patch: { partnerId: "pn_2" } }],
      "event 1.patch.partnerId: not a field that can be changed",
    ],
    ["a deletion without an id", [{ type: "enrollment-delete" }], "event 1.id: expected text, got undefined"],
    [
      "a quota count without a program",
      [{ type: "usage-increment", programId: 5 }],
      "event 1.programId: expected text, got number 5",
    ],
    [
      "a stat that is not a number",
      [{ type: "enrollment-update", id: "pge_1", patch: { metrics: { totalClicks: "many" } } }],
      'event 1.patch.metrics: totalClicks: expected a number, got "many"',
    ],
    [
      "a timeframe outside its list",
      [{ type: "enrollment-update", id: "pge_1", patch: { reapplicationTimeframe: "soon" } }],
      "event 1.patch.reapplicationTimeframe: expected one of instant, standard, never",
    ],
  ])("refuses the start, naming the line and field: %s", async (_, record, what) => {
    await expect(startOn(record)).rejects.toThrow(`is damaged at line 2: ${what}`);
  });

  it("accepts the same records when they are well formed", async () => {
    await expect(startOn([{ type: "application", application, enrollment }])).resolves.toBeUndefined();
  });
});
