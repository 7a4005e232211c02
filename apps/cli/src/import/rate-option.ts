// Reads `--rate` and `--plan` into requests per minute.

import { PLAN_NAMES, PLANS, type Plan } from "@dubkit/contract";
import { CliError } from "../cli-error.js";
import { ExitCode } from "../exit-codes.js";

/** The rate used when neither `--rate` nor `--plan` is given. */
export const DEFAULT_RATE_PER_MINUTE = 600;

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
    throw new CliError(`--rate must look like 600/min, 10/s or off, got "${text}".`, ExitCode.usage);
  }
  const unit = match[2] ?? "min";
  if (unit.startsWith("s")) return count * 60;
  if (unit.startsWith("h")) return count / 60;
  return count;
}

/** The effective rate from `--rate` and `--plan` (`--rate` wins). */
export function resolveRate(rate: string | undefined, plan: string | undefined): number | undefined {
  if (rate !== undefined) return parseRate(rate);
  if (plan !== undefined) {
    const name = plan.toLowerCase() as Plan;
    if (!PLAN_NAMES.includes(name)) {
      throw new CliError(`--plan must be one of ${PLAN_NAMES.join(", ")}, got "${plan}".`, ExitCode.usage);
    }
    return PLANS[name].requestsPerMinute;
  }
  return DEFAULT_RATE_PER_MINUTE;
}
