// `dubkit partners list`: one page, or every page with `--all`, in any listing format.

import { type ApiClient, openApiClient } from "../api-client.js";
import { ExitCode } from "../exit-codes.js";
import { type GlobalOptions, parseCount } from "../global-options.js";
import { type ListingFlags, openListing } from "../output/listing-output.js";
import { isJsonFormat } from "../output/output-format.js";
import { walkPages } from "../page-walk.js";
import { PARTNER_COLUMNS, PARTNER_EXPORT_COLUMNS, type PartnerLike } from "../partner-view.js";
import type { Terminal } from "../terminal.js";

/** `partners list` options. */
export interface ListOptions extends ListingFlags {
  groupId?: string;
  status?: string;
  country?: string;
  sortBy?: string;
  sortOrder?: string;
  email?: string;
  tenantId?: string;
  search?: string;
  page?: string;
  pageSize?: string;
  all?: boolean;
}

/** Dub's page size when none is asked for. */
export const DEFAULT_PAGE_SIZE = 100;

/** Builds the query from the flags. */
export function buildListQuery(options: ListOptions): Record<string, string | number> {
  const query: Record<string, string | number> = {};
  for (const key of [
    "groupId",
    "status",
    "country",
    "sortBy",
    "sortOrder",
    "email",
    "tenantId",
    "search",
  ] as const) {
    const value = options[key];
    if (value !== undefined) query[key] = value;
  }
  const page = parseCount("--page", options.page, 1);
  if (page !== undefined) query.page = page;
  const pageSize = parseCount("--page-size", options.pageSize, 1);
  if (pageSize !== undefined) query.pageSize = pageSize;
  return query;
}

type Query = Parameters<ApiClient["dub"]["partners"]["list"]>[0];

/** Fetches one page of partners. */
export async function fetchPartners(
  client: ApiClient,
  query: Record<string, string | number>,
): Promise<PartnerLike[]> {
  return (await client.dub.partners.list(query as Query)).data;
}

/**
 * Whether partners follow a full page. Asks for the one partner after it (page size 1 at page
 * `page × size + 1` starts exactly there), so a full last page costs one tiny request, a page that
 * is not full costs none, and the page itself is never re-fetched or padded.
 */
async function morePartnersAfter(
  client: ApiClient,
  query: Record<string, string | number>,
  page: number,
  size: number,
) {
  return (await fetchPartners(client, { ...query, page: page * size + 1, pageSize: 1 })).length > 0;
}

/** Runs the command; returns the exit code. */
export async function partnersList(
  options: ListOptions,
  globals: GlobalOptions,
  terminal: Terminal,
): Promise<number> {
  const query = buildListQuery(options);
  const { format, writer } = openListing(
    { columns: PARTNER_COLUMNS, csvColumns: PARTNER_EXPORT_COLUMNS },
    options,
    globals,
    terminal,
    options.all === true,
  );
  const page = Number(query.page ?? 1);
  const pageSize = Number(query.pageSize ?? DEFAULT_PAGE_SIZE);
  const client = await openApiClient(globals, terminal);
  let more = false;
  try {
    if (options.all) {
      const pages = walkPages({
        fetchPage: (n) => fetchPartners(client, { ...query, page: n, pageSize }),
        pageSize,
        firstPage: page,
        idOf: (partner: PartnerLike) => partner.id ?? JSON.stringify(partner),
        noun: "partners",
      });
      for await (const partners of pages) await writer.write(partners);
    } else {
      const partners = await fetchPartners(client, query);
      await writer.write(partners);
      more = partners.length >= pageSize && (await morePartnersAfter(client, query, page, pageSize));
    }
    await writer.end();
  } catch (error) {
    await writer.abort();
    throw error;
  } finally {
    await client.close();
  }
  if (!isJsonFormat(format)) {
    if (writer.count === 0 && format === "table") terminal.stderr.write("No partners found.\n");
    if (more) terminal.stderr.write(`More partners: add --page ${page + 1}, or --all for every page.\n`);
  }
  return ExitCode.ok;
}
