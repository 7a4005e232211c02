// GET /partners/analytics over HTTP (§7): the per-second analytics bucket (before the plan check), any role, the
// query's 422s, the partner lookup and its messages, and the answers from the links' stored counters.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startEmulator } from "./emulator.js";
import { call, createPartner, dubError } from "./http-test-client.js";
import type { Emulator } from "./options.js";

const NOW = Date.UTC(2026, 7, 21, 15, 30, 0, 250);
let now: number;
let emulator: Emulator;
beforeEach(async () => {
  now = NOW;
  emulator = await startEmulator({ seed: 53, clock: () => now });
});
afterEach(() => emulator.stop());

/** Each call in its own second, so the 4-per-second bucket never refuses a test that is not about it. */
async function analytics(query: string, key?: string) {
  now += 1_000;
  return call(emulator, "GET", `/partners/analytics${query}`, key === undefined ? {} : { key });
}

/** Jane with two links carrying counters, and her id. */
async function janeWithStats(): Promise<{ partnerId: string; linkIds: string[] }> {
  const jane = (
    await createPartner(emulator, { email: "jane@example.com", name: "Jane", tenantId: "t-jane" })
  ).body;
  const promo = (
    await call(emulator, "POST", "/partners/links", { body: { partnerId: jane.id, key: "promo" } })
  ).body;
  await emulator.setLinkStats(jane.links[0].id, {
    clicks: 10,
    leads: 2,
    conversions: 1,
    sales: 1,
    saleAmount: 2_500,
  });
  await emulator.setLinkStats(promo.id, { clicks: 30, leads: 5, sales: 3, saleAmount: 9_000 });
  return { partnerId: jane.id, linkIds: [jane.links[0].id, promo.id] };
}

describe("groupBy=count", () => {
  it("sums the links' counters for the default call (the fast path, as it was meant to answer)", async () => {
    const { partnerId } = await janeWithStats();
    const expected = { clicks: 40, leads: 7, sales: 4, saleAmount: 11_500, earnings: 0 };
    for (const query of [
      `?partnerId=${partnerId}`,
      "?tenantId=t-jane&interval=all&timezone=UTC&groupBy=count",
    ]) {
      const res = await analytics(query);
      expect(res.status).toBe(200);
      expect(res.body).toEqual(expected);
      expect(Object.keys(res.body)).toEqual(["clicks", "leads", "sales", "saleAmount", "earnings"]);
      expect(res.headers.get("x-ratelimit-limit")).toBeNull();
    }
  });

  it("answers zeros for any other window, which holds no recorded events", async () => {
    const { partnerId } = await janeWithStats();
    for (const extra of [
      "&interval=30d",
      "&start=2026-01-01",
      "&end=2026-08-01",
      "&query=metadata['plan']:'pro'",
    ]) {
      const res = await analytics(`?partnerId=${partnerId}${extra}`);
      expect(res.body, extra).toEqual({ clicks: 0, leads: 0, sales: 0, saleAmount: 0, earnings: 0 });
    }
  });

  it("answers zeros for a partner without links (where the server's SQL would fail)", async () => {
    emulator.addWorkspace({
      apiKeys: ["dub_bare_key_0000000000000"],
      program: { groups: [{ slug: "bare" }] },
    });
    const key = "dub_bare_key_0000000000000";
    const partner = (await createPartner(emulator, { email: "a@example.com" }, key)).body;
    const res = await analytics(`?partnerId=${partner.id}`, key);
    expect(res.body).toEqual({ clicks: 0, leads: 0, sales: 0, saleAmount: 0, earnings: 0 });
  });
});

describe("groupBy=timeseries", () => {
  it("lists every bucket of the window, zero-filled, labelled in the time zone", async () => {
    const { partnerId } = await janeWithStats();
    const res = await analytics(
      `?partnerId=${partnerId}&groupBy=timeseries&interval=30d&timezone=Europe/Berlin`,
    );
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(31);
    expect(res.body[0]).toEqual({
      start: "2026-07-22T00:00:00.000+0200",
      clicks: 0,
      leads: 0,
      sales: 0,
      saleAmount: 0,
      earnings: 0,
    });
    expect(res.body.at(-1).start).toBe("2026-08-21T00:00:00.000+0200");
  });

  it("defaults to the whole history by month, and reads an unknown time zone as UTC", async () => {
    const { partnerId } = await janeWithStats();
    const res = await analytics(`?partnerId=${partnerId}&groupBy=timeseries&timezone=Mars/Olympus`);
    expect(res.body[0].start).toBe("2022-09-01T00:00:00.000+0000");
    expect(res.body).toHaveLength(48);
  });

  it("reads start and end as the server does (natural language too)", async () => {
    const { partnerId } = await janeWithStats();
    const res = await analytics(`?partnerId=${partnerId}&groupBy=timeseries&start=Aug 3 2026&end=2026-08-04`);
    expect(res.body).toHaveLength(48);
    expect(res.body[0].start).toBe("2026-08-03T00:00:00.000+0000");
  });
});

describe("groupBy=top_links", () => {
  it("lists every link of the partner, most-clicked first, with its stored counters", async () => {
    const { partnerId, linkIds } = await janeWithStats();
    const res = await analytics(`?partnerId=${partnerId}&groupBy=top_links&interval=7d`);
    expect(res.status).toBe(200);
    expect(res.body.map((row: { id: string }) => row.id)).toEqual([linkIds[1], linkIds[0]]);
    const [top] = res.body;
    expect(Object.keys(top)).toEqual([
      "link",
      "id",
      "domain",
      "key",
      "shortLink",
      "url",
      "title",
      "comments",
      "folderId",
      "partnerId",
      "createdAt",
      "clicks",
      "leads",
      "sales",
      "saleAmount",
      "earnings",
    ]);
    expect(top).toMatchObject({
      link: linkIds[1],
      key: "promo",
      shortLink: "https://refer.acme.test/promo",
      partnerId,
      clicks: 30,
      leads: 5,
      sales: 3,
      saleAmount: 9_000,
      earnings: 0,
    });
  });
});

