// Prints a page-numbered listing (partners, applications): one page, or every page with `--all`, through the
// listing's writer, then says on stderr when there is nothing, or when another page follows the one printed.

import type { OutputFormat } from "./output/output-format.js";
import { isJsonFormat } from "./output/output-format.js";
import type { RecordWriter } from "./output/record-writer.js";
import { walkPages } from "./page-walk.js";
import type { Terminal } from "./terminal.js";

/** A page-numbered endpoint and how the command asked for it. */
export interface PagedSource<T> {
  fetchPage(page: number, pageSize: number): Promise<T[]>;
  /** The first page to print (`--page`, default 1). */
  page: number;
  pageSize: number;
  /** Walk every page from `page` (`--all`). */
  all: boolean;
  /** An item's identity, to notice a server that answers the same page twice. */
  idOf(item: T): string;
  /** The plural noun for messages, e.g. "partners". */
  noun: string;
}

/**
 * Whether items follow a full page. Asks for the one item after it (page size 1 at page `page × size + 1` starts
 * exactly there), so a full last page costs one tiny request, a page that is not full costs none, and the page itself
 * is never re-fetched or padded.
 */
async function moreAfter<T>(source: PagedSource<T>): Promise<boolean> {
  return (await source.fetchPage(source.page * source.pageSize + 1, 1)).length > 0;
}

/** Prints the listing; on failure, a JSON array not yet printed is never printed. */
export async function printPages<T>(
  source: PagedSource<T>,
  writer: RecordWriter<T>,
  format: OutputFormat,
  terminal: Terminal,
): Promise<void> {
  let more = false;
  try {
    if (source.all) {
      const pages = walkPages({
        fetchPage: (n) => source.fetchPage(n, source.pageSize),
        pageSize: source.pageSize,
        firstPage: source.page,
        idOf: source.idOf,
        noun: source.noun,
      });
      for await (const items of pages) await writer.write(items);
    } else {
      const items = await source.fetchPage(source.page, source.pageSize);
      await writer.write(items);
      more = items.length >= source.pageSize && (await moreAfter(source));
    }
    await writer.end();
  } catch (error) {
    await writer.abort();
    throw error;
  }
  if (isJsonFormat(format)) return;
  if (writer.count === 0 && format === "table") terminal.stderr.write(`No ${source.noun} found.\n`);
  if (more)
    terminal.stderr.write(`More ${source.noun}: add --page ${source.page + 1}, or --all for every page.\n`);
}
