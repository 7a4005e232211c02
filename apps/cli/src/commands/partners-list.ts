// `dubkit partners list`: one page, or every page with `--all`, in any listing format.

import { type ApiClient, openApiClient } from "../api-client.js";
import { ExitCode } from "../exit-codes.js";
import { type GlobalOptions, parseCount } from "../global-options.js";
import { type ListingFlags, openListing } from "../output/listing-output.js";
import { printPages } from "../paged-listing.js";
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
  const client = await openApiClient(globals, terminal);
  try {
    await printPages(
      {
        fetchPage: (page, pageSize) => fetchPartners(client, { ...query, page, pageSize }),
        page: Number(query.page ?? 1),
        pageSize: Number(query.pageSize ?? DEFAULT_PAGE_SIZE),
        all: options.all === true,
        idOf: (partner: PartnerLike) => partner.id ?? JSON.stringify(partner),
        noun: "partners",
      },
      writer,
      format,
      terminal,
    );
  } finally {
    await client.close();
  }
  return ExitCode.ok;
}
