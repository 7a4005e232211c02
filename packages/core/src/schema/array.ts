// Arrays: every item validated (all issues collected), then the array's own checks.

import { type Check, withChecks } from "./check.js";
import { invalidType } from "./messages.js";
import { define, type Infer, type Input, runAt, type Schema } from "./schema.js";

/** An array whose items match `item`, then `checks`, e.g. `array(variant, minLength(2), maxLength(4))`. */
/* @__NO_SIDE_EFFECTS__ */
export function array<S extends Schema>(
  item: S,
  ...checks: Check<readonly unknown[]>[]
): Schema<Input<S>[], Infer<S>[]> {
  return define(
    withChecks((value, ctx) => {
      if (!Array.isArray(value)) {
        invalidType(ctx, "array", value);
        return value;
      }
      const out = new Array(value.length);
      for (let i = 0; i < value.length; i++) out[i] = runAt(item, value[i], i, ctx);
      return out;
    }, checks),
  );
}
