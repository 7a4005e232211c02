// POST /partners/links over HTTP: the order of checks of §4.1, every error of §4.6 with its exact text, and the link
// the server builds (§4.4) in the full shape of §2.2.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startEmulator } from "./emulator.js";
import { call, createPartner, dubError, type RawResponse } from "./http-test-client.js";
import type { Emulator } from "./options.js";
import type { WorkspaceConfig } from "./workspace.js";

let emulator: Emulator;
beforeEach(async () => {
  emulator = await startEmulator({ seed: 41 });
});
afterEach(() => emulator.stop());

const createLink = (body: unknown, key?: string | null): Promise<RawResponse> =>
  call(emulator, "POST", "/partners/links", { body, key });

/** A partner enrolled in the default workspace's program; returns its id. */
async function enroll(email = "jane@example.com", extra: Record<string, unknown> = {}): Promise<string> {
  const res = await createPartner(emulator, { email, name: "Jane Doe", ...extra });
  expect(res.status).toBe(201);
  return res.body.id;
}

/** Adds a workspace with key `dub_<name>` and the given config. */
function workspace(name: string, config: Omit<WorkspaceConfig, "apiKeys">): string {
  const key = `dub_${name}_key_000000000000`;
  emulator.addWorkspace({ apiKeys: [key], ...config });
  return key;
}

/** A partner enrolled in the workspace of `key`. */
async function enrollIn(key: string, email = "jane@example.com"): Promise<string> {
  const res = await createPartner(emulator, { email }, key);
  expect(res.status).toBe(201);
  return res.body.id;
}

