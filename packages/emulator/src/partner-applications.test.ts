import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ApplicationFormData } from "./application-form.js";
import { startEmulator } from "./emulator.js";
import { call, createPartner, dubError } from "./http-test-client.js";
import type { Emulator } from "./options.js";

const KEY = "dub_applications000000000000";
const VIEWER = "dub_viewer000000000000000000";
const NO_PROGRAM = "dub_noprogram00000000000000";
const BAD_JSON = dubError(
  "bad_request",
  "Invalid JSON format in request body. Please ensure the request body is a valid JSON object.",
);
const OTHER = "dub_other0000000000000000000";

const FORM: ApplicationFormData = {
  fields: [
    { id: "f1", type: "short-text", label: "Website traffic", value: "10k/month", required: true },
    { id: "f2", type: "long-text", label: "How will you promote us?", value: "" },
    { id: "f3", type: "select", label: "Audience", value: "Developers" },
    {
      id: "f4",
      type: "multiple-choice",
      label: "Channels",
      value: ["Blog", "YouTube"],
      data: { multiple: true, options: [] },
    },
    { id: "f5", type: "multiple-choice", label: "Main channel", value: "Blog", data: { multiple: false } },
    { id: "f6", type: "image-upload", label: "Screenshots", value: ["https://dubassets.com/a.png"] },
    { id: "f7", type: "website-and-socials", data: [{ type: "youtube", value: "@jane" }] },
  ],
};

let emulator: Emulator;
let clock = Date.UTC(2026, 10, 4, 8);
let workspaceId: string;
beforeEach(async () => {
  emulator = await startEmulator({
    seed: 51,
    clock: () => clock,
    workspaces: [
      {
        apiKeys: [KEY],
        partnersLimit: 10,
        program: {
          groups: [
            {
              slug: "default",
              leadRewardId: "rw_lead",
              defaultLinks: [{ domain: "go.acme.test", url: "https://acme.test" }],
            },
            {
              slug: "vip",
              id: "grp_vip",
              saleRewardId: "rw_vip",
              discountId: "disc_vip",
              defaultLinks: [
                { domain: "go.acme.test", url: "https://acme.test/vip" },
                { domain: "vip.acme.test", url: "https://acme.test/vip?x=1" },
              ],
            },
          ],
        },
      },
      { apiKeys: [VIEWER], role: "viewer" },
      { apiKeys: [NO_PROGRAM], program: null },
      { apiKeys: [OTHER], program: { groups: [{ slug: "default", id: "grp_other" }] } },
    ],
  });
  workspaceId = emulator.workspaces()[1]?.id ?? "";
});
afterEach(() => emulator.stop());

const apply = (email: string, fields: Record<string, unknown> = {}) => {
  clock += 1000;
  return emulator.addApplication({ email, ...fields }, workspaceId);
};
const applications = async (query = "", key = KEY) =>
  call(emulator, "GET", `/partners/applications${query}`, { key });
const approve = (body: unknown, key = KEY) =>
  call(emulator, "POST", "/partners/applications/approve", { body, key });
const reject = (body: unknown, key = KEY) =>
  call(emulator, "POST", "/partners/applications/reject", { body, key });
const partners = async () =>
  (await call(emulator, "GET", "/partners?sortBy=createdAt&sortOrder=asc", { key: KEY })).body;

