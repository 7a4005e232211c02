// dub.partners.list against the emulator: the query it sends, paging by `for await`, `iterPages` and
// `getNextPage`, and the bound on walks a server cannot end.
import { InvalidRequestError, PaginationError, type RequestContext } from "@dubkit/core";
import { type Emulator, startEmulator } from "@dubkit/emulator";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Dub } from "./dub.js";
import { rewritingFetch } from "./testing/rewrite-responses.js";

let emulator: Emulator;
let sent: RequestContext[];

beforeEach(async () => {
  emulator = await startEmulator({ seed: 12 });
  sent = [];
});
afterEach(() => emulator.stop());

/** Enrolls `count` partners p0@example.com… in creation order. */
async function enroll(count: number): Promise<void> {
  await using dub = new Dub({ token: emulator.apiKey, serverURL: emulator.url });
  for (let i = 0; i < count; i++) await dub.partners.create({ email: `p${i}@example.com` });
}

function client(options: ConstructorParameters<typeof Dub>[0] = {}) {
  return new Dub({
    token: emulator.apiKey,
    serverURL: emulator.url,
    hooks: { beforeRequest: (context) => void sent.push(context) },
    ...options,
  });
}

const pageOf = (context: RequestContext | undefined) => new URL(context?.url ?? "").searchParams.get("page");

describe("dub.partners.list", () => {
  it("awaits to the first page and sends the query parameters", async () => {
    await enroll(30);
    await using dub = client();
    const page = await dub.partners.list({
      pageSize: 10,
      status: "approved",
      sortBy: "createdAt",
      sortOrder: "asc",
    });

    expect(page.data).toHaveLength(10);
    expect(page.data[0]?.email).toBe("p0@example.com");
    expect(page.hasNextPage()).toBe(true);
    expect(Object.fromEntries(new URL(sent[0]?.url ?? "").searchParams)).toEqual({
      pageSize: "10",
      status: "approved",
      sortBy: "createdAt",
      sortOrder: "asc",
      page: "1",
    });
  });

  it("refuses a query that is not an object (null, a string, an array) with InvalidRequestError, sending nothing", async () => {
    await using dub = client();
    for (const query of [null, "status=approved", ["approved"], 5]) {
      await expect(dub.partners.list(query as never)).rejects.toBeInstanceOf(InvalidRequestError);
    }
    expect(sent).toEqual([]);
  });

  it("iterates every partner across pages with for await, one request per page", async () => {
    await enroll(25);
    await using dub = client();
    const emails: string[] = [];
    for await (const partner of dub.partners.list({ pageSize: 10, sortBy: "createdAt", sortOrder: "asc" })) {
      emails.push(partner.email ?? "");
    }

    expect(emails).toEqual(Array.from({ length: 25 }, (_, i) => `p${i}@example.com`));
    expect(sent.map(pageOf)).toEqual(["1", "2", "3"]);
  });

  it("walks pages with iterPages and stops after an exactly full last page", async () => {
    await enroll(20);
    await using dub = client();
    const sizes: number[] = [];
    for await (const page of dub.partners.list({ pageSize: 10 }).iterPages()) sizes.push(page.data.length);

    expect(sizes).toEqual([10, 10]);
    expect(sent).toHaveLength(3);
  });

  it("getNextPage fetches the following page", async () => {
    await enroll(15);
    await using dub = client();
    const first = await dub.partners.list({ pageSize: 10, sortBy: "createdAt", sortOrder: "asc" });
    const second = await first.getNextPage();

    expect(second.page).toBe(2);
    expect(second.data.map((p) => p.email)).toEqual(
      Array.from({ length: 5 }, (_, i) => `p${i + 10}@example.com`),
    );
    expect(second.hasNextPage()).toBe(false);
  });

  it("stops with PaginationError when a proxy drops the query and every page comes back the same", async () => {
    await enroll(150);
    // The proxy forwards the path only: the server answers page 1 (100 partners) to every request.
    await using dub = client({ fetch: rewritingFetch({ url: (url) => url.split("?")[0] ?? url }) });
    const seen: string[] = [];
    const error = await (async () => {
      for await (const partner of dub.partners.list()) seen.push(partner.id);
    })().catch((e: unknown) => e);

    expect(PaginationError.isInstance(error)).toBe(true);
    expect((error as PaginationError).page).toBe(2);
    expect((error as Error).message).toMatch(/Page 2 came back with the same items as page 1/);
    expect(seen).toHaveLength(100);
    expect(sent).toHaveLength(2);
  });

  it("stops with PaginationError when full pages of new items never end", async () => {
    let counter = 0;
    let template: Record<string, unknown> | undefined;
    // Every page is full of partners never seen before: a server that would be walked forever.
    await emulator.stop();
    emulator = await startEmulator({ seed: 12, rateLimit: false });
    await enroll(1);
    await using dub = client({
      fetch: rewritingFetch({
        body: (body) => {
          template ??= (body as Record<string, unknown>[])[0];
          return [{ ...template, id: `pn_generated_${counter++}` }];
        },
      }),
    });
    let pages = 0;
    const error = await (async () => {
      for await (const _ of dub.partners.list({ pageSize: 1 }).iterPages()) pages++;
    })().catch((e: unknown) => e);

    expect((error as Error).message).toMatch(/Stopped after 10000 pages/);
    expect(PaginationError.isInstance(error)).toBe(true);
    expect(pages).toBe(10_000);
  }, 120_000);
});
