import { PassThrough } from "node:stream";
import { text } from "node:stream/consumers";
import pc from "picocolors";
import { describe, expect, it } from "vitest";
import { createRecordWriter } from "./output/record-writer.js";
import { type PagedSource, printPages } from "./paged-listing.js";
import type { Terminal } from "./terminal.js";

type Item = { id: string };
const ITEMS: Item[] = Array.from({ length: 5 }, (_, i) => ({ id: `pga_${i + 1}` }));

/** A page-numbered source over ITEMS that records what it was asked for. */
function source(page: number, pageSize: number, all = false) {
  const asked: Array<[number, number]> = [];
  const paged: PagedSource<Item> = {
    fetchPage: async (n, size) => {
      asked.push([n, size]);
      return ITEMS.slice((n - 1) * size, n * size);
    },
    page,
    pageSize,
    all,
    idOf: (item) => item.id,
    noun: "pending applications",
  };
  return { paged, asked };
}

async function print(paged: PagedSource<Item>) {
  const out = new PassThrough();
  const err = new PassThrough();
  const printed = text(out);
  const said = text(err);
  const writer = createRecordWriter<Item>({
    format: "tsv",
    columns: [{ header: "id", value: (item) => item.id }],
    out,
    colors: pc.createColors(false),
  });
  await printPages(paged, writer, "tsv", { stdout: out, stderr: err } as unknown as Terminal);
  out.end();
  err.end();
  return { stdout: await printed, stderr: await said };
}

describe("printPages", () => {
  it("says another page follows a full page only when one item does, asking for just that item", async () => {
    const full = source(1, 2);
    expect(await print(full.paged)).toEqual({
      stdout: "pga_1\npga_2\n",
      stderr: "More pending applications: add --page 2, or --all for every page.\n",
    });
    expect(full.asked).toEqual([
      [1, 2],
      [3, 1],
    ]);
    const last = source(1, 5);
    expect((await print(last.paged)).stderr).toBe("");
    expect(last.asked).toEqual([
      [1, 5],
      [6, 1],
    ]);
    const short = source(2, 3);
    expect(await print(short.paged)).toEqual({ stdout: "pga_4\npga_5\n", stderr: "" });
    expect(short.asked).toEqual([[2, 3]]);
  });

  it("walks every page from the first one asked for with --all", async () => {
    const all = source(2, 2, true);
    expect((await print(all.paged)).stdout).toBe("pga_3\npga_4\npga_5\n");
    expect(all.asked).toEqual([
      [2, 2],
      [3, 2],
    ]);
  });
});