describe("addApplication (admin API)", () => {
  it("creates the partner, an application and a pending enrollment in the group, counting nothing towards the quota", async () => {
    const application = await apply("jane@example.com", { name: "Jane Doe", country: "US", groupId: "vip" });
    expect(application).toMatchObject({
      programId: emulator.workspaces()[1]?.programId,
      groupId: "grp_vip",
      name: "Jane Doe",
      email: "jane@example.com",
      country: "US",
      formData: null,
      createdAt: new Date(clock).toISOString(),
      reviewedAt: null,
      rejectionReason: null,
      rejectionNote: null,
      referredByPartnerId: null,
    });
    expect(application.id).toMatch(/^pga_[0-9A-HJKMNP-TV-Z]{25}$/);
    const partner = emulator.partners().find((p) => p.id === application.partnerId);
    expect(partner).toMatchObject({ name: "Jane Doe", country: "US", networkStatus: "draft" });
    expect(partner?.username).toMatch(/^jane-doe-[0-9a-z]{4}$/);
    const enrollment = emulator.enrollments().find((e) => e.partnerId === application.partnerId);
    expect(enrollment).toMatchObject({
      status: "pending",
      applicationId: application.id,
      groupId: "grp_vip",
      saleRewardId: "rw_vip",
      discountId: "disc_vip",
      tenantId: null,
      linkIds: [],
    });
    expect(emulator.links()).toEqual([]);
  });

  it("reuses a partner account by email without changing it, and refuses a partner already in the program", async () => {
    const account = await emulator.addPartner({ email: "known@example.com", name: "Known", country: "DE" });
    const application = await apply("known@example.com", { name: "Other Name", country: "FR" });
    expect(application.partnerId).toBe(account.id);
    expect(emulator.partners()).toEqual([account]);
    expect(application).toMatchObject({ name: "Other Name", country: "FR" });
    await expect(apply("known@example.com")).rejects.toThrow(
      'Cannot add the application: email: known@example.com is already in this program (enrollment status "pending")',
    );
    await createPartner(emulator, { email: "enrolled@example.com" }, KEY);
    await expect(apply("enrolled@example.com")).rejects.toThrow('(enrollment status "approved")');
  });

  it("keeps its own copy of the answers and hands out copies", async () => {
    const formData: ApplicationFormData = { fields: [{ type: "short-text", label: "Q", value: "A" }] };
    const application = await apply("jane@example.com", { formData });
    formData.fields.pop();
    application.formData?.fields.pop();
    emulator.applications()[0]?.formData?.fields.pop();
    await emulator.updateEnrollment(application.partnerId, { metrics: { totalClicks: 3 } }, workspaceId);
    const enrollment = emulator.enrollments()[0];
    if (enrollment?.metrics) enrollment.metrics.totalClicks = 99;
    expect(emulator.applications()[0]?.formData?.fields).toHaveLength(1);
    expect(emulator.enrollments()[0]?.metrics?.totalClicks).toBe(3);
  });

  it.each([
    [{ email: "nope" }, 'email: expected an email address, got "nope"'],
    [
      { email: "a@example.com", groupId: "gold" },
      'groupId: "gold" is not a group of this program; its groups are default',
    ],
    [{ email: "a@example.com", groupId: "grp_other" }, 'groupId: "grp_other" is not a group of this program'],
    [{ email: "a@example.com", tenant: "x" }, "tenant: not a field of an application"],
    [
      { email: "a@example.com", createdAt: "soon" },
      'createdAt: expected a date (ISO text or epoch ms), got "soon"',
    ],
    [
      { email: "a@example.com", formData: { fields: [{ type: "short-text", label: "Q", value: 5 }] } },
      "formData: fields[0].value: expected text, got 5",
    ],
    [
      { email: "a@example.com", formData: { fields: [{ type: "rating", label: "Q", value: 5 }] } },
      'formData: fields[0].type: expected one of short-text, long-text, select, multiple-choice, image-upload, website-and-socials, got "rating"',
    ],
    [
      {
        email: "a@example.com",
        formData: {
          fields: [{ type: "multiple-choice", label: "Q", value: ["a"], data: { multiple: false } }],
        },
      },
      'formData: fields[0].value: a single-choice answer is one text, got ["a"]',
    ],
  ])("refuses a bad input, naming the field: %j", async (input, message) => {
    await expect(emulator.addApplication(input as never, workspaceId)).rejects.toThrow(
      `Cannot add the application: ${message}`,
    );
    expect(emulator.applications()).toEqual([]);
    expect(emulator.partners()).toEqual([]);
  });
});

