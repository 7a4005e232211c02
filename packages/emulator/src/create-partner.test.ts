import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startEmulator } from "./emulator.js";
import { createPartner, dubError } from "./http-test-client.js";
import type { Emulator } from "./options.js";

let emulator: Emulator;
beforeEach(async () => {
  emulator = await startEmulator({ seed: 3 });
});
afterEach(() => emulator.stop());

describe("a new partner", () => {
  it("is created with the fields of a fresh enrollment", async () => {
    const res = await createPartner(emulator, {
      email: "jane@example.com",
      name: "Jane Doe",
      country: "US",
      description: "Writes about tools",
      tenantId: "user_42",
    });
    expect(res.status).toBe(201);
    expect(res.headers.get("x-ratelimit-limit")).toBeNull();
    expect(res.headers.get("retry-after")).toBeNull();
    const info = emulator.workspaces()[0]!;
    expect(res.body).toMatchObject({
      name: "Jane Doe",
      email: "jane@example.com",
      image: null,
      description: "Writes about tools",
      country: "US",
      companyName: null,
      networkStatus: "draft",
      defaultPayoutMethod: null,
      programId: info.programId,
      groupId: info.defaultGroupId,
      tenantId: "user_42",
      status: "approved",
      totalClicks: 0,
      totalLeads: 0,
      totalConversions: 0,
      totalSales: 0,
      totalSaleAmount: 0,
      totalCommissions: 0,
      netRevenue: 0,
      earningsPerClick: 0,
      bannedAt: null,
      bannedReason: null,
    });
    expect(res.body.id).toMatch(/^pn_[0-9A-HJKMNP-TV-Z]{25}$/);
    expect(res.body.partnerId).toBe(res.body.id);
    expect(res.body.username).toMatch(/^jane-doe-[0-9a-z]{4}$/);
    expect(new Date(res.body.createdAt).toISOString()).toBe(res.body.createdAt);
    for (const absent of ["tags", "referralFormData", "application"])
      expect(res.body).not.toHaveProperty(absent);
  });

  it("takes the email as its name when none is given, and its username from the email local part", async () => {
    const res = await createPartner(emulator, { email: "jane.doe+test@example.com", name: "" });
    expect(res.body.name).toBe("jane.doe+test@example.com");
    expect(res.body.username).toMatch(/^jane-doe-test-[0-9a-z]{4}$/);
    expect(res.body.tenantId).toBeNull();
  });

  it("keeps an image already on Dub's storage and reports any other image as null", async () => {
    const other = await createPartner(emulator, {
      email: "a@example.com",
      image: "https://api.dicebear.com/7.x/a.svg",
    });
    expect(other.body.image).toBeNull();
    const stored = await createPartner(emulator, {
      email: "b@example.com",
      image: "https://dubassets.com/a.png",
    });
    expect(stored.body.image).toBe("https://dubassets.com/a.png");
  });
});

describe("create-or-return-existing", () => {
  it("returns the existing enrollment unchanged with 201 when the email is enrolled", async () => {
    const first = await createPartner(emulator, { email: "jane@example.com", name: "Jane" });
    const second = await createPartner(emulator, {
      email: "jane@example.com",
      name: "Someone Else",
      country: "FR",
      groupId: "does-not-exist",
      username: "other",
    });
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(emulator.partners()).toHaveLength(1);
    expect(emulator.stats()).toMatchObject({ creates: 1, existingReturned: 1 });
  });

  it("matches the email case-insensitively, as the database collation does", async () => {
    const first = await createPartner(emulator, { email: "Jane@Example.com" });
    const second = await createPartner(emulator, { email: "jane@example.com" });
    expect(second.body.id).toBe(first.body.id);
    expect(second.body.email).toBe("Jane@Example.com");
  });

  it("returns the enrollment whose tenantId matches, even for another email", async () => {
    const first = await createPartner(emulator, { email: "jane@example.com", tenantId: "t1" });
    const second = await createPartner(emulator, { email: "other@example.com", tenantId: "t1" });
    expect(second.status).toBe(201);
    expect(second.body.id).toBe(first.body.id);
    expect(second.body.email).toBe("jane@example.com");
  });

  it.each(["banned", "rejected", "deactivated", "archived", "invited", "pending"] as const)(
    "returns a %s enrollment as it is, with 201",
    async (status) => {
      await createPartner(emulator, { email: "jane@example.com" });
      const bannedAt = status === "banned" ? "2026-11-01T00:00:00.000Z" : null;
      await emulator.updateEnrollment("jane@example.com", {
        status,
        bannedAt,
        bannedReason: status === "banned" ? "fraud" : null,
      });
      const res = await createPartner(emulator, { email: "jane@example.com" });
      expect(res.status).toBe(201);
      expect(res.body.status).toBe(status);
      expect(res.body.bannedAt).toBe(bannedAt);
    },
  );

  it("moves an existing enrollment to a new tenantId (the upsert)", async () => {
    const first = await createPartner(emulator, { email: "jane@example.com", tenantId: "old" });
    const second = await createPartner(emulator, { email: "jane@example.com", tenantId: "new" });
    expect(second.status).toBe(201);
    expect(second.body.id).toBe(first.body.id);
    expect(second.body.tenantId).toBe("new");
    const third = await createPartner(emulator, { email: "x@example.com", tenantId: "old" });
    expect(third.body.id).not.toBe(first.body.id);
  });

  it("sets a tenantId on an enrollment that had none", async () => {
    await createPartner(emulator, { email: "jane@example.com" });
    const res = await createPartner(emulator, { email: "jane@example.com", tenantId: "t9" });
    expect(res.body.tenantId).toBe("t9");
  });

  it("answers 409 with the server's message when the tenantId belongs to another partner", async () => {
    await createPartner(emulator, { email: "jane@example.com", tenantId: "t1" });
    await createPartner(emulator, { email: "john@example.com", tenantId: "t2" });
    const res = await createPartner(emulator, { email: "john@example.com", tenantId: "t1" });
    expect(res.status).toBe(409);
    expect(res.body).toEqual(
      dubError(
        "conflict",
        "The tenantId 't1' is already in associated with another partner in this program.",
      ),
    );
    expect(res.headers.get("x-ratelimit-limit")).toBe("1200");
  });

  it("creates exactly one partner from concurrent creates of the same email", async () => {
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => createPartner(emulator, { email: "race@example.com", name: "Race" })),
    );
    expect(new Set(responses.map((res) => res.status))).toEqual(new Set([201]));
    expect(new Set(responses.map((res) => res.body.id)).size).toBe(1);
    expect(emulator.partners()).toHaveLength(1);
    expect(emulator.links()).toHaveLength(1);
  });
});

