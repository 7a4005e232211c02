import { afterEach, describe, expect, it } from "vitest";
import { Dub } from "../dub.js";
import { enrolledPartnerBody, type FixtureServer, startFixtureServer } from "../testing/fixture-server.js";

const token = "dub_test_0123456789abcdefghijklmn";
let server: FixtureServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A server holding `total` partners that pages them the way Dub does: `page` from 1, `pageSize` default 100. */
async function serveDirectory(total: number): Promise<FixtureServer> {
  const all = Array.from({ length: total }, (_, i) =>
    enrolledPartnerBody({ id: `pn_${i}`, partnerId: `pn_${i}`, email: `p${i}@example.com` }),
  );
  server = await startFixtureServer((request) => {
    const query = new URL(request.url, "http://x").searchParams;
    const page = Number(query.get("page") ?? 1);
    const pageSize = Number(query.get("pageSize") ?? 100);
    return { status: 200, body: all.slice((page - 1) * pageSize, page * pageSize) };
  });
  return server;
}

describe("dub.partners.list", () => {
  it("awaits to the first page and sends the query parameters", async () => {
    const fixture = await serveDirectory(30);
    await using dub = new Dub({ token, serverURL: fixture.url });

    const page = await dub.partners.list({
      pageSize: 10,
      status: "approved",
      sortBy: "createdAt",
      sortOrder: "asc",
    });

    expect(page.data).toHaveLength(10);
    expect(page.data[0]?.email).toBe("p0@example.com");
    expect(page.hasNextPage()).toBe(true);
    const query = new URL(fixture.requests[0]?.url ?? "", "http://x").searchParams;
    expect(Object.fromEntries(query)).toEqual({
      pageSize: "10",
      status: "approved",
      sortBy: "createdAt",
      sortOrder: "asc",
      page: "1",
    });
  });

  it("iterates every partner across pages with for await, one request per page", async () => {
    const fixture = await serveDirectory(25);
    await using dub = new Dub({ token, serverURL: fixture.url });

    const emails: string[] = [];
    for await (const partner of dub.partners.list({ pageSize: 10 })) emails.push(partner.email ?? "");

    expect(emails).toHaveLength(25);
    expect(new Set(emails).size).toBe(25);
    expect(fixture.requests.map((r) => new URL(r.url, "http://x").searchParams.get("page"))).toEqual([
      "1",
      "2",
      "3",
    ]);
  });

  it("walks pages with iterPages and stops after an exactly full last page", async () => {
    const fixture = await serveDirectory(20);
    await using dub = new Dub({ token, serverURL: fixture.url });

    const sizes: number[] = [];
    for await (const page of dub.partners.list({ pageSize: 10 }).iterPages()) sizes.push(page.data.length);

    expect(sizes).toEqual([10, 10]);
    expect(fixture.requests).toHaveLength(3);
  });

  it("getNextPage fetches the following page", async () => {
    const fixture = await serveDirectory(15);
    await using dub = new Dub({ token, serverURL: fixture.url });

    const first = await dub.partners.list({ pageSize: 10 });
    const second = await first.getNextPage();

    expect(second.page).toBe(2);
    expect(second.data.map((p) => p.email)).toEqual(
      Array.from({ length: 5 }, (_, i) => `p${i + 10}@example.com`),
    );
    expect(second.hasNextPage()).toBe(false);
  });
});