describe("GET /partners/applications", () => {
  it("lists pending applications, newest enrollment first, with the applicant and the form answers", async () => {
    const first = await apply("jane@example.com", { name: "Jane", country: "US", formData: FORM });
    const second = await apply("john@example.com", { name: "John" });
    const res = await applications();
    expect(res.status).toBe(200);
    expect(res.body.map((a: { id: string }) => a.id)).toEqual([second.id, first.id]);
    const program = emulator.workspaces()[1];
    expect(res.body[1]).toEqual({
      id: first.id,
      createdAt: first.createdAt,
      partner: {
        id: first.partnerId,
        name: "Jane",
        companyName: null,
        email: "jane@example.com",
        image: null,
        description: null,
        country: "US",
        groupId: program?.defaultGroupId,
        status: "pending",
        website: null,
        youtube: null,
        twitter: null,
        linkedin: null,
        instagram: null,
        tiktok: null,
      },
      applicationFormData: [
        { label: "Website traffic", value: "10k/month" },
        { label: "How will you promote us?", value: null },
        { label: "Audience", value: "Developers" },
        { label: "Channels", value: "Blog, YouTube" },
        { label: "Main channel", value: "Blog" },
        { label: "Screenshots", value: null },
      ],
    });
    expect(res.body[0].applicationFormData).toEqual([]);
  });

  it("leaves out approved partners and pending enrollments without an application", async () => {
    const { id } = (await createPartner(emulator, { email: "direct@example.com" }, KEY)).body;
    await emulator.updateEnrollment(id, { status: "pending" }, workspaceId);
    expect((await applications()).body).toEqual([]);
    expect((await partners()).map((p: { status: string }) => p.status)).toEqual(["pending"]);
  });

  it("filters one group or one country exactly (no lists), and paginates", async () => {
    const jane = await apply("jane@example.com", { country: "US", groupId: "vip" });
    const john = await apply("john@example.com", { country: "FR" });
    const ids = async (query: string) => (await applications(query)).body.map((a: { id: string }) => a.id);
    expect(await ids("?groupId=grp_vip")).toEqual([jane.id]);
    expect(await ids("?country=FR")).toEqual([john.id]);
    expect(await ids("?country=US,FR")).toEqual([]);
    expect(await ids("?country=&groupId=")).toEqual([john.id, jane.id]);
    expect(await ids("?pageSize=1&page=2")).toEqual([jane.id]);
  });

  it("validates the query before looking for the program, and lets any role read", async () => {
    expect((await applications("?pageSize=101", NO_PROGRAM)).body).toEqual(
      dubError("unprocessable_entity", "too_big: pageSize: Max page size is 100."),
    );
    expect((await applications("?page=x", NO_PROGRAM)).body).toEqual(
      dubError("unprocessable_entity", "invalid_type: page: Page must be a number."),
    );
    expect((await applications("", NO_PROGRAM)).body).toEqual(dubError("not_found", "Program not found"));
    expect((await applications("", VIEWER)).status).toBe(200);
  });
});