describe("partner quota", () => {
  it("answers 403 with the plan message once the quota is used, even for an existing partner", async () => {
    const limited = await startEmulator({ seed: 4, partnersLimit: 2 });
    try {
      await createPartner(limited, { email: "a@example.com" });
      await createPartner(limited, { email: "b@example.com" });
      for (const email of ["c@example.com", "a@example.com"]) {
        const res = await createPartner(limited, { email });
        expect(res.status).toBe(403);
        expect(res.body).toEqual(
          dubError(
            "forbidden",
            "You've reached your partners limit of 2 for your current plan. Upgrade your plan to add more partners.",
          ),
        );
      }
    } finally {
      await limited.stop();
    }
  });

  it("uses the plan's quota when asked, and the trial message during a trial", async () => {
    const trial = await startEmulator({
      seed: 5,
      partnersLimit: "plan",
      workspaces: [{ apiKeys: ["dub_trial000000000000000000"], trial: true, partnersLimit: 0 }],
    });
    try {
      const res = await createPartner(trial, { email: "a@example.com" }, "dub_trial000000000000000000");
      expect(res.body).toEqual(
        dubError(
          "forbidden",
          "During your free trial you can have at most 0 partners in your program. Start a paid plan to add more.",
        ),
      );
    } finally {
      await trial.stop();
    }
  });
});

