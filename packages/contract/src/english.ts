// Validation with English messages for this call only. zod/mini ships no locale, so its messages are "Invalid
// input" unless an app configures one globally; dubkit must neither show that nor change the app's global zod
// configuration, so each parse passes an English error map itself.
//
// The map writes the English messages of zod 4.3.5 (zod/v4/locales/en), the version Dub's server runs, for the
// issues the contract's schemas can raise, so a caller reads what the server would answer whatever zod they have
// (later versions name infinite numbers and exact sizes differently). It is not imported from zod: that module
// costs 1.3 KB gzip in a browser bundle and 8 ms on Node's first call, for the ~40 formats and sizings the contract
// never uses. english.test.ts checks both give the same text.

import type { StandardSchemaV1 } from "@dubkit/core";
import type * as z from "zod/mini";

const UNITS: Record<string, string> = {
  string: "characters",
  file: "bytes",
  array: "items",
  set: "items",
  map: "entries",
};
const FORMATS: Record<string, string> = {
  regex: "input",
  email: "email address",
  url: "URL",
  uuid: "UUID",
  datetime: "ISO datetime",
  date: "ISO date",
  time: "ISO time",
  template_literal: "input",
};

/** zod's name for the type of `value` (`util.parsedType`), as its English messages show it. */
function typeName(value: unknown): string {
  if (typeof value === "number") return Number.isNaN(value) ? "NaN" : "number";
  if (typeof value !== "object") return typeof value;
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  const prototype = Object.getPrototypeOf(value);
  return prototype !== Object.prototype && prototype !== null && value.constructor
    ? value.constructor.name
    : "object";
}

function quote(value: unknown): string {
  return typeof value === "bigint" ? `${value}n` : typeof value === "string" ? `"${value}"` : `${value}`;
}

function size(issue: { origin?: string; inclusive?: boolean }, big: boolean, limit: unknown): string {
  const adjective = `${big ? "<" : ">"}${issue.inclusive ? "=" : ""}`;
  const unit = UNITS[issue.origin ?? ""];
  const origin = issue.origin ?? "value";
  return `Too ${big ? "big" : "small"}: expected ${origin} to ${unit ? "have" : "be"} ${adjective}${String(limit)}${unit ? ` ${unit}` : ""}`;
}

/** zod's English message for one issue; messages a schema sets itself are applied by zod before this runs. */
export const englishErrors: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case "invalid_type":
      return `Invalid input: expected ${issue.expected === "nan" ? "NaN" : issue.expected}, received ${typeName(issue.input)}`;
    case "invalid_value":
      return issue.values.length === 1
        ? `Invalid input: expected ${quote(issue.values[0])}`
        : `Invalid option: expected one of ${issue.values.map(quote).join("|")}`;
    case "too_big":
      return size(issue, true, issue.maximum);
    case "too_small":
      return size(issue, false, issue.minimum);
    case "invalid_format":
      if (issue.format === "starts_with")
        return `Invalid string: must start with "${(issue as { prefix?: string }).prefix}"`;
      if (issue.format === "ends_with")
        return `Invalid string: must end with "${(issue as { suffix?: string }).suffix}"`;
      if (issue.format === "includes")
        return `Invalid string: must include "${(issue as { includes?: string }).includes}"`;
      if (issue.format === "regex")
        return `Invalid string: must match pattern ${(issue as { pattern?: unknown }).pattern}`;
      return `Invalid ${FORMATS[issue.format] ?? issue.format}`;
    case "not_multiple_of":
      return `Invalid number: must be a multiple of ${issue.divisor}`;
    case "unrecognized_keys":
      return `Unrecognized key${issue.keys.length > 1 ? "s" : ""}: ${issue.keys.map(quote).join(", ")}`;
    case "invalid_key":
      return `Invalid key in ${issue.origin}`;
    case "invalid_element":
      return `Invalid value in ${issue.origin}`;
    default:
      return "Invalid input";
  }
};

/** `schema.safeParse(value)` with English messages for this call only. */
export function safeParseEnglish<S extends z.core.$ZodType>(
  schema: S,
  value: unknown,
): z.core.util.SafeParseResult<z.output<S>> {
  return (schema as unknown as z.ZodMiniType<z.output<S>>).safeParse(value, { error: englishErrors });
}

/**
 * `schema` as a Standard Schema whose issues carry English messages (`Invalid email address`, `Too big: expected
 * string to have <=100 characters`); messages a schema sets itself still win, as in zod.
 */
/* @__NO_SIDE_EFFECTS__ */
export function english<S extends z.core.$ZodType>(schema: S): StandardSchemaV1<z.input<S>, z.output<S>> {
  return {
    "~standard": {
      version: 1,
      vendor: "zod",
      validate(value) {
        // A success needs no messages: parse plainly (an error map per call costs ~1 µs per schema), and parse
        // again with the English map only to word a failure.
        const result = (schema as unknown as z.ZodMiniType<z.output<S>>).safeParse(value);
        if (result.success) return { value: result.data };
        return { issues: safeParseEnglish(schema, value).error?.issues ?? result.error.issues };
      },
    },
  };
}
