// `dubkit partners list`: one page, or every page with `--all`, as a table or JSON.

import { openApiClient } from "../api-client.js";
import { ExitCode } from "../exit-codes.js";
import { type GlobalOptions, parseCount } from "../global-options.js";
import { formatPartnerTable, type PartnerLike } from "../partner-view.js";
import { colorsFor, type Terminal } from "../terminal.js";

/** `partners list` options. */
export interface ListOptions {
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
  json?: boolean;
}

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

/** Runs the command; returns the exit code. */
export async function partnersList(
  options: ListOptions,
  globals: GlobalOptions,
  terminal: Terminal,
): Promise<number> {
  const query = buildListQuery(options);
  const client = await openApiClient(globals, terminal);
  const out = terminal.stdout;
  try {
    type Query = Parameters<typeof client.dub.partners.list>[0];
    if (options.all) {
      // Streamed item by item, so `--all` on a large program never holds every partner at once.
      let count = 0;
      const rows: PartnerLike[] = [];
      if (options.json) out.write("[");
      for await (const partner of client.dub.partners.list(query as Query)) {
        if (options.json) out.write(`${count === 0 ? "\n" : ",\n"}${JSON.stringify(partner)}`);
        else rows.push(partner);
        count++;
      }
      if (options.json) out.write(count === 0 ? "]\n" : "\n]\n");
      else printTable(rows, globals, terminal);
      return ExitCode.ok;
    }
    const page = await client.dub.partners.list(query as Query);
    if (options.json) {
      out.write(`${JSON.stringify(page.data, null, 2)}\n`);
    } else {
      printTable(page.data, globals, terminal);
      if (page.hasNextPage()) {
        terminal.stderr.write(`More partners: add --page ${Number(query.page ?? 1) + 1} or --all.\n`);
      }
    }
    return ExitCode.ok;
  } finally {
    await client.close();
  }
}

function printTable(partners: readonly PartnerLike[], globals: GlobalOptions, terminal: Terminal): void {
  if (partners.length === 0) {
    terminal.stderr.write("No partners found.\n");
    return;
  }
  const c = colorsFor(globals.color, terminal.env, terminal.stdout);
  terminal.stdout.write(`${formatPartnerTable(partners, c)}\n`);
}