describe("a new partner link", () => {
  it("is the full link: every key of §2.2, on the program's domain, to the group's first default link", async () => {
    const partnerId = await enroll("jane@example.com", { tenantId: "t-jane" });
    const res = await createLink({ partnerId });
    expect(res.status).toBe(201);
    expect(res.headers.get("x-ratelimit-limit")).toBeNull();
    const info = emulator.workspaces()[0]!;
    const link = res.body;
    expect(Object.keys(link)).toEqual([
      "id",
      "domain",
      "key",
      "url",
      "shortLink",
      "archived",
      "expiresAt",
      "expiredUrl",
      "disabledAt",
      "password",
      "trackConversion",
      "proxy",
      "title",
      "description",
      "image",
      "video",
      "utm_source",
      "utm_medium",
      "utm_campaign",
      "utm_term",
      "utm_content",
      "rewrite",
      "linkRetentionCleanupDisabledAt",
      "doIndex",
      "ios",
      "android",
      "geo",
      "testVariants",
      "testStartedAt",
      "testCompletedAt",
      "userId",
      "projectId",
      "folderId",
      "externalId",
      "tenantId",
      "publicStats",
      "clicks",
      "leads",
      "conversions",
      "sales",
      "saleAmount",
      "lastClicked",
      "createdAt",
      "updatedAt",
      "comments",
      "programId",
      "partnerId",
      "tags",
      "identifier",
      "tagId",
      "webhookIds",
      "qrCode",
      "workspaceId",
    ]);
    expect(link).toMatchObject({
      domain: "refer.acme.test",
      url: "https://acme.test",
      archived: false,
      expiresAt: null,
      trackConversion: true,
      proxy: false,
      utm_source: null,
      doIndex: false,
      geo: null,
      userId: info.userId,
      projectId: info.id,
      workspaceId: info.id,
      folderId: null,
      externalId: null,
      tenantId: "t-jane",
      publicStats: false,
      clicks: 0,
      saleAmount: 0,
      lastClicked: null,
      comments: null,
      programId: info.programId,
      partnerId,
      tags: [],
      identifier: null,
      tagId: null,
      webhookIds: [],
      linkRetentionCleanupDisabledAt: null,
    });
    expect(link.id).toMatch(/^link_[0-9A-HJKMNP-TV-Z]{25}$/);
    expect(link.key).toMatch(/^[0-9A-Za-z]{7}$/);
    expect(link.shortLink).toBe(`https://refer.acme.test/${link.key}`);
    expect(link.qrCode).toBe(`https://api.dub.co/qr?url=https://refer.acme.test/${link.key}?qr=1`);
    expect(link.updatedAt).toBe(link.createdAt);
    expect(emulator.enrollments()[0]?.linkIds).toContain(link.id);
  });

  it("takes a URL on an additional link domain, a key and a prefix, and is not idempotent", async () => {
    const partnerId = await enroll();
    const keyed = await createLink({ partnerId, url: "acme.test/pricing", key: "/jane/promo/" });
    expect(keyed.status).toBe(201);
    expect(keyed.body).toMatchObject({ url: "https://acme.test/pricing", key: "jane/promo" });
    const prefixed = await createLink({ partnerId, linkProps: { prefix: "/c/" } });
    expect(prefixed.body.key).toMatch(/^c\/[0-9A-Za-z]{7}$/);
    const ignoredPrefix = await createLink({ partnerId, key: "given", linkProps: { prefix: "c" } });
    expect(ignoredPrefix.body.key).toBe("given");
    const again = await createLink({ partnerId });
    const twice = await createLink({ partnerId });
    expect(again.body.id).not.toBe(twice.body.id);
  });

  it('punycode-encodes a non-ASCII key, and reads `""` as no key', async () => {
    const partnerId = await enroll();
    expect((await createLink({ partnerId, key: "héllo" })).body.key).toBe("xn--hllo-bpa");
    expect((await createLink({ partnerId, key: "" })).body.key).toMatch(/^[0-9A-Za-z]{7}$/);
  });

  it("stores linkProps: cut title and description, read-back UTM columns, dates read by chrono", async () => {
    const partnerId = await enroll();
    const res = await createLink({
      partnerId,
      url: "https://acme.test/x?utm_source=news&utm_medium=email",
      linkProps: {
        title: "t".repeat(130),
        description: "d".repeat(300),
        comments: "note",
        archived: true,
        doIndex: true,
        password: "secret",
        expiresAt: "2030-01-02T03:04:05.000Z",
        expiredUrl: "acme.test/expired",
        testVariants: [
          { url: "https://acme.test/a", percentage: 50 },
          { url: "https://acme.test/b", percentage: 50 },
        ],
        testStartedAt: "2030-01-01T00:00:00.000Z",
        testCompletedAt: "2030-02-01T00:00:00.000Z",
        externalId: "ext_crm-1",
        tenantId: "ignored",
      },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      title: `${"t".repeat(117)}...`,
      description: `${"d".repeat(237)}...`,
      comments: "note",
      archived: true,
      doIndex: true,
      password: "secret",
      expiresAt: "2030-01-02T03:04:05.000Z",
      expiredUrl: "https://acme.test/expired",
      testStartedAt: "2030-01-01T00:00:00.000Z",
      testCompletedAt: "2030-02-01T00:00:00.000Z",
      externalId: "crm-1",
      tenantId: null,
      utm_source: "news",
      utm_medium: "email",
      utm_campaign: null,
    });
    expect(res.body.title).toHaveLength(120);
    expect(res.body.description).toHaveLength(240);
    expect(res.body.testVariants).toHaveLength(2);
  });

  it("stores an uploaded preview image on Dub's storage and keeps an https one", async () => {
    const partnerId = await enroll();
    const uploaded = await createLink({
      partnerId,
      linkProps: { proxy: true, image: "data:image/png;base64,AAAA" },
    });
    expect(uploaded.body.image).toBe(`https://dubassets.com/images/${uploaded.body.id}`);
    const hosted = await createLink({
      partnerId,
      linkProps: { proxy: true, image: "https://acme.test/og.png" },
    });
    expect(hosted.body.image).toBe("https://acme.test/og.png");
  });

  it("merges the group's UTM template into the URL, the URL's own values winning", async () => {
    const key = workspace("utm", {
      program: {
        groups: [
          {
            slug: "default",
            defaultLinks: [{ domain: "refer.acme.test", url: "https://acme.test/start" }],
            additionalLinks: [{ domain: "acme.test", validationMode: "domain" }],
            utmTemplate: { utm_source: "partners", utm_medium: "affiliate", ref: "dub" },
          },
        ],
      },
    });
    const partnerId = await enrollIn(key);
    const defaulted = await createLink({ partnerId }, key);
    expect(defaulted.body.url).toBe(
      "https://acme.test/start?utm_source=partners&utm_medium=affiliate&ref=dub",
    );
    expect(defaulted.body).toMatchObject({ utm_source: "partners", utm_medium: "affiliate", utm_term: null });
    const own = await createLink({ partnerId, url: "https://acme.test/x?utm_source=mine" }, key);
    expect(own.body.url).toBe("https://acme.test/x?utm_source=mine&utm_medium=affiliate&ref=dub");
    expect(own.body.utm_source).toBe("mine");
  });

  it("attaches workspace tags by id or by name (case-insensitively), ids first, in the order given", async () => {
    const key = workspace("tags", {
      tags: [
        { id: "tag_vip", name: "VIP", color: "purple" },
        { id: "tag_new", name: "new" },
      ],
    });
    const partnerId = await enrollIn(key);
    const byIds = await createLink(
      { partnerId, linkProps: { tagIds: "tag_new,tag_vip", tagNames: ["zzz"] } },
      key,
    );
    expect(byIds.status).toBe(201);
    expect(byIds.body.tags).toEqual([
      { id: "tag_new", name: "new", color: "blue" },
      { id: "tag_vip", name: "VIP", color: "purple" },
    ]);
    expect(byIds.body.tagId).toBe("tag_new");
    const byNames = await createLink({ partnerId, linkProps: { tagNames: ["vip"] } }, key);
    expect(byNames.body.tags).toEqual([{ id: "tag_vip", name: "VIP", color: "purple" }]);
  });

  it("is created for a partner of any status, found by tenantId too", async () => {
    await enroll("banned@example.com", { tenantId: "t-b" });
    await emulator.updateEnrollment("banned@example.com", { status: "banned", bannedReason: "spam" });
    const res = await createLink({ tenantId: "t-b" });
    expect(res.status).toBe(201);
    expect(res.body.tenantId).toBe("t-b");
  });
});