describe("groups", () => {
  let groups: Emulator;
  beforeEach(async () => {
    groups = await startEmulator({
      seed: 6,
      workspaces: [
        {
          apiKeys: ["dub_groups00000000000000000"],
          program: {
            groups: [
              { slug: "default", defaultLinks: [{ domain: "go.acme.test", url: "https://acme.test" }] },
              {
                slug: "vip",
                id: "grp_vip",
                saleRewardId: "rw_sale",
                discountId: "disc_1",
                defaultLinks: [
                  { domain: "go.acme.test", url: "https://acme.test/vip" },
                  { domain: "vip.acme.test", url: "https://acme.test/vip2" },
                ],
                utmParams: { utm_source: "partners" },
              },
              { slug: "nolinks", defaultLinks: [] },
            ],
          },
        },
        { apiKeys: ["dub_nogroup0000000000000000"], program: { groups: [], defaultGroup: null } },
        {
          apiKeys: ["dub_other00000000000000000"],
          program: { groups: [{ slug: "theirs", id: "grp_theirs" }] },
        },
      ],
    });
  });
  afterEach(() => groups.stop());
  const key = "dub_groups00000000000000000";

  it("puts the partner in the group named by slug or by id, with the group's rewards", async () => {
    const bySlug = await createPartner(groups, { email: "a@example.com", groupId: "vip" }, key);
    expect(bySlug.body).toMatchObject({ groupId: "grp_vip", saleRewardId: "rw_sale", discountId: "disc_1" });
    const byId = await createPartner(groups, { email: "b@example.com", groupId: "grp_vip" }, key);
    expect(byId.body.groupId).toBe("grp_vip");
  });

  it("uses the default group when none is given", async () => {
    const res = await createPartner(groups, { email: "a@example.com" }, key);
    expect(res.body.groupId).toBe(groups.workspaces()[1]?.defaultGroupId);
    expect(res.body.links).toHaveLength(1);
  });

  it("answers 404 for an unknown group, by slug or id", async () => {
    for (const groupId of ["missing", "grp_missing"]) {
      const res = await createPartner(groups, { email: "a@example.com", groupId }, key);
      expect(res.status).toBe(404);
      expect(res.body).toEqual(dubError("not_found", `Group "${groupId}" not found.`));
    }
  });

  it("answers 403 for a group of another program", async () => {
    const res = await createPartner(groups, { email: "a@example.com", groupId: "grp_theirs" }, key);
    expect(res.status).toBe(403);
    expect(res.body).toEqual(dubError("forbidden", `Group "grp_theirs" not found in your program.`));
  });

  it("answers 400 when there is no group and no default group", async () => {
    const res = await createPartner(groups, { email: "a@example.com" }, "dub_nogroup0000000000000000");
    expect(res.status).toBe(400);
    expect(res.body).toEqual(
      dubError(
        "bad_request",
        "There was no group ID provided, and the program does not have a default group. Please contact support.",
      ),
    );
  });

  it("gives one link per default link, suffixed when there are several, with the UTM template", async () => {
    const res = await createPartner(
      groups,
      { email: "a@example.com", name: "Jöhn Müller", groupId: "vip" },
      key,
    );
    expect(res.body.links).toHaveLength(2);
    for (const link of res.body.links) {
      expect(link.key).toMatch(/^joehn-mueller-[0-9a-z]{4}$/);
      expect(link.shortLink).toBe(`https://${link.domain}/${link.key}`);
      expect(link.url).toMatch(/\?utm_source=partners$/);
      expect(link.id).toMatch(/^link_[0-9A-HJKMNP-TV-Z]{25}$/);
      expect(link).toMatchObject({ clicks: 0, leads: 0, conversions: 0, sales: 0, saleAmount: 0 });
    }
  });

  it("gives no links for a group without default links", async () => {
    const res = await createPartner(groups, { email: "a@example.com", groupId: "nolinks" }, key);
    expect(res.body.links).toEqual([]);
  });

  it("enrolls a partner known from another program without changing the partner", async () => {
    const theirs = await createPartner(
      groups,
      { email: "a@example.com", name: "Ann" },
      "dub_other00000000000000000",
    );
    const ours = await createPartner(groups, { email: "a@example.com", name: "Changed", country: "DE" }, key);
    expect(ours.body.id).toBe(theirs.body.id);
    expect(ours.body).toMatchObject({ name: "Ann", country: null, username: theirs.body.username });
    expect(ours.body.programId).not.toBe(theirs.body.programId);
    expect(groups.partners()).toHaveLength(1);
    expect(groups.enrollments()).toHaveLength(2);
  });
});

describe("global partners", () => {
  it("automatically enrolls a partner who signed up on partners.dub.co", async () => {
    const existing = await emulator.addPartner({ email: "signed@example.com", name: "Signed Up" });
    const res = await createPartner(emulator, { email: "signed@example.com", name: "Other Name" });
    expect(res.status).toBe(201);
    expect(res.body.id).toBe(existing.id);
    expect(res.body.name).toBe("Signed Up");
    expect(res.body.links[0].key).toBe("other-name");
  });
});

describe("default link keys", () => {
  it.each([
    [{ email: "x@example.com", username: "jd" }, "jd"],
    [{ email: "x@example.com", name: "John Doe" }, "john-doe"],
    [{ email: "jane.doe+test@example.com" }, "jane-doe-test"],
    [{ email: "x@example.com", name: "Jöhn Müller" }, "joehn-mueller"],
    [{ email: "x@example.com", name: "Jane", linkProps: { prefix: "/c/" } }, "c/jane"],
  ])("derives the key from %j", async (body, key) => {
    const res = await createPartner(emulator, body);
    expect(res.body.links).toHaveLength(1);
    expect(res.body.links[0]).toMatchObject({ key, domain: "refer.acme.test", url: "https://acme.test" });
    expect(res.body.links[0].shortLink).toBe(`https://refer.acme.test/${key}`);
  });

  it("appends -xxxx when the key is taken, never answering 409", async () => {
    const first = await createPartner(emulator, { email: "a@example.com", name: "Jane" });
    const second = await createPartner(emulator, { email: "b@example.com", name: "Jane" });
    const third = await createPartner(emulator, { email: "c@example.com", username: "JANE" });
    expect(first.body.links[0].key).toBe("jane");
    expect(second.status).toBe(201);
    expect(second.body.links[0].key).toMatch(/^jane-[a-z0-9]{4}$/);
    expect(third.body.links[0].key).toMatch(/^JANE-[a-z0-9]{4}$/);
  });

  it("drops the link, not the partner, when the externalId is already used in the workspace", async () => {
    await createPartner(emulator, { email: "a@example.com", linkProps: { externalId: "ext_123" } });
    const res = await createPartner(emulator, { email: "b@example.com", linkProps: { externalId: "123" } });
    expect(res.status).toBe(201);
    expect(res.body.links).toEqual([]);
    expect(emulator.links()[0]?.externalId).toBe("123");
  });
});