describe("POST /partners/applications/approve", () => {
  it("approves into the group: status, createdAt reset, rewards, the application reviewed, default links, one more partner", async () => {
    const application = await apply("jane@example.com", { name: "Jane Doe", groupId: "vip" });
    clock += 3_600_000;
    const res = await approve({ partnerId: application.partnerId });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ partnerId: application.partnerId });
    const now = new Date(clock).toISOString();
    const [partner] = await partners();
    expect(partner).toMatchObject({
      status: "approved",
      createdAt: now,
      groupId: "grp_vip",
      saleRewardId: "rw_vip",
      discountId: "disc_vip",
      applicationId: application.id,
    });
    expect(partner.links.map((l: { key: string; url: string }) => [l.key, l.url])).toEqual([
      [expect.stringMatching(/^jane-doe-[0-9a-z]{4}$/), "https://acme.test/vip"],
      [expect.stringMatching(/^jane-doe-[0-9a-z]{4}$/), "https://acme.test/vip?x=1"],
    ]);
    expect(emulator.applications()[0]).toMatchObject({
      reviewedAt: now,
      rejectionReason: null,
      rejectionNote: null,
    });
    expect((await applications()).body).toEqual([]);
    expect((await approve({ partnerId: application.partnerId })).body).toEqual(
      dubError("bad_request", "This enrollment cannot be approved because it is already approved."),
    );
  });

  it("takes the group from the body (id or slug), else the enrollment's, else the program's default", async () => {
    const bySlug = await apply("slug@example.com");
    await approve({ partnerId: bySlug.partnerId, groupId: "vip" });
    const ownGroup = await apply("own@example.com", { groupId: "vip" });
    await approve({ partnerId: ownGroup.partnerId, groupId: "" });
    const fallback = await apply("fallback@example.com", { groupId: "vip" });
    await emulator.updateEnrollment(fallback.partnerId, { groupId: null }, workspaceId);
    await approve({ partnerId: fallback.partnerId, groupId: null });
    const groupOf = (partnerId: string) =>
      emulator.enrollments().find((e) => e.partnerId === partnerId)?.groupId;
    expect(groupOf(bySlug.partnerId)).toBe("grp_vip");
    expect(groupOf(ownGroup.partnerId)).toBe("grp_vip");
    expect(groupOf(fallback.partnerId)).toBe(emulator.workspaces()[1]?.defaultGroupId);
  });

  it("answers the group errors: none at all, an unknown id or slug, another program's group", async () => {
    const { partnerId } = await apply("jane@example.com");
    expect((await approve({ partnerId, groupId: "grp_nope" })).body).toEqual(
      dubError("not_found", 'Group "grp_nope" not found.'),
    );
    expect((await approve({ partnerId, groupId: "gold" })).body).toEqual(
      dubError("not_found", 'Group "gold" not found.'),
    );
    expect((await approve({ partnerId, groupId: "grp_other" })).body).toEqual(
      dubError("forbidden", 'Group "grp_other" not found in your program.'),
    );
    const lonely = await startEmulator({
      seed: 52,
      workspaces: [{ apiKeys: [KEY], program: { defaultGroup: null, groups: [{ slug: "solo" }] } }],
    });
    try {
      const id = lonely.workspaces()[1]?.id;
      const applicant = await lonely.addApplication({ email: "a@example.com", groupId: "solo" }, id);
      await lonely.updateEnrollment(applicant.partnerId, { groupId: null }, id);
      const res = await call(lonely, "POST", "/partners/applications/approve", {
        key: KEY,
        body: { partnerId: applicant.partnerId },
      });
      expect(res.body).toEqual(
        dubError("not_found", "No group ID provided and no default group ID found in the program."),
      );
    } finally {
      await lonely.stop();
    }
  });

  it("approves a rejected enrollment too, clearing the rejection; other statuses are a 400 naming them", async () => {
    const rejected = await apply("rejected@example.com");
    await reject({ partnerId: rejected.partnerId, rejectionReason: "other", rejectionNote: "Not now" });
    expect((await approve({ partnerId: rejected.partnerId })).status).toBe(200);
    expect(emulator.applications()[0]).toMatchObject({ rejectionReason: null, rejectionNote: null });
    const { id } = (await createPartner(emulator, { email: "banned@example.com" }, KEY)).body;
    await emulator.updateEnrollment(id, { status: "banned" }, workspaceId);
    expect((await approve({ partnerId: id })).body).toEqual(
      dubError("bad_request", "This enrollment cannot be approved because it is already banned."),
    );
  });

  it("skips the default links the partner already has", async () => {
    const { id, links } = (await createPartner(emulator, { email: "back@example.com", name: "Back" }, KEY))
      .body;
    await emulator.updateEnrollment(id, { status: "rejected" }, workspaceId);
    await approve({ partnerId: id });
    expect(emulator.links().map((link) => link.id)).toEqual([links[0].id]);
    await emulator.updateEnrollment(id, { status: "rejected" }, workspaceId);
    await approve({ partnerId: id, groupId: "vip" });
    expect(emulator.links()).toHaveLength(3);
  });

  it("counts the approved partner against the quota, with the plan's or the trial's message", async () => {
    const limited = await startEmulator({
      seed: 53,
      workspaces: [
        { apiKeys: [KEY], partnersLimit: 1 },
        { apiKeys: [OTHER], partnersLimit: 0, trial: true },
      ],
    });
    try {
      const [, plain, trial] = limited.workspaces();
      const first = await limited.addApplication({ email: "a@example.com" }, plain?.id);
      const second = await limited.addApplication({ email: "b@example.com" }, plain?.id);
      const approveIn = (partnerId: string, key: string) =>
        call(limited, "POST", "/partners/applications/approve", { key, body: { partnerId } });
      expect((await approveIn(first.partnerId, KEY)).status).toBe(200);
      expect((await approveIn(second.partnerId, KEY)).body).toEqual(
        dubError(
          "forbidden",
          "You've reached your partners limit of 1 for your current plan. Upgrade your plan to add more partners.",
        ),
      );
      const third = await limited.addApplication({ email: "c@example.com" }, trial?.id);
      expect((await approveIn(third.partnerId, OTHER)).body).toEqual(
        dubError(
          "forbidden",
          "During your free trial you can have at most 0 partners in your program. Start a paid plan to add more.",
        ),
      );
      expect(limited.enrollments().filter((e) => e.status === "pending")).toHaveLength(2);
    } finally {
      await limited.stop();
    }
  });

  it("checks in the server's order: JSON, schema, program, enrollment", async () => {
    expect((await approve("nope")).body).toEqual(BAD_JSON);
    expect((await approve({}, NO_PROGRAM)).body).toEqual(
      dubError(
        "unprocessable_entity",
        "invalid_type: partnerId: Invalid input: expected string, received undefined",
      ),
    );
    expect((await approve({ partnerId: "pn_1", groupId: 5 })).body).toEqual(
      dubError(
        "unprocessable_entity",
        "invalid_type: groupId: Invalid input: expected string, received number",
      ),
    );
    expect((await approve({ partnerId: "pn_1" }, NO_PROGRAM)).body).toEqual(
      dubError("not_found", "Program not found"),
    );
    const missing = dubError("not_found", "Program enrollment not found.");
    expect((await approve({ partnerId: "pn_nobody" })).body).toEqual(missing);
    expect((await approve({ partnerId: "" })).body).toEqual(missing);
    expect((await approve({ partnerId: "pn_1" }, VIEWER)).status).toBe(403);
  });
});