describe("errors, in the order of §4.1", () => {
  it("404 Program not found before the body is read", async () => {
    const key = workspace("noprog", { program: null });
    const res = await createLink("{", key);
    expect(res.status).toBe(404);
    expect(res.body).toEqual(dubError("not_found", "Program not found"));
  });

  it("400 for bad JSON, then 422 with the first issue", async () => {
    expect((await createLink("{")).body).toEqual(
      dubError(
        "bad_request",
        "Invalid JSON format in request body. Please ensure the request body is a valid JSON object.",
      ),
    );
    const cases: [unknown, string][] = [
      [null, "invalid_type: : Invalid input: expected object, received null"],
      [{ partnerId: 5 }, "invalid_type: partnerId: Invalid input: expected string, received number"],
      [{ url: "not a url" }, "custom: url: Invalid URL"],
      [{ key: null }, "invalid_type: key: Invalid input: expected string, received null"],
      [{ key: "k".repeat(191) }, "too_big: key: Too big: expected string to have <=190 characters"],
      [
        { linkProps: { externalId: "" } },
        "too_small: linkProps.externalId: Too small: expected string to have >=1 characters",
      ],
    ];
    for (const [body, message] of cases) {
      const res = await createLink(body);
      expect(res.status, message).toBe(422);
      expect(res.body).toEqual(dubError("unprocessable_entity", message));
    }
  });

  it("400 when the program has no domain or no URL, before the partner is named", async () => {
    for (const program of [{ domain: null }, { url: null }]) {
      const key = workspace(program.domain === null ? "nodomain" : "nourl", { program });
      const res = await createLink({}, key);
      expect(res.status).toBe(400);
      expect(res.body).toEqual(
        dubError("bad_request", "You need to set a domain and url for this program before creating a link."),
      );
    }
  });

  it("400 when neither partnerId nor tenantId is given (empty strings and null count as missing)", async () => {
    for (const body of [{}, { partnerId: "", tenantId: null }]) {
      const res = await createLink(body);
      expect(res.body).toEqual(dubError("bad_request", "Either `partnerId` or `tenantId` must be provided."));
    }
  });

  it("404 Partner not found, by partnerId or tenantId", async () => {
    for (const body of [{ partnerId: "pn_nope" }, { tenantId: "nope" }]) {
      const res = await createLink(body);
      expect(res.status).toBe(404);
      expect(res.body).toEqual(dubError("not_found", "Partner not found."));
    }
  });

  it("404 when the enrollment has no group", async () => {
    const partnerId = await enroll();
    await emulator.updateEnrollment(partnerId, { groupId: null });
    const res = await createLink({ partnerId });
    expect(res.body).toEqual(dubError("not_found", "This partner is not part of a partner group."));
  });

  it("400s of the group's URL rules: none allowed, another domain, not the exact path", async () => {
    const key = workspace("urls", {
      program: {
        groups: [
          { slug: "closed", defaultLinks: [{ domain: "refer.acme.test", url: "https://acme.test" }] },
          {
            slug: "exact",
            defaultLinks: [{ domain: "refer.acme.test", url: "https://acme.test" }],
            additionalLinks: [
              { domain: "acme.test", path: "/Pricing?Plan=1", validationMode: "exact" },
              { domain: "www.acme.test", validationMode: "domain" },
            ],
          },
        ],
      },
    });
    const closed = await enrollIn(key, "closed@example.com");
    const res = await createLink({ partnerId: closed, url: "https://acme.test" }, key);
    expect(res.body).toEqual(dubError("bad_request", "You cannot create additional links for this program."));
    // Without a URL the group's default link is used, and no URL rule applies.
    expect((await createLink({ partnerId: closed }, key)).status).toBe(201);

    const exact = (await createPartner(emulator, { email: "exact@example.com", groupId: "exact" }, key)).body
      .id;
    const other = await createLink({ partnerId: exact, url: "https://Other.test:8443/x" }, key);
    expect(other.body.error.message).toBe(
      "The provided URL's domain (other.test) does not match the program's link domains.",
    );
    const sub = await createLink({ partnerId: exact, url: "https://shop.acme.test/pricing" }, key);
    expect(sub.body.error.message).toBe(
      "The provided URL's domain (shop.acme.test) does not match the program's link domains.",
    );
    const path = await createLink({ partnerId: exact, url: "https://acme.test/pricing?plan=2" }, key);
    expect(path.body).toEqual(
      dubError("bad_request", "The provided URL does not match the URL configured for this program."),
    );
    // The configured path is stored lowercased and compared with the URL's path and query as they are.
    expect(
      (await createLink({ partnerId: exact, url: "https://acme.test/pricing?plan=1" }, key)).status,
    ).toBe(201);
    expect((await createLink({ partnerId: exact, url: "https://www.acme.test/anything" }, key)).status).toBe(
      201,
    );
  });

  it("500, as the server's TypeError, without a URL in a group without default links", async () => {
    const key = workspace("nodefault", {
      program: {
        groups: [{ slug: "empty", additionalLinks: [{ domain: "acme.test", validationMode: "domain" }] }],
      },
    });
    const partnerId = await enrollIn(key);
    const res = await createLink({ partnerId }, key);
    expect(res.status).toBe(500);
    expect(res.body).toEqual({
      error: {
        code: "internal_server_error",
        message: "An internal server error occurred. Please contact our support if the problem persists.",
        doc_url: "https://dub.co/docs/api-reference/errors#internal-server-error",
      },
    });
    expect((await createLink({ partnerId, url: "https://acme.test/x" }, key)).status).toBe(201);
  });

  it("403 when the program's domain is not one of the workspace's", async () => {
    const key = workspace("foreign", { domains: ["go.acme.test"] });
    const partnerId = await enrollIn(key);
    const res = await createLink({ partnerId }, key);
    expect(res.status).toBe(403);
    expect(res.body).toEqual(dubError("forbidden", "Domain does not belong to workspace."));
  });

  it("422 Invalid key., 403 for a reserved key, 409 for a taken one (case-insensitively, `_root` included)", async () => {
    const partnerId = await enroll();
    for (const key of ["has space", "_hidden", ".well-known/x", "index.php", "a.php7", "a?b"]) {
      const res = await createLink({ partnerId, key });
      expect(res.body, key).toEqual(dubError("unprocessable_entity", "Invalid key."));
    }
    const reserved = await createLink({ partnerId, key: "robots.txt" });
    expect(reserved.status).toBe(403);
    expect(reserved.body).toEqual(
      dubError("forbidden", "robots.txt is a reserved path and cannot be used as a short link."),
    );
    expect((await createLink({ partnerId, key: "promo" })).status).toBe(201);
    for (const key of ["promo", "PROMO", "/promo/", "jane-doe", "_root"]) {
      const res = await createLink({ partnerId, key });
      expect(res.status, key).toBe(409);
      expect(res.body).toEqual(dubError("conflict", "Duplicate key: This short link already exists."));
    }
  });

  it("409 for an externalId already used in the workspace (with or without ext_)", async () => {
    const partnerId = await enroll();
    expect((await createLink({ partnerId, linkProps: { externalId: "crm-1" } })).status).toBe(201);
    const res = await createLink({ partnerId, linkProps: { externalId: "ext_crm-1" } });
    expect(res.status).toBe(409);
    expect(res.body).toEqual(
      dubError("conflict", "A link with this externalId already exists in this workspace."),
    );
  });

  it("422 for tags the workspace does not have, listing them", async () => {
    const key = workspace("badtags", { tags: [{ id: "tag_a", name: "alpha" }] });
    const partnerId = await enrollIn(key);
    const ids = await createLink({ partnerId, linkProps: { tagIds: ["tag_a", "tag_x", "tag_y"] } }, key);
    expect(ids.body).toEqual(dubError("unprocessable_entity", "Invalid tagIds detected: tag_x, tag_y"));
    const names = await createLink({ partnerId, linkProps: { tagNames: "alpha,beta" } }, key);
    expect(names.body).toEqual(dubError("unprocessable_entity", "Invalid tagNames detected: beta"));
    // The database finds "ALPHA" (case-insensitive), so the count matches and the link is created.
    expect((await createLink({ partnerId, linkProps: { tagNames: ["ALPHA"] } }, key)).status).toBe(201);
    // A name given twice finds one tag: the counts differ, and no name lacks an exact match.
    const twice = await createLink({ partnerId, linkProps: { tagNames: ["alpha", "alpha"] } }, key);
    expect(twice.body).toEqual(dubError("unprocessable_entity", "Invalid tagNames detected: "));
  });

  it("404 and 403 of the program's default folder", async () => {
    emulator.addWorkspace({ apiKeys: ["dub_elsewhere_key_0000000000"], folders: [{ id: "fold_other" }] });
    const missing = workspace("nofolder", { program: { defaultFolderId: "fold_missing" } });
    const partnerId = await enrollIn(missing);
    expect((await createLink({ partnerId }, missing)).body).toEqual(
      dubError("not_found", "Folder not found."),
    );
    const foreign = workspace("foreignfolder", { program: { defaultFolderId: "fold_other" } });
    const foreignPartner = await enrollIn(foreign);
    expect((await createLink({ partnerId: foreignPartner }, foreign)).body).toEqual(
      dubError("not_found", "Folder does not belong to the workspace."),
    );
    const config = (
      role: "owner" | "member",
      accessLevel: "read" | null,
    ): Omit<WorkspaceConfig, "apiKeys"> => ({
      role,
      folders: [{ id: `fold_${role}_${accessLevel}`, accessLevel }],
      program: { defaultFolderId: `fold_${role}_${accessLevel}` },
    });
    const member = workspace("member", config("member", null));
    const memberPartner = await enrollIn(member);
    const refused = await createLink({ partnerId: memberPartner }, member);
    expect(refused.status).toBe(403);
    expect(refused.body).toEqual(
      dubError("forbidden", "You are not allowed to perform this action on this folder."),
    );
    const reader = workspace("reader", config("member", "read"));
    expect((await createLink({ partnerId: await enrollIn(reader) }, reader)).status).toBe(403);
    const owner = workspace("owner", config("owner", null));
    const created = await createLink({ partnerId: await enrollIn(owner) }, owner);
    expect(created.status).toBe(201);
    expect(created.body.folderId).toBe("fold_owner_null");
  });

  it("422 for dates chrono cannot read, and a 500 for a testStartedAt the database refuses", async () => {
    const partnerId = await enroll();
    const expiry = await createLink({ partnerId, linkProps: { expiresAt: "someday maybe" } });
    expect(expiry.body).toEqual(dubError("unprocessable_entity", "Invalid expiration date."));
    const completion = await createLink({ partnerId, linkProps: { testCompletedAt: "never" } });
    expect(completion.body).toEqual(dubError("unprocessable_entity", "Invalid test completion date."));
    const started = await createLink({ partnerId, linkProps: { testStartedAt: "not a date" } });
    expect(started.status).toBe(500);
    const empty = await createLink({ partnerId, linkProps: { expiresAt: "" } });
    expect(empty.body.expiresAt).toBeNull();
    expect(emulator.links().filter((link) => link.partnerId === partnerId)).toHaveLength(2);
  });

  it("403 for viewers and billing (owner or member only)", async () => {
    for (const role of ["viewer", "billing"] as const) {
      const key = workspace(role, { role });
      const res = await createLink({ partnerId: "pn_x" }, key);
      expect(res.status).toBe(403);
      expect(res.body).toEqual(
        dubError(
          "forbidden",
          "You don't have the required role to access this endpoint. Required role(s): owner, member.",
        ),
      );
    }
  });
});
