// A value that matches one of several schemas, with zod 4's rules for which issues to report.

import { type Context, define, type Infer, type Input, report, type Schema } from "./schema.js";

/**
 * The first option that accepts the value wins. If none does but exactly one failed only its
 * checks (not its type), that option's issues are reported; otherwise one `invalid_union` issue.
 */
/* @__NO_SIDE_EFFECTS__ */
export function union<const S extends readonly [Schema, ...Schema[]]>(
  options: S,
): Schema<Input<S[number]>, Infer<S[number]>> {
  return define((value, ctx) => {
    let candidate: { out: unknown; ctx: Context } | undefined;
    let candidates = 0;
    for (const option of options) {
      const attempt: Context = { issues: [], path: ctx.path, aborted: false };
      const out = option["~run"](value, attempt);
      if (attempt.issues.length === 0) return out;
      if (!attempt.aborted) {
        candidate = { out, ctx: attempt };
        candidates++;
      }
    }
    if (candidates === 1 && candidate) {
      ctx.issues.push(...candidate.ctx.issues);
      return candidate.out;
    }
    report(ctx, "invalid_union", "Invalid input", true);
    return value;
  });
}
