// Schemas for single values: strings, numbers, booleans, literals and enums.

import { type Check, withChecks } from "./check.js";
import { invalidType, quote } from "./messages.js";
import { define, report, type Schema } from "./schema.js";

/** A string, then `checks` in order, e.g. `string(trim(), maxLength(100))`. */
/* @__NO_SIDE_EFFECTS__ */
export function string(...checks: Check<string>[]): Schema<string, string> {
  return define(
    withChecks((value, ctx) => {
      if (typeof value !== "string") invalidType(ctx, "string", value);
      return value;
    }, checks),
  );
}

/** A finite number (not `NaN`, not `Infinity`), then `checks` in order, e.g. `number(gte(10), lte(90))`. */
/* @__NO_SIDE_EFFECTS__ */
export function number(...checks: Check<number>[]): Schema<number, number> {
  return define(
    withChecks((value, ctx) => {
      if (typeof value !== "number" || !Number.isFinite(value)) invalidType(ctx, "number", value);
      return value;
    }, checks),
  );
}

/** `true` or `false`. */
/* @__NO_SIDE_EFFECTS__ */
export function boolean(): Schema<boolean, boolean> {
  return define((value, ctx) => {
    if (typeof value !== "boolean") invalidType(ctx, "boolean", value);
    return value;
  });
}

/** Anything at all; the value is passed through. */
/* @__NO_SIDE_EFFECTS__ */
export function unknown(): Schema<unknown, unknown> {
  return define((value) => value);
}

/** Exactly `expected` (compared with `===`). */
/* @__NO_SIDE_EFFECTS__ */
export function literal<const T extends string | number | boolean | null>(expected: T): Schema<T, T> {
  return define((value, ctx) => {
    if (value !== expected) report(ctx, "invalid_value", `Invalid input: expected ${quote(expected)}`, true);
    return value;
  });
}

/** One of `values`, strictly: anything else is an `invalid_value` issue. */
/* @__NO_SIDE_EFFECTS__ */
export function enumOf<const T extends readonly [string, ...string[]]>(
  values: T,
): Schema<T[number], T[number]> {
  return define((value, ctx) => {
    if (!values.includes(value as string)) {
      const message =
        values.length === 1
          ? `Invalid input: expected ${quote(values[0])}`
          : `Invalid option: expected one of ${values.map(quote).join("|")}`;
      report(ctx, "invalid_value", message, true);
    }
    return value;
  });
}

/**
 * An enum the server may extend: typed as one of its values for autocompletion, but any string is
 * accepted, so a new value from the API never turns a successful response into an error. The values
 * matter only to the type, so they may be given as a type argument alone, which keeps them out of
 * bundles: `openEnum<"draft" | "approved">()` is `openEnum(["draft", "approved"])` without the array.
 */
/* @__NO_SIDE_EFFECTS__ */
export function openEnum<const T extends string = never>(
  _values?: readonly T[],
): Schema<T | (string & {}), T | (string & {})> {
  return string();
}
