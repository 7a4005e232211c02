// Analytics `start` and `end`. Dub's server reads them with chrono-node (`parseDateTime`), so it also takes natural
// language ("yesterday", "last friday", "Jan 5 2024") and refuses with `Invalid date` what chrono cannot read.
// chrono is too big for the client (tens of KB), so each schema takes the reader as a parameter: the client's,
// `readIsoDate`, decides only what it can decide exactly as chrono on Dub's UTC servers does, and leaves the rest to
// the server; the emulator passes chrono itself. The value sent is the text as given (a Date as ISO 8601).

import * as z from "zod/mini";

/** Reads a date from text: the Date, `null` when it cannot be a date, `undefined` when the reader cannot tell. */
export type DateReader = (text: string) => Date | null | undefined;

/** The day Dub was founded: analytics `start` may not be earlier. */
export const DUB_FOUNDING_DATE = new Date("2022-09-22T00:00:00.000Z");

/** The server's message for a `start` before `DUB_FOUNDING_DATE` (its date formatted in en-US, in UTC). */
export const START_TOO_EARLY_MESSAGE = "The start date cannot be earlier than September 22, 2022.";

const ALPHANUMERIC = /[\p{L}\p{N}]/u;
const ISO_8601 =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{3}))?)?([Zz]|[+-](?:[01]\d|2[0-3])(?::?[0-5]\d)?)?)?$/;

/** Minutes east of UTC for `Z`, `+01`, `+0130` or `-01:30`. */
function offsetMinutes(offset: string | undefined): number {
  if (!offset || offset === "Z" || offset === "z") return 0;
  const sign = offset.startsWith("-") ? -1 : 1;
  const digits = offset.slice(1).replace(":", "");
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0));
}

/**
 * The client's date rule, the subset of chrono it can match exactly: text with no letter or digit is no date
 * (`null`); an ISO 8601 date (`2024-01-05`, read as noon UTC, as chrono on a UTC server reads it) or date-time
 * (`2024-01-05T10:00`, `…:00.000Z`, `…+01:00`; UTC without an offset) is that instant, or `null` when the calendar
 * has no such day or time; anything else (natural language, other formats) is `undefined`, for the server to judge.
 */
export function readIsoDate(text: string): Date | null | undefined {
  if (!ALPHANUMERIC.test(text)) return null;
  const match = ISO_8601.exec(text);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second, millisecond] = match
    .slice(1, 8)
    .map((part) => Number(part ?? 0)) as [number, number, number, number, number, number, number];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(match[4] === undefined ? 12 : hour, minute, second, millisecond);
  const exists =
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    hour < 24 &&
    minute < 60 &&
    second < 60;
  if (!exists) return null;
  return new Date(date.getTime() - offsetMinutes(match[8]) * 60_000);
}

/** A Date as the ISO 8601 text sent for it; anything else unchanged (an invalid Date is then refused as a non-string). */
function textOf(value: unknown): unknown {
  return value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString() : value;
}

/**
 * A date query value read with `read`: `Invalid date` when it returns `null`, and, with `notBefore`,
 * `START_TOO_EARLY_MESSAGE` when it returns an earlier date. Accepts text or a Date; outputs the text to send.
 */
/* @__NO_SIDE_EFFECTS__ */
export function analyticsDate(
  read: DateReader,
  options: { notBefore?: Date } = {},
): z.ZodMiniType<string, string | Date> {
  const { notBefore } = options;
  const checks: z.core.$ZodCheck<string>[] = [
    z.refine((text: string) => read(text) !== null, "Invalid date"),
  ];
  if (notBefore) {
    checks.push(
      z.refine((text: string) => {
        const date = read(text);
        return !date || date >= notBefore;
      }, START_TOO_EARLY_MESSAGE),
    );
  }
  return z.pipe(z.transform(textOf), z.string()).check(...checks) as unknown as z.ZodMiniType<
    string,
    string | Date
  >;
}
