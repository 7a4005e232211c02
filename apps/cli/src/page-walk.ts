// Walks a page-numbered listing to its end, with a bound: a server that answers the same page again
// (a page parameter it ignores) or never stops filling pages ends the walk with an error instead of
// looping forever.

import { CliError } from "./cli-error.js";
import { ExitCode } from "./exit-codes.js";
import { plural } from "./plural.js";

/**
 * Pages walked at most. At the largest page size (100) that is 10 million items, beyond any program
 * Dub serves today; the bound exists so a misbehaving server cannot keep a job running forever.
 */
export const MAX_PAGES = 100_000;

/** What a walk needs: a page fetcher, the page size the server fills, where to start. */
export interface PageWalk<T> {
  fetchPage(page: number): Promise<T[]>;
  /** A page with fewer items than this is the last. */
  pageSize: number;
  firstPage?: number;
  /** Default {@link MAX_PAGES}. */
  maxPages?: number;
  /** An item's identity; a page whose first item was the first of an earlier page is a repeat. */
  idOf(item: T): string;
  /** The plural noun for messages, e.g. "partners". */
  noun: string;
}

/** Yields every non-empty page, in order. */
export async function* walkPages<T>(walk: PageWalk<T>): AsyncGenerator<T[], void, undefined> {
  const maxPages = walk.maxPages ?? MAX_PAGES;
  const firstOf = new Map<string, number>();
  let total = 0;
  let walked = 0;
  for (let page = walk.firstPage ?? 1; ; page++) {
    if (walked === maxPages) {
      throw new CliError(
        `Stopped after ${plural(maxPages, "page")} (${total.toLocaleString("en-US")} ${walk.noun}): the API kept returning full pages.`,
        ExitCode.failure,
        {
          code: "too_many_pages",
          hint: "Narrow the listing with filters (e.g. --status, --group-id, --country).",
        },
      );
    }
    const items = await walk.fetchPage(page);
    walked++;
    if (items.length === 0) return;
    const first = walk.idOf(items[0] as T);
    const seen = firstOf.get(first);
    if (seen !== undefined) {
      throw new CliError(
        `The API returned page ${seen} again as page ${page} (both start with ${first}); stopped after ${total.toLocaleString("en-US")} ${walk.noun} rather than loop.`,
        ExitCode.server,
        {
          code: "repeated_page",
          hint: "The server ignores the page parameter; try again later or report it.",
        },
      );
    }
    firstOf.set(first, page);
    total += items.length;
    yield items;
    if (items.length < walk.pageSize) return;
  }
}