describe("POST /partners/applications/reject", () => {
  it("rejects (standard): status, timeframe, rewards cleared, the application reviewed with the reason and note", async () => {
    const application = await apply("jane@example.com");
    clock += 5000;
    const res = await reject({
      partnerId: application.partnerId,
      rejectionReason: "needsMoreDetail",
      rejectionNote: "  Tell us more.  ",
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ partnerId: application.partnerId });
    expect(emulator.enrollments()[0]).toMatchObject({
      status: "rejected",
      reapplicationTimeframe: "standard",
      leadRewardId: null,
    });
    expect(emulator.applications()[0]).toMatchObject({
      reviewedAt: new Date(clock).toISOString(),
      rejectionReason: "needsMoreDetail",
      rejectionNote: "Tell us more.",
    });
    expect((await applications()).body).toEqual([]);
    expect((await partners())[0].status).toBe("rejected");
    await expect(apply("jane@example.com")).rejects.toThrow('(enrollment status "rejected")');
    expect((await reject({ partnerId: application.partnerId })).body).toEqual(
      dubError("bad_request", "This enrollment cannot be rejected because it is no longer pending."),
    );
  });

  it("keeps the rejection fields it is not given, and stores `never`", async () => {
    const application = await apply("jane@example.com");
    await reject({ partnerId: application.partnerId, reapplicationTimeframe: "never", rejectionNote: "   " });
    expect(emulator.enrollments()[0]?.reapplicationTimeframe).toBe("never");
    expect(emulator.applications()[0]).toMatchObject({ rejectionReason: null, rejectionNote: null });
  });

  it("deletes the enrollment when the partner may reapply at once, keeps the application, and lets them apply again", async () => {
    const application = await apply("jane@example.com");
    const res = await reject({ partnerId: application.partnerId, reapplicationTimeframe: "instant" });
    expect(res.body).toEqual({ partnerId: application.partnerId });
    expect(emulator.enrollments()).toEqual([]);
    expect(await partners()).toEqual([]);
    expect(emulator.applications()).toHaveLength(1);
    expect(emulator.applications()[0]?.reviewedAt).not.toBeNull();
    const again = await apply("jane@example.com");
    expect(again.partnerId).toBe(application.partnerId);
    expect((await applications()).body.map((a: { id: string }) => a.id)).toEqual([again.id]);
  });

  it("checks the fraud flag before looking for the enrollment, then the enrollment and its status", async () => {
    expect(
      (await reject({ partnerId: "pn_nobody", reapplicationTimeframe: "instant", flagForFraud: true })).body,
    ).toEqual(
      dubError("bad_request", "Cannot flag for fraud when allowing the partner to reapply immediately."),
    );
    expect(
      (await reject({ partnerId: "pn_nobody", flagForFraud: true, flagForFraudReason: "  " })).body,
    ).toEqual(dubError("bad_request", "Fraud reason is required when flagging for fraud."));
    expect((await reject({ partnerId: "pn_nobody" })).body).toEqual(
      dubError("not_found", "Program enrollment not found."),
    );
    const { id } = (await createPartner(emulator, { email: "approved@example.com" }, KEY)).body;
    expect((await reject({ partnerId: id })).body).toEqual(
      dubError("bad_request", "This enrollment cannot be rejected because it is no longer pending."),
    );
    const flagged = await apply("flagged@example.com");
    const res = await reject({
      partnerId: flagged.partnerId,
      flagForFraud: true,
      flagForFraudReason: "Fake traffic",
    });
    expect(res.status).toBe(200);
  });

  it.each([
    [{}, "invalid_type: partnerId: Invalid input: expected string, received undefined"],
    [
      { partnerId: "pn_1", rejectionReason: "rude" },
      'invalid_value: rejectionReason: Invalid option: expected one of "needsMoreDetail"|"doesNotMeetRequirements"|"notTheRightFit"|"other"',
    ],
    [
      { partnerId: "pn_1", rejectionNote: "x".repeat(501) },
      "too_big: rejectionNote: Too big: expected string to have <=500 characters",
    ],
    [
      { partnerId: "pn_1", rejectionNote: null },
      "invalid_type: rejectionNote: Invalid input: expected string, received null",
    ],
    [
      { partnerId: "pn_1", reapplicationTimeframe: "later" },
      'invalid_value: reapplicationTimeframe: Invalid option: expected one of "instant"|"standard"|"never"',
    ],
    [
      { partnerId: "pn_1", flagForFraud: "true" },
      "invalid_type: flagForFraud: Invalid input: expected boolean, received string",
    ],
    [
      { partnerId: "pn_1", flagForFraudReason: "x".repeat(2001) },
      "too_big: flagForFraudReason: Too big: expected string to have <=2000 characters",
    ],
  ])("answers %j with the server's 422, before the program", async (body, message) => {
    expect((await reject(body, NO_PROGRAM)).body).toEqual(dubError("unprocessable_entity", message));
  });

  it("needs a default program and the owner or member role", async () => {
    expect((await reject({ partnerId: "pn_1" }, NO_PROGRAM)).body).toEqual(
      dubError("not_found", "Program not found"),
    );
    expect((await reject({ partnerId: "pn_1" }, VIEWER)).status).toBe(403);
    expect((await reject("{", KEY)).body).toEqual(BAD_JSON);
  });
});