describe("errors", () => {
  it("Program not found, then the query's 422s", async () => {
    emulator.addWorkspace({ apiKeys: ["dub_noprogram_key_00000000"], program: null });
    expect((await analytics("?groupBy=nope", "dub_noprogram_key_00000000")).body).toEqual(
      dubError("not_found", "Program not found"),
    );
    const cases: [string, string][] = [
      [
        "?groupBy=nope",
        'invalid_value: groupBy: Invalid option: expected one of "top_links"|"timeseries"|"count"',
      ],
      [
        "?interval=1w",
        'invalid_value: interval: Invalid option: expected one of "24h"|"7d"|"30d"|"90d"|"1y"|"mtd"|"qtd"|"ytd"|"all"',
      ],
      ["?start=whenever", "custom: start: Invalid date"],
      ["?start=2022-09-21", "custom: start: The start date cannot be earlier than September 22, 2022."],
      ["?start=2024-01-01&end=!!", "custom: end: Invalid date"],
      [`?query=${"q".repeat(10_001)}`, "too_big: query: Too big: expected string to have <=10000 characters"],
    ];
    for (const [query, message] of cases) {
      const res = await analytics(query);
      expect(res.status, query.slice(0, 40)).toBe(422);
      expect(res.body).toEqual(dubError("unprocessable_entity", message));
    }
  });

  it("the missing partner, then the not-enrolled messages (with the empty-partnerId double space)", async () => {
    expect((await analytics("")).body).toEqual(
      dubError("bad_request", "Either `partnerId` or `tenantId` must be provided."),
    );
    const cases: [string, string][] = [
      ["?partnerId=pn_nope", "The partner with partnerId pn_nope is not enrolled in your program."],
      ["?tenantId=t-nope", "The partner with tenantId t-nope is not enrolled in your program."],
      ["?partnerId=&tenantId=t-nope", "The partner with tenantId  is not enrolled in your program."],
    ];
    for (const [query, message] of cases) {
      const res = await analytics(query);
      expect(res.status).toBe(404);
      expect(res.body).toEqual(dubError("not_found", message));
    }
  });
});

describe("access", () => {
  it("allows any role, viewers and billing included", async () => {
    const { partnerId } = await janeWithStats();
    for (const role of ["viewer", "billing"] as const) {
      emulator.addWorkspace({ apiKeys: [`dub_${role}_key_00000000000`], role });
    }
    // Another workspace's program does not hold Jane: its own 404, not a role error.
    const res = await analytics(`?partnerId=${partnerId}`, "dub_viewer_key_00000000000");
    expect(res.body.error.message).toBe(
      `The partner with partnerId ${partnerId} is not enrolled in your program.`,
    );
    expect((await analytics(`?partnerId=${partnerId}`, "dub_billing_key_00000000000")).status).toBe(404);
  });

  it("limits business keys to 4 requests a second, with the second's end as the reset", async () => {
    const { partnerId } = await janeWithStats();
    now = Date.UTC(2026, 7, 21, 16, 0, 0, 100);
    const statuses: number[] = [];
    let last: Awaited<ReturnType<typeof call>> | undefined;
    for (let i = 0; i < 5; i++) {
      last = await call(emulator, "GET", `/partners/analytics?partnerId=${partnerId}`);
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
    expect(last?.body).toEqual(dubError("rate_limit_exceeded", "Too many requests."));
    const reset = String(Date.UTC(2026, 7, 21, 16, 0, 1));
    expect(last?.headers.get("x-ratelimit-limit")).toBe("4");
    expect(last?.headers.get("x-ratelimit-reset")).toBe(reset);
    expect(last?.headers.get("retry-after")).toBe(reset);
    // The per-minute bucket is separate: other routes still answer.
    expect((await call(emulator, "GET", `/partners/links?partnerId=${partnerId}`)).status).toBe(200);
    now += 2_000;
    expect((await call(emulator, "GET", `/partners/analytics?partnerId=${partnerId}`)).status).toBe(200);
  });

  it("limits trial keys to 2 a second, and refuses free keys with 429 before the plan check", async () => {
    emulator.addWorkspace({ apiKeys: ["dub_trial_key_000000000000"], trial: true });
    emulator.addWorkspace({ apiKeys: ["dub_free_key_0000000000000"], plan: "free" });
    emulator.addWorkspace({ apiKeys: ["dub_pro_key_00000000000000"], plan: "pro" });
    now = Date.UTC(2026, 7, 21, 17, 0, 0, 0);
    const trial = [];
    for (let i = 0; i < 3; i++)
      trial.push(
        (await call(emulator, "GET", "/partners/analytics", { key: "dub_trial_key_000000000000" })).status,
      );
    expect(trial).toEqual([400, 400, 429]);
    const free = await call(emulator, "GET", "/partners/analytics", { key: "dub_free_key_0000000000000" });
    expect(free.status).toBe(429);
    expect(free.headers.get("x-ratelimit-limit")).toBe("0");
    const pro = await call(emulator, "GET", "/partners/analytics", { key: "dub_pro_key_00000000000000" });
    expect(pro.body).toEqual(dubError("forbidden", "Unauthorized: Need higher plan."));
  });
});
