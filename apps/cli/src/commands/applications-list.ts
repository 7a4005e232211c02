// `dubkit partners applications list`: the pending applications, one page or every page, in any listing format.

import { openApiClient } from "../api-client.js";
import {
  APPLICATION_COLUMNS,
  APPLICATION_EXPORT_COLUMNS,
  type ApplicationLike,
} from "../application-view.js";
import { ExitCode } from "../exit-codes.js";
import { type GlobalOptions, parseCount } from "../global-options.js";
import { type ListingFlags, openListing } from "../output/listing-output.js";
import { printPages } from "../paged-listing.js";
import type { Terminal } from "../terminal.js";

/** `partners applications list` options. */
export interface ApplicationsListOptions extends ListingFlags {
  country?: string;
  groupId?: string;
  page?: string;
  pageSize?: string;
  all?: boolean;
}

/** Dub's page size when none is asked for. */
const DEFAULT_PAGE_SIZE = 100;

/** Runs the command; returns the exit code. */
export async function applicationsList(
  options: ApplicationsListOptions,
  globals: GlobalOptions,
  terminal: Terminal,
): Promise<number> {
  const page = parseCount("--page", options.page, 1) ?? 1;
  const pageSize = parseCount("--page-size", options.pageSize, 1) ?? DEFAULT_PAGE_SIZE;
  const filters = {
    ...(options.country === undefined ? {} : { country: options.country }),
    ...(options.groupId === undefined ? {} : { groupId: options.groupId }),
  };
  const { format, writer } = openListing(
    { columns: APPLICATION_COLUMNS, csvColumns: APPLICATION_EXPORT_COLUMNS },
    options,
    globals,
    terminal,
    options.all === true,
  );
  const client = await openApiClient(globals, terminal);
  try {
    await printPages<ApplicationLike>(
      {
        fetchPage: async (n, size) =>
          (await client.dub.partnerApplications.list({ ...filters, page: n, pageSize: size })).data,
        page,
        pageSize,
        all: options.all === true,
        idOf: (application) => application.id ?? JSON.stringify(application),
        noun: "pending applications",
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
