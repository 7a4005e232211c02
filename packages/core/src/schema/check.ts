// Checks refine a value after its type is known, in the order given, like zod 4's `.check()` chain.
// A check may also rewrite the value (`trim`), and later checks see the rewritten value.

import type { Context, Run } from "./schema.js";

/** A check on a value of type `T`: reports issues and returns the (possibly rewritten) value. */
export interface Check<T> {
  (value: T, ctx: Context): T;
  /**
   * Length checks run even after a type mismatch when the value has a `length`, as in zod.
   * @internal
   */
  readonly sized?: true;
}

/** Wraps a type's run function with its checks, following zod's rules for which checks still run. @internal */
/* @__NO_SIDE_EFFECTS__ */
export function withChecks<T>(run: Run, checks: readonly Check<T>[]): Run {
  if (checks.length === 0) return run;
  return (value, ctx) => {
    const outer = ctx.aborted;
    ctx.aborted = false;
    let out = run(value, ctx);
    const failed = ctx.aborted;
    for (const check of checks) {
      if (!failed || (check.sized && out != null && (out as { length?: unknown }).length !== undefined)) {
        out = check(out as T, ctx);
      }
    }
    ctx.aborted ||= outer;
    return out;
  };
}
