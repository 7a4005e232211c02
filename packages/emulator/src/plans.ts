// Plan-dependent numbers, as Dub sets them (get-ratelimit-for-plan.ts, pricing-plans.tsx, trial-limits.ts).

/** A Dub workspace plan. */
export type Plan = "free" | "pro" | "business" | "advanced" | "enterprise";

/** The plans `POST /partners` and `GET /partners` accept (`requiredPlan`). */
export const PARTNER_PLANS: readonly Plan[] = ["business", "advanced", "enterprise"];

const RATE_LIMITS: Record<Plan, number> = {
  free: 60,
  pro: 600,
  business: 1200,
  advanced: 3000,
  enterprise: 3000,
};

/** Requests per minute per API key; an active trial gets Dub's trial limit instead of the plan's. */
export function planRateLimit(plan: Plan, trial: boolean): number {
  return trial ? 120 : RATE_LIMITS[plan];
}

/** The number of partners a program may hold on this plan (Infinity where Dub says "infinity"). */
export function planPartnersLimit(plan: Plan, trial: boolean): number {
  if (trial) return 50;
  if (plan === "business") return 500;
  if (plan === "advanced" || plan === "enterprise") return Number.POSITIVE_INFINITY;
  return 0;
}
