// Ban, deactivate, approve and reject through the client, against the emulator — and what a retry does when the
// first attempt was applied and its answer lost (the emulator's reset-after fault): the repeat meets "already …",
// which after an ambiguous attempt is the success the first attempt had. Without an ambiguous attempt, the same
// answer stays an error.
import { BadRequest, NotFound } from "@dubkit/core";
import { type Emulator, type EmulatorOptions, startEmulator } from "@dubkit/emulator";
import { afterEach, describe, expect, it } from "vitest";
import { Dub } from "./dub.js";

const fast = { strategy: "backoff", backoff: { initialInterval: 1, maxInterval: 5 } } as const;
let emulator: Emulator;
let dub: Dub;

async function setUp(options: EmulatorOptions = {}) {
  emulator = await startEmulator({ seed: 21, ...options });
  dub = new Dub({ token: emulator.apiKey, serverURL: emulator.url, retries: fast });
}
afterEach(async () => {
  await dub?.close();
  await emulator?.stop();
});

const statusOf = (partnerId: string) => emulator.enrollments().find((e) => e.partnerId === partnerId)?.status;

describe("ban and deactivate", () => {
  it("ban resolves after a reset that followed the ban, by partnerId and by tenantId alone", async () => {
    // Requests 1–2 create the partners; 3 and 5 are the bans, applied and then reset.
    await setUp({ faults: { script: { 3: "reset-after", 5: "reset-after" } } });
    const jane = await dub.partners.create({ email: "jane@example.com", tenantId: "u_jane" });
    const john = await dub.partners.create({ email: "john@example.com", tenantId: "u_john" });

    expect(await dub.partners.ban({ partnerId: jane.id, reason: "fraud" })).toEqual({ partnerId: jane.id });
    expect(await dub.partners.ban({ tenantId: "u_john", reason: "spam" })).toEqual({ partnerId: john.id });

    expect(emulator.stats().appliedThenReset).toBe(2);
    expect([statusOf(jane.id), statusOf(john.id)]).toEqual(["banned", "banned"]);
    const listed = await dub.partners.list({ status: "banned", sortBy: "createdAt", sortOrder: "asc" });
    expect(listed.data.map((p) => [p.email, p.bannedReason])).toEqual([
      ["jane@example.com", "fraud"],
      ["john@example.com", "spam"],
    ]);
  });

  it("keeps 'already banned' an error when no attempt of this call can have banned the partner", async () => {
    await setUp();
    const jane = await dub.partners.create({ email: "jane@example.com" });
    await dub.partners.ban({ partnerId: jane.id, reason: "fraud" });
    const error = await dub.partners.ban({ partnerId: jane.id, reason: "fraud" }).catch((e: unknown) => e);
    expect(BadRequest.isInstance(error)).toBe(true);
    expect((error as Error).message).toBe("This partner is already banned from your program.");
  });

  it("deactivate resolves after a reset that followed the deactivation", async () => {
    await setUp({ faults: { script: { 2: "reset-after" } } });
    const jane = await dub.partners.create({ email: "jane@example.com" });
    expect(await dub.partners.deactivate({ partnerId: jane.id })).toEqual({ partnerId: jane.id });
    expect(statusOf(jane.id)).toBe("deactivated");
    const error = await dub.partners.deactivate({ partnerId: jane.id }).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/The partner's status in this program is "deactivated"\.$/);
  });

  it("does not turn another refusal into success: a pending partner cannot be banned", async () => {
    await setUp({ faults: { script: { 1: "503" } } });
    const application = await emulator.addApplication({ email: "pending@example.com" });
    const error = await dub.partners
      .ban({ partnerId: application.partnerId, reason: "fraud" })
      .catch((e: unknown) => e);
    expect((error as Error).message).toBe("This partner is not approved yet to be banned.");
    expect(statusOf(application.partnerId)).toBe("pending");
  });
});

describe("applications", () => {
  it("lists pending applications and approves one, which gets its default link", async () => {
    await setUp();
    await emulator.addApplication({ email: "ann@example.com", name: "Ann Lee" });
    const bob = await emulator.addApplication({ email: "bob@example.com", name: "Bob Ray" });
    const page = await dub.partnerApplications.list();
    expect(page.data.map((a) => a.partner.email).sort()).toEqual(["ann@example.com", "bob@example.com"]);

    expect(await dub.partnerApplications.approve({ partnerId: bob.partnerId })).toEqual({
      partnerId: bob.partnerId,
    });
    expect(statusOf(bob.partnerId)).toBe("approved");
    const [approved] = (await dub.partners.list({ email: "bob@example.com" })).data;
    expect(approved?.links?.map((l) => l.shortLink)).toEqual(["https://refer.acme.test/bob-ray"]);
    expect((await dub.partnerApplications.list()).data.map((a) => a.partner.email)).toEqual([
      "ann@example.com",
    ]);
  });

  it("approve resolves after a reset that followed the approval, and the partner gets one set of links", async () => {
    await setUp({ faults: { script: { 1: "reset-after" } } });
    const bob = await emulator.addApplication({ email: "bob@example.com", name: "Bob Ray" });
    expect(await dub.partnerApplications.approve({ partnerId: bob.partnerId })).toEqual({
      partnerId: bob.partnerId,
    });
    expect(emulator.links().filter((l) => l.partnerId === bob.partnerId)).toHaveLength(1);
  });

  it("reject resolves after a reset, whether the rejection kept the enrollment or deleted it", async () => {
    await setUp({ faults: { script: { 1: "reset-after", 3: "reset-after" } } });
    const ann = await emulator.addApplication({ email: "ann@example.com" });
    const bob = await emulator.addApplication({ email: "bob@example.com" });

    // Standard: the repeat answers "no longer pending", and the partner is now rejected.
    expect(
      await dub.partnerApplications.reject({ partnerId: ann.partnerId, rejectionReason: "other" }),
    ).toEqual({
      partnerId: ann.partnerId,
    });
    expect(statusOf(ann.partnerId)).toBe("rejected");
    // Instant: the enrollment is gone, so the repeat answers 404.
    expect(
      await dub.partnerApplications.reject({ partnerId: bob.partnerId, reapplicationTimeframe: "instant" }),
    ).toEqual({
      partnerId: bob.partnerId,
    });
    expect(statusOf(bob.partnerId)).toBeUndefined();
  });

  it("keeps a 404 for a partner that never applied, when no earlier attempt could have rejected it", async () => {
    await setUp();
    const error = await dub.partnerApplications
      .reject({ partnerId: "pn_nobody", reapplicationTimeframe: "instant" })
      .catch((e: unknown) => e);
    expect(NotFound.isInstance(error)).toBe(true);
    expect((error as Error).message).toBe("Program enrollment not found.");
  });
});
