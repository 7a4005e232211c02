// Reads `--rate` and `--plan` into requests per minute.

import { CliError } from "../cli-error.js";
import { ExitCode } from "../exit-codes.js";

/** Dub's API rate limit per minute for each plan (partners-behavior.md §5). */
export const PLAN_RATE_PER_MINUTE: Readonly<Record<string, number>> = {
  free: 60,
  pro: 600,
  business: 1200,
  advanced: 3000,
  enterprise: 3000,
};

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
    const perMinute = PLAN_RATE_PER_MINUTE[plan.toLowerCase()];
    if (perMinute === undefined) {
      throw new CliError(
        `--plan must be one of ${Object.keys(PLAN_RATE_PER_MINUTE).join(", ")}, got "${plan}".`,
        ExitCode.usage,
      );
    }
    return perMinute;
  }
  return DEFAULT_RATE_PER_MINUTE;
}
