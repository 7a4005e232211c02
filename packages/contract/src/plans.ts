// Dub's plans and the numbers that depend on them (get-ratelimit-for-plan.ts, pricing-plans.tsx, trial-limits.ts):
// one table for the emulator's limits and the CLI's pacing.

/** A Dub workspace plan. */
export type Plan = "free" | "pro" | "business" | "advanced" | "enterprise";

/** What a plan allows. */
export interface PlanLimits {
  /** API requests per minute per key. */
  requestsPerMinute: number;
  /** Analytics API requests (`/analytics`, `/events` paths) per second per key. */
  analyticsPerSecond: number;
  /** Partners a program may hold (`Infinity` for no limit); 0 where the plan has no partner program. */
  partnersLimit: number;
}

/** Every plan's limits, in plan order. */
export const PLANS: Readonly<Record<Plan, PlanLimits>> = {
  free: { requestsPerMinute: 60, analyticsPerSecond: 0, partnersLimit: 0 },
  pro: { requestsPerMinute: 600, analyticsPerSecond: 2, partnersLimit: 0 },
  business: { requestsPerMinute: 1200, analyticsPerSecond: 4, partnersLimit: 500 },
  advanced: { requestsPerMinute: 3000, analyticsPerSecond: 8, partnersLimit: Number.POSITIVE_INFINITY },
  enterprise: { requestsPerMinute: 3000, analyticsPerSecond: 16, partnersLimit: Number.POSITIVE_INFINITY },
};

/** The limits of a workspace in an active billing trial, whatever its plan. */
export const TRIAL_LIMITS: Readonly<PlanLimits> = {
  requestsPerMinute: 120,
  analyticsPerSecond: 2,
  partnersLimit: 50,
};

/** The plans whose keys may use the partner-program endpoints (`requiredPlan`). */
export const PARTNER_PLANS: readonly Plan[] = ["business", "advanced", "enterprise"];

/** The plan names, in order. */
export const PLAN_NAMES = Object.keys(PLANS) as Plan[];

/** The limits that apply to a workspace on `plan`, in a trial or not. */
export function planLimits(plan: Plan, trial = false): PlanLimits {
  return trial ? TRIAL_LIMITS : PLANS[plan];
}
