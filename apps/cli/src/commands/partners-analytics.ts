// `dubkit partners analytics`: one partner's numbers for a window, as totals (one row), a timeseries or per link, in
// any listing format; `--json` prints the API's answer as it is.

import type { AnalyticsInterval, PartnerAnalyticsGroupBy } from "@dubkit/contract/values";
import {
  type AnalyticsNumbers,
  TIMESERIES_COLUMNS,
  TOP_LINKS_COLUMNS,
  TOTALS_COLUMNS,
} from "../analytics-view.js";
import { openApiClient } from "../api-client.js";
import { ExitCode } from "../exit-codes.js";
import type { GlobalOptions } from "../global-options.js";
import { type ListingFlags, openListing } from "../output/listing-output.js";
import type { Column } from "../output/record-writer.js";
import { writeText } from "../output/stream-write.js";
import { type PartnerFlags, partnerIdentity, partnerKey } from "../partner-lookup.js";
import type { Terminal } from "../terminal.js";

/** `partners analytics` options. */
export interface AnalyticsOptions extends ListingFlags, PartnerFlags {
  groupBy?: PartnerAnalyticsGroupBy;
  interval?: AnalyticsInterval;
  start?: string;
  end?: string;
  timezone?: string;
  query?: string;
}

const COLUMNS: Record<PartnerAnalyticsGroupBy, readonly Column<AnalyticsNumbers>[]> = {
  count: TOTALS_COLUMNS,
  timeseries: TIMESERIES_COLUMNS,
  top_links: TOP_LINKS_COLUMNS,
};

/** The window and shape of the query, from the flags. */
function windowQuery(options: AnalyticsOptions): Record<string, string> {
  const query: Record<string, string> = {};
  for (const key of ["groupBy", "interval", "start", "end", "timezone", "query"] as const) {
    const value = options[key];
    if (value !== undefined) query[key] = value;
  }
  return query;
}

/** Runs the command; returns the exit code. */
export async function partnersAnalytics(
  options: AnalyticsOptions,
  globals: GlobalOptions,
  terminal: Terminal,
): Promise<number> {
  const key = partnerKey(options, {
    id: "--partner-id",
    example: "dubkit partners analytics --tenant-id user_42 --group-by timeseries --interval 30d",
  });
  const groupBy = options.groupBy ?? "count";
  const columns = COLUMNS[groupBy];
  const { format, writer } = openListing({ columns }, options, globals, terminal);
  const client = await openApiClient(globals, terminal);
  let answer: AnalyticsNumbers | AnalyticsNumbers[];
  try {
    const query = { ...windowQuery(options), ...(await partnerIdentity(client, key)) };
    answer = await client.dub.partners.analytics(
      query as Parameters<typeof client.dub.partners.analytics>[0],
    );
  } finally {
    await client.close();
  }
  if (format === "json") {
    // The totals are one object in the API's answer; printing it as it came keeps `--json` the SDK's result.
    await writeText(terminal.stdout, `${JSON.stringify(answer, null, 2)}\n`);
    return ExitCode.ok;
  }
  const rows = Array.isArray(answer) ? answer : [answer];
  await writer.write(rows);
  await writer.end();
  if (rows.length === 0 && format === "table")
    terminal.stderr.write("Nothing to show: the partner has no links.\n");
  return ExitCode.ok;
}
