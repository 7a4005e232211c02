// The plan shown before anything is sent (and all a dry run does): one pass over the whole file that finds every
// problem, file-level or row-level, counts what the journal says is done, and says how long the rest takes at the
// plan's rate and, for a command whose rows count against it, whether it fits the plan's partner quota.

import { type Plan, planLimits } from "@dubkit/contract";
import { plural } from "../plural.js";
import { formatDuration } from "./progress.js";
import type { RateSource } from "./rate-option.js";
import type { ProblemRow, RowDecision, SendRow } from "./row-decision.js";

/** What the plan pass found. */
export interface PlanCounts {
  rows: number;
  toSend: number;
  /** Finished by earlier runs, per the journal. */
  alreadyDone: number;
  invalid: number;
  duplicates: number;
  /** Refused in an earlier run for this very content (reported again). */
  earlierFailures: number;
}

/** The plan of an import, as the `--json` summary carries it. */
export interface ImportPlan extends PlanCounts {
  ratePerMinute: number | null;
  rateSource: RateSource;
  /** Seconds the rows to send take at the rate; null when the rate is not known yet. */
  estimatedSeconds: number | null;
  plan: Plan | null;
  /** The plan's partner quota (null when unlimited or the plan is unknown). */
  partnersLimit: number | null;
  /** Whether the rows to send fit the quota; null when it cannot be told. */
  fitsQuota: boolean | null;
}

/** Walks every decided row, passing problems and rows to send on, and counts them. */
export async function countRows(
  batches: AsyncIterable<Iterable<RowDecision>>,
  on: { problem?: (row: ProblemRow) => void; send?: (row: SendRow) => void },
): Promise<PlanCounts> {
  const counts: PlanCounts = {
    rows: 0,
    toSend: 0,
    alreadyDone: 0,
    invalid: 0,
    duplicates: 0,
    earlierFailures: 0,
  };
  for await (const rows of batches) {
    for (const row of rows) {
      counts.rows++;
      if (row.kind === "send") {
        counts.toSend++;
        on.send?.(row);
      } else if (row.kind === "skip") counts.alreadyDone++;
      else {
        if (row.kind === "invalid") counts.invalid++;
        else if (row.kind === "duplicate") counts.duplicates++;
        else counts.earlierFailures++;
        on.problem?.(row);
      }
    }
  }
  return counts;
}

/** The plan from the counts and the pace; `quota` when each row sent may add a partner to the program. */
export function buildPlan(
  counts: PlanCounts,
  pace: { ratePerMinute: number | undefined; source: RateSource; plan: Plan | undefined },
  quota = true,
): ImportPlan {
  const rate = pace.ratePerMinute;
  const limit = pace.plan === undefined || !quota ? undefined : planLimits(pace.plan).partnersLimit;
  const finiteLimit = limit !== undefined && Number.isFinite(limit) ? limit : undefined;
  return {
    ...counts,
    ratePerMinute: rate ?? null,
    rateSource: pace.source,
    estimatedSeconds: rate === undefined ? null : Math.ceil((counts.toSend / rate) * 60),
    plan: quota ? (pace.plan ?? null) : null,
    partnersLimit: finiteLimit ?? null,
    fitsQuota: limit === undefined ? null : counts.toSend <= limit,
  };
}

const RATE_SOURCES: Record<RateSource, string> = {
  "--rate": "--rate",
  "--plan": "the plan given with --plan",
  profile: "the profile's plan",
  server: "",
};

function paceLine(plan: ImportPlan): string {
  if (plan.ratePerMinute === null) {
    const business = planLimits("business").requestsPerMinute;
    return `Pace: Dub's limit for this key, learnt from its first rate-limit answer (pass --plan to plan ahead); at the business plan's ${business.toLocaleString("en-US")}/min it takes about ${formatDuration((plan.toSend / business) * 60)}.`;
  }
  const rate = Math.floor(plan.ratePerMinute).toLocaleString("en-US");
  return `Pace: ${rate} requests/min (${RATE_SOURCES[plan.rateSource]}); about ${formatDuration(plan.estimatedSeconds ?? undefined)}.`;
}

function quotaLine(plan: ImportPlan, over: string): string | undefined {
  if (plan.plan === null) return undefined;
  if (plan.partnersLimit === null) return `Quota: the ${plan.plan} plan has no partner limit.`;
  const limit = plan.partnersLimit.toLocaleString("en-US");
  return plan.fitsQuota
    ? `Quota: the ${plan.plan} plan allows ${limit} partners in the program, partners already there included; ${plural(plan.toSend, "row")} to send fit if the program has room for them.`
    : `Quota: the ${plan.plan} plan allows ${limit} partners in the program, and ${over.replace("{rows}", plural(plan.toSend, "row"))}`;
}

/** What the import says when its rows may not fit the quota. */
export const IMPORT_OVER_QUOTA =
  "this file has {rows} to send: Dub stops the import at its quota. Upgrade the plan first, or split the file.";

/**
 * The plan as lines for people. `overQuota` says what happens when the rows to send may not fit the quota
 * (`{rows}` is replaced by their count).
 */
export function formatPlan(plan: ImportPlan, source: string, overQuota = IMPORT_OVER_QUOTA): string[] {
  const problems = plan.invalid + plan.duplicates + plan.earlierFailures;
  const details = [
    plan.invalid > 0 ? `${plan.invalid.toLocaleString("en-US")} invalid` : "",
    plan.duplicates > 0 ? `${plan.duplicates.toLocaleString("en-US")} duplicate` : "",
    plan.earlierFailures > 0
      ? `${plan.earlierFailures.toLocaleString("en-US")} refused in an earlier run`
      : "",
  ].filter(Boolean);
  const lines = [
    `Plan: ${plural(plan.rows, "row")} in ${source}: ${plan.toSend.toLocaleString("en-US")} to send, ${plan.alreadyDone.toLocaleString("en-US")} already done (journal), ${problems.toLocaleString("en-US")} with problems${details.length ? ` (${details.join(", ")})` : ""}.`,
  ];
  if (plan.toSend > 0) lines.push(paceLine(plan));
  const quota = quotaLine(plan, overQuota);
  if (quota && plan.toSend > 0) lines.push(quota);
  return lines;
}
