// How a partner's analytics look, per `--group-by`: the totals as a one-row table, the timeseries one bucket a row,
// the top links one link a row. Amounts are dollars in the table and the API's cents everywhere else.

import { money } from "./output/money.js";
import type { Column } from "./output/record-writer.js";

/** The numbers every shape of the answer has. */
export interface AnalyticsNumbers {
  clicks?: number;
  leads?: number;
  sales?: number;
  saleAmount?: number;
  earnings?: number;
}

/** One bucket of the timeseries. */
export interface AnalyticsBucket extends AnalyticsNumbers {
  start?: string;
}

/** One link of the top links. */
export interface AnalyticsLink extends AnalyticsNumbers {
  id?: string;
  shortLink?: string;
  url?: string;
}

function numberColumns<T extends AnalyticsNumbers>(): Column<T>[] {
  return [
    { header: "clicks", value: (n) => n.clicks },
    { header: "leads", value: (n) => n.leads },
    { header: "sales", value: (n) => n.sales },
    { header: "saleAmount", value: (n) => n.saleAmount, display: (n) => money(n.saleAmount) },
    { header: "earnings", value: (n) => n.earnings, display: (n) => money(n.earnings) },
  ];
}

/** `--group-by count`: the totals of the window, one row. */
export const TOTALS_COLUMNS: readonly Column<AnalyticsNumbers>[] = numberColumns();

/** `--group-by timeseries`: one row per hour, day or month of the window. */
export const TIMESERIES_COLUMNS: readonly Column<AnalyticsBucket>[] = [
  { header: "start", value: (b) => b.start },
  ...numberColumns<AnalyticsBucket>(),
];

/** `--group-by top_links`: one row per link of the partner, most clicked first. */
export const TOP_LINKS_COLUMNS: readonly Column<AnalyticsLink>[] = [
  { header: "id", value: (l) => l.id },
  { header: "shortLink", value: (l) => l.shortLink, shrink: true },
  { header: "url", value: (l) => l.url, shrink: true },
  ...numberColumns<AnalyticsLink>(),
];
