// The import's pace and quota: `--rate`, else the plan (`--plan`, else the profile's), else unpaced until Dub's
// first rate-limit header says what the key allows. A low default would make a business or advanced key crawl.

import { PLAN_NAMES, type Plan, planLimits } from "@dubkit/contract";
import { CliError } from "../cli-error.js";
import { ExitCode } from "../exit-codes.js";
import { PACE_OF_LIMIT } from "./rate-limiter.js";

/** Where the pace comes from. */
export type RateSource = "--rate" | "--plan" | "profile" | "server";

/** The pace and what is known of the plan. */
export interface Pace {
  /** Requests per minute; undefined until the server announces its limit. */
  ratePerMinute: number | undefined;
  source: RateSource;
  /** The plan, when known (it gives the partner quota). */
  plan: Plan | undefined;
  /** Where the plan came from. */
  planSource: "--plan" | "profile" | undefined;
}

/**
 * Parses `600/min`, `10/s`, `36000/h`, a bare number (per minute) or `off` (unpaced until the
 * server answers 429). Returns requests per minute, `undefined` for `off`.
 */
export function parseRate(text: string): number | undefined {
  const trimmed = text.trim().toLowerCase();
  if (trimmed === "off" || trimmed === "none" || trimmed === "unlimited") return undefined;
  const match = /^(\d+(?:\.\d+)?)\s*(?:\/\s*(s|sec|second|m|min|minute|h|hr|hour))?$/.exec(trimmed);
  const count = match ? Number(match[1]) : Number.NaN;
  if (!match || !(count > 0)) {
    throw new CliError(`--rate must look like 600/min, 10/s or off, got "${text}".`, ExitCode.usage, {
      field: "--rate",
    });
  }
  const unit = match[2] ?? "min";
  if (unit.startsWith("s")) return count * 60;
  if (unit.startsWith("h")) return count / 60;
  return count;
}

/** Reads a plan name (`--plan` or a profile's). */
export function parsePlan(text: string, source: string): Plan {
  const name = text.trim().toLowerCase() as Plan;
  if (!PLAN_NAMES.includes(name)) {
    throw new CliError(`${source} must be one of ${PLAN_NAMES.join(", ")}, got "${text}".`, ExitCode.usage, {
      field: source,
    });
  }
  return name;
}

/** The pace from `--rate`, `--plan` and the profile's plan, in that order. */
export function resolvePace(
  rate: string | undefined,
  plan: string | undefined,
  profilePlan: string | undefined,
): Pace {
  const chosen =
    plan !== undefined
      ? { plan: parsePlan(plan, "--plan"), planSource: "--plan" as const }
      : profilePlan !== undefined
        ? { plan: parsePlan(profilePlan, "the profile's plan"), planSource: "profile" as const }
        : { plan: undefined, planSource: undefined };
  if (rate !== undefined) return { ratePerMinute: parseRate(rate), source: "--rate", ...chosen };
  if (chosen.plan !== undefined) {
    const ratePerMinute = planLimits(chosen.plan).requestsPerMinute * PACE_OF_LIMIT;
    return { ratePerMinute, source: chosen.planSource, ...chosen };
  }
  return { ratePerMinute: undefined, source: "server", ...chosen };
}
