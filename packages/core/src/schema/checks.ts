// The checks of the kit. Each returns a small closure; only the ones a bundle imports are kept.

import type { Check } from "./check.js";
import { outOfRange } from "./messages.js";
import { report } from "./schema.js";

/** zod 4's default email pattern, the one Dub's server uses (and its OpenAPI `pattern`). */
export const EMAIL_PATTERN: RegExp =
  /^(?!\.)(?!.*\.\.)([A-Za-z0-9_'+\-.]*)[A-Za-z0-9_+-]@([A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;

/** Trims whitespace from both ends; later checks see the trimmed string. */
/* @__NO_SIDE_EFFECTS__ */
export function trim(): Check<string> {
  return (value) => value.trim();
}

function lengthOrigin(value: unknown): string {
  return typeof value === "string" ? "string" : Array.isArray(value) ? "array" : "unknown";
}

/* @__NO_SIDE_EFFECTS__ */
function sized<T>(check: (value: T, ctx: Parameters<Check<T>>[1]) => T): Check<T> {
  return Object.assign(check, { sized: true as const });
}

/**
 * At least `min` characters (strings, counted in UTF-16 units like the server's zod 4.3) or items (arrays).
 */
/* @__NO_SIDE_EFFECTS__ */
export function minLength<T extends string | readonly unknown[]>(min: number): Check<T> {
  return sized((value: T, ctx) => {
    if (value.length < min) outOfRange(ctx, lengthOrigin(value), false, ">=", min);
    return value;
  });
}

/**
 * At most `max` characters (strings, counted in UTF-16 units) or items (arrays). `message` replaces
 * zod's default message, for servers that set their own.
 */
/* @__NO_SIDE_EFFECTS__ */
export function maxLength<T extends string | readonly unknown[]>(max: number, message?: string): Check<T> {
  return sized((value: T, ctx) => {
    if (value.length > max) {
      if (message === undefined) outOfRange(ctx, lengthOrigin(value), true, "<=", max);
      else report(ctx, "too_big", message);
    }
    return value;
  });
}

/** A number `>= min`. */
/* @__NO_SIDE_EFFECTS__ */
export function gte(min: number): Check<number> {
  return (value, ctx) => {
    if (!(value >= min)) outOfRange(ctx, "number", false, ">=", min);
    return value;
  };
}

/** A number `> min` (zod's `.positive()` is `gt(0)`). */
/* @__NO_SIDE_EFFECTS__ */
export function gt(min: number): Check<number> {
  return (value, ctx) => {
    if (!(value > min)) outOfRange(ctx, "number", false, ">", min);
    return value;
  };
}

/** A number `<= max`. */
/* @__NO_SIDE_EFFECTS__ */
export function lte(max: number): Check<number> {
  return (value, ctx) => {
    if (!(value <= max)) outOfRange(ctx, "number", true, "<=", max);
    return value;
  };
}

/** A custom rule: `ok(value)` false gives a `custom` issue with `message`. */
/* @__NO_SIDE_EFFECTS__ */
export function refine<T>(ok: (value: T) => boolean, message: string): Check<T> {
  return (value, ctx) => {
    if (!ok(value)) report(ctx, "custom", message);
    return value;
  };
}

/**
 * An email address, by zod 4's pattern unless `pattern` is given. As in zod, this check sees the
 * value as given: put it before `trim()` to reject surrounding spaces the way Dub's server does.
 */
/* @__NO_SIDE_EFFECTS__ */
export function email(options?: { readonly pattern?: RegExp }): Check<string> {
  const pattern = options?.pattern ?? EMAIL_PATTERN;
  return (value, ctx) => {
    if (!pattern.test(value)) report(ctx, "invalid_format", "Invalid email address");
    return value;
  };
}

/** An absolute URL, as the WHATWG URL parser (`new URL`) accepts it. */
/* @__NO_SIDE_EFFECTS__ */
export function url(): Check<string> {
  return (value, ctx) => {
    try {
      new URL(value);
    } catch {
      report(ctx, "invalid_format", "Invalid URL");
    }
    return value;
  };
}
