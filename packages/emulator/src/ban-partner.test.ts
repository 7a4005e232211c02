import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startEmulator } from "./emulator.js";
import { call, createPartner, dubError } from "./http-test-client.js";
import type { Emulator } from "./options.js";

const VIEWER = "dub_viewer000000000000000000";
const NO_PROGRAM = "dub_noprogram00000000000000";
const FREE = "dub_free00000000000000000000";
const REASONS =
  'invalid_value: reason: Invalid option: expected one of "tos_violation"|"inappropriate_content"|"fake_traffic"|"fraud"|"spam"|"brand_abuse"';

let emulator: Emulator;
let clock = Date.UTC(2026, 10, 2, 12);
beforeEach(async () => {
  emulator = await startEmulator({
    seed: 31,
    clock: () => clock,
    workspaces: [
      { apiKeys: [VIEWER], role: "viewer" },
      { apiKeys: [NO_PROGRAM], program: null },
      { apiKeys: [FREE], plan: "free" },
    ],
  });
});
afterEach(() => emulator.stop());

const ban = (body: unknown, key?: string) => call(emulator, "POST", "/partners/ban", { body, key });
const listed = async (id: string) =>
  (await call(emulator, "GET", "/partners")).body.find((p: { id: string }) => p.id === id);

describe("POST /partners/ban", () => {
  it("bans the partner: status, bannedAt and bannedReason, rewards cleared, every link disabled and expired", async () => {
    const created = (await createPartner(emulator, { email: "jane@example.com", name: "Jane" })).body;
    clock += 60_000;
    const res = await ban({ partnerId: created.id, reason: "fraud" });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ partnerId: created.id });
    expect(res.headers.get("x-ratelimit-limit")).toBeNull();
    const now = new Date(clock).toISOString();
    const partner = await listed(created.id);
    expect(partner).toMatchObject({ status: "banned", bannedAt: now, bannedReason: "fraud" });
    expect(partner.links).toEqual(created.links);
    const [link] = emulator.links();
    expect(link).toMatchObject({ disabledAt: now, expiresAt: now, updatedAt: now });
  });

  it("clears the reward and discount ids the group gave", async () => {
    const rewarded = await startEmulator({
      seed: 32,
      workspaces: [
        {
          apiKeys: ["dub_rewarded0000000000000000"],
          program: { groups: [{ slug: "default", saleRewardId: "rw_sale", discountId: "disc_1" }] },
        },
      ],
    });
    try {
      const key = "dub_rewarded0000000000000000";
      const created = (await createPartner(rewarded, { email: "jane@example.com" }, key)).body;
      expect(created).toMatchObject({ saleRewardId: "rw_sale", discountId: "disc_1" });
      await call(rewarded, "POST", "/partners/ban", { key, body: { partnerId: created.id, reason: "spam" } });
      const [enrollment] = rewarded.enrollments();
      expect(enrollment).toMatchObject({
        clickRewardId: null,
        leadRewardId: null,
        saleRewardId: null,
        referralRewardId: null,
        discountId: null,
      });
    } finally {
      await rewarded.stop();
    }
  });

  it("finds the partner by tenantId alone and answers with that partner's id; a partnerId wins over a tenantId", async () => {
    const jane = (await createPartner(emulator, { email: "jane@example.com", tenantId: "t-jane" })).body;
    const john = (await createPartner(emulator, { email: "john@example.com", tenantId: "t-john" })).body;
    expect((await ban({ tenantId: "t-jane", reason: "spam" })).body).toEqual({ partnerId: jane.id });
    expect((await ban({ partnerId: john.id, tenantId: "t-jane", reason: "spam" })).body).toEqual({
      partnerId: john.id,
    });
    expect((await listed(john.id)).status).toBe("banned");
  });

  it("bans any status but pending and banned, and a second ban is a 400", async () => {
    for (const status of [
      "approved",
      "archived",
      "deactivated",
      "rejected",
      "invited",
      "declined",
    ] as const) {
      const { id } = (await createPartner(emulator, { email: `${status}@example.com` })).body;
      await emulator.updateEnrollment(id, { status });
      expect((await ban({ partnerId: id, reason: "spam" })).status, status).toBe(200);
    }
    const { id } = (await createPartner(emulator, { email: "twice@example.com" })).body;
    await ban({ partnerId: id, reason: "spam" });
    expect((await ban({ partnerId: id, reason: "fraud" })).body).toEqual(
      dubError("bad_request", "This partner is already banned from your program."),
    );
    expect((await listed(id)).bannedReason).toBe("spam");
    const applicant = await emulator.addApplication({ email: "applicant@example.com" });
    expect((await ban({ partnerId: applicant.partnerId, reason: "spam" })).body).toEqual(
      dubError("bad_request", "This partner is not approved yet to be banned."),
    );
  });

  it("reads the body before anything else: 400 for bad JSON, then the 422 (a missing reason first), then the identity 400", async () => {
    expect((await ban("{")).body).toEqual(
      dubError(
        "bad_request",
        "Invalid JSON format in request body. Please ensure the request body is a valid JSON object.",
      ),
    );
    expect((await ban({})).body).toEqual(dubError("unprocessable_entity", REASONS));
    expect((await ban({ partnerId: "pn_1", reason: "rude" })).body).toEqual(
      dubError("unprocessable_entity", REASONS),
    );
    expect((await ban({ partnerId: 5, reason: "spam" })).body).toEqual(
      dubError(
        "unprocessable_entity",
        "invalid_type: partnerId: Invalid input: expected string, received number",
      ),
    );
    expect((await ban([])).body).toEqual(
      dubError("unprocessable_entity", "invalid_type: : Invalid input: expected object, received array"),
    );
    const neither = dubError("bad_request", "Either `partnerId` or `tenantId` must be provided.");
    expect((await ban({ reason: "fraud" })).body).toEqual(neither);
    expect((await ban({ partnerId: "", tenantId: null, reason: "fraud" })).body).toEqual(neither);
  });

  it("answers 404 for a missing program only once it needs it, and names the partner it cannot find", async () => {
    expect((await ban({}, NO_PROGRAM)).status).toBe(422);
    expect((await ban({ reason: "spam" }, NO_PROGRAM)).status).toBe(400);
    const noProgram = dubError("not_found", "Program not found");
    expect((await ban({ tenantId: "t-1", reason: "spam" }, NO_PROGRAM)).body).toEqual(noProgram);
    expect((await ban({ partnerId: "pn_1", reason: "spam" }, NO_PROGRAM)).body).toEqual(noProgram);
    expect((await ban({ partnerId: "", tenantId: "t-nobody", reason: "spam" })).body).toEqual(
      dubError("not_found", "Partner with tenantId t-nobody not found in program."),
    );
    const programId = emulator.workspaces()[0]?.programId;
    expect((await ban({ partnerId: "pn_nobody", reason: "spam" })).body).toEqual(
      dubError("not_found", `Partner pn_nobody is not enrolled in program ${programId}.`),
    );
  });

  it("needs the owner or member role and a partner plan", async () => {
    expect((await ban({ partnerId: "pn_1", reason: "spam" }, VIEWER)).body).toEqual(
      dubError(
        "forbidden",
        "You don't have the required role to access this endpoint. Required role(s): owner, member.",
      ),
    );
    expect((await ban({ partnerId: "pn_1", reason: "spam" }, FREE)).body).toEqual(
      dubError("forbidden", "Unauthorized: Need higher plan."),
    );
  });
});
