// Page-number pagination as Dub's list endpoints do it: a page is full when it holds `pageSize` items, and the
// next page is the same query with `page + 1`. A page can be awaited, walked page by page, or iterated item by item.
// Every walk is bounded: it stops with a PaginationError when a page repeats the one before it (the server is not
// applying `page`) or after MAX_PAGES pages, instead of requesting forever.

import { PaginationError } from "@dubkit/core";

/** How a list operation fetches one page; the page number starts at 1. */
export type FetchPage<TItem> = (page: number) => Promise<TItem[]>;

/** An item's identity, to tell a new page from a repeated one. */
export type Identify<TItem> = (item: TItem) => string;

/** The most pages one walk requests: 1,000,000 items at Dub's page size of 100. */
export const MAX_PAGES = 10_000;

function sameItems<TItem>(a: TItem[], b: TItem[], identify: Identify<TItem>): boolean {
  return a.length === b.length && a.every((item, index) => identify(item) === identify(b[index] as TItem));
}

/** One page of results, which also knows how to fetch the pages after it. */
export class Page<TItem> implements AsyncIterable<TItem> {
  constructor(
    /** The items of this page. */
    readonly data: TItem[],
    /** This page's number (1-based). */
    readonly page: number,
    /** The page size the server applied. */
    readonly pageSize: number,
    private readonly fetchPage: FetchPage<TItem>,
    private readonly identify: Identify<TItem>,
  ) {}

  /** Whether another page may follow: the server filled this one. */
  hasNextPage(): boolean {
    return this.data.length >= this.pageSize;
  }

  /** Fetches the next page (an empty page when there is none). */
  async getNextPage(): Promise<Page<TItem>> {
    const next = this.page + 1;
    const data = this.hasNextPage() ? await this.fetchPage(next) : [];
    return new Page(data, next, this.pageSize, this.fetchPage, this.identify);
  }

  /**
   * Yields this page, then every following page, fetching one at a time.
   *
   * @throws PaginationError when a page holds the same items as the page before it, or after 10,000 pages.
   */
  async *iterPages(): AsyncGenerator<Page<TItem>, void, undefined> {
    let current: Page<TItem> = this;
    yield current;
    for (let walked = 1; current.hasNextPage(); walked++) {
      if (walked >= MAX_PAGES) {
        throw new PaginationError(
          `Stopped after ${MAX_PAGES} pages of ${current.pageSize}: the server keeps returning full pages. ` +
            "Narrow the query (filters) to walk fewer items.",
          { page: current.page },
        );
      }
      const next = await current.getNextPage();
      if (next.data.length === 0) return;
      if (sameItems(next.data, current.data, this.identify)) {
        throw new PaginationError(
          `Page ${next.page} came back with the same items as page ${current.page}: the server (or a proxy in front ` +
            "of it) is not applying the `page` parameter, so walking further would never end.",
          { page: next.page },
        );
      }
      current = next;
      yield current;
    }
  }

  /** Yields every item of this page and of every following page. */
  async *[Symbol.asyncIterator](): AsyncGenerator<TItem, void, undefined> {
    for await (const page of this.iterPages()) yield* page.data;
  }
}

/**
 * The result of a list call: await it for the first page, or `for await` over it for every item of every page.
 * The first request starts when it is first awaited or iterated.
 */
export class PagePromise<TItem> implements PromiseLike<Page<TItem>>, AsyncIterable<TItem> {
  private promise: Promise<Page<TItem>> | undefined;

  constructor(
    private readonly firstPage: number,
    private readonly pageSize: number,
    private readonly fetchPage: FetchPage<TItem>,
    private readonly identify: Identify<TItem>,
  ) {}

  private load(): Promise<Page<TItem>> {
    this.promise ??= this.fetchPage(this.firstPage).then(
      (data) => new Page(data, this.firstPage, this.pageSize, this.fetchPage, this.identify),
    );
    return this.promise;
  }

  // biome-ignore lint/suspicious/noThenProperty: a PagePromise is awaitable by design; `await dub.partners.list()` is the API.
  then<TResult1 = Page<TItem>, TResult2 = never>(
    onfulfilled?: ((value: Page<TItem>) => TResult1 | PromiseLike<TResult1>) | null,
    onrejected?: ((reason: unknown) => TResult2 | PromiseLike<TResult2>) | null,
  ): Promise<TResult1 | TResult2> {
    return this.load().then(onfulfilled, onrejected);
  }

  catch<TResult = never>(
    onrejected?: ((reason: unknown) => TResult | PromiseLike<TResult>) | null,
  ): Promise<Page<TItem> | TResult> {
    return this.load().catch(onrejected);
  }

  finally(onfinally?: (() => void) | null): Promise<Page<TItem>> {
    return this.load().finally(onfinally);
  }

  /** Yields every page, starting with the first. See {@link Page.iterPages}. */
  async *iterPages(): AsyncGenerator<Page<TItem>, void, undefined> {
    yield* (await this.load()).iterPages();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<TItem, void, undefined> {
    yield* await this.load();
  }
}
