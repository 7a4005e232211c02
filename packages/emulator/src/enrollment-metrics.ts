// An enrollment's stats columns (ProgramEnrollment: totals, the stored netRevenue, the derived rates). Dub computes
// them from events the emulator does not record, so they are 0 (or null for the rates) until a test sets them;
// GET /partners filters and sorts on them.

/** The stats of one enrollment, in cents where they are amounts. */
export interface EnrollmentMetrics {
  totalClicks: number;
  totalLeads: number;
  totalConversions: number;
  totalSales: number;
  totalSaleAmount: number;
  totalCommissions: number;
  /** The stored column (GET /partners sorts on it but answers totalSaleAmount − totalCommissions). */
  netRevenue: number;
  earningsPerClick: number;
  averageLifetimeValue: number | null;
  clickToLeadRate: number | null;
  clickToConversionRate: number | null;
  leadToConversionRate: number | null;
  returnOnAdSpend: number | null;
}

/** The columns' database defaults: every count 0, every rate null. */
export const ZERO_METRICS: Readonly<EnrollmentMetrics> = {
  totalClicks: 0,
  totalLeads: 0,
  totalConversions: 0,
  totalSales: 0,
  totalSaleAmount: 0,
  totalCommissions: 0,
  netRevenue: 0,
  earningsPerClick: 0,
  averageLifetimeValue: null,
  clickToLeadRate: null,
  clickToConversionRate: null,
  leadToConversionRate: null,
  returnOnAdSpend: null,
};

/** The nullable (Float?) columns, which MySQL sorts NULL-first ascending and NULL-last descending. */
export const NULLABLE_METRICS: ReadonlySet<string> = new Set([
  "averageLifetimeValue",
  "clickToLeadRate",
  "clickToConversionRate",
  "leadToConversionRate",
  "returnOnAdSpend",
]);

const METRIC_NAMES = Object.keys(ZERO_METRICS) as (keyof EnrollmentMetrics)[];

/** What is wrong with one metric value, or undefined. */
function metricProblem(name: string, value: unknown): string | undefined {
  if (value === null && NULLABLE_METRICS.has(name)) return undefined;
  if (typeof value === "number" && Number.isFinite(value)) return undefined;
  const expected = NULLABLE_METRICS.has(name) ? "a number or null" : "a number";
  return `${name}: expected ${expected}, got ${value === undefined ? "nothing" : JSON.stringify(value)}`;
}

/** What is wrong with a whole stored metrics object, or undefined (replay validation). */
export function metricsProblem(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return "expected an object";
  const record = value as Record<string, unknown>;
  for (const name of METRIC_NAMES) {
    const problem = metricProblem(name, record[name]);
    if (problem) return problem;
  }
  return undefined;
}

/** The metrics after a partial change, checked; throws an Error naming the bad or unknown metric. */
export function mergeMetrics(
  current: EnrollmentMetrics | undefined,
  patch: Partial<EnrollmentMetrics>,
): EnrollmentMetrics {
  if (typeof patch !== "object" || patch === null || Array.isArray(patch)) {
    throw new Error(`metrics: expected an object of metrics, got ${JSON.stringify(patch)}.`);
  }
  for (const [name, value] of Object.entries(patch)) {
    if (!(METRIC_NAMES as string[]).includes(name)) {
      throw new Error(`metrics.${name} is not a metric; the metrics are ${METRIC_NAMES.join(", ")}.`);
    }
    const problem = metricProblem(name, value);
    if (problem) throw new Error(`metrics.${problem}.`);
  }
  return { ...(current ?? ZERO_METRICS), ...patch };
}
