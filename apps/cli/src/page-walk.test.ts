import { describe, expect, it } from "vitest";
import { CliError } from "./cli-error.js";
import { walkPages } from "./page-walk.js";

type Item = { id: string };
const items = (from: number, count: number): Item[] =>
  Array.from({ length: count }, (_, i) => ({ id: `pn_${from + i}` }));

async function collect(walk: Parameters<typeof walkPages<Item>>[0]) {
  const pages: Item[][] = [];
  for await (const page of walkPages(walk)) pages.push(page);
  return pages;
}

const base = { pageSize: 3, idOf: (item: Item) => item.id, noun: "partners" };

describe("walkPages", () => {
  it("walks until a page is not full, and stops on an empty page after a full one", async () => {
    const short = await collect({
      ...base,
      fetchPage: async (n) => (n < 3 ? items(n * 10, 3) : items(n * 10, 1)),
    });
    expect(short.map((page) => page.length)).toEqual([3, 3, 1]);
    const requested: number[] = [];
    const exact = await collect({
      ...base,
      fetchPage: async (n) => {
        requested.push(n);
        return n < 3 ? items(n * 10, 3) : [];
      },
    });
    expect(exact.map((page) => page.length)).toEqual([3, 3]);
    expect(requested).toEqual([1, 2, 3]);
  });

  it("starts at firstPage", async () => {
    const requested: number[] = [];
    await collect({
      ...base,
      firstPage: 4,
      fetchPage: async (n) => {
        requested.push(n);
        return [];
      },
    });
    expect(requested).toEqual([4]);
  });

  it("stops with exit 7 when the server answers the same page again", async () => {
    const seen: Item[][] = [];
    const error = await (async () => {
      for await (const page of walkPages({ ...base, fetchPage: async () => items(0, 3) })) seen.push(page);
    })().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CliError);
    expect(error).toMatchObject({ exitCode: 7, code: "repeated_page" });
    expect((error as Error).message).toContain("page 1 again as page 2");
    expect(seen).toHaveLength(1);
  });

  it("stops with exit 1 after maxPages full pages", async () => {
    const error = await collect({ ...base, maxPages: 5, fetchPage: async (n) => items(n * 10, 3) }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ exitCode: 1, code: "too_many_pages" });
    expect((error as Error).message).toBe(
      "Stopped after 5 pages (15 partners): the API kept returning full pages.",
    );
  });
});
