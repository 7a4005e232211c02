// The analytics window (get-start-end-dates.ts and get-interval-data.ts), with the same date libraries as Dub's server
// (date-fns 4 and @date-fns/tz): with `start`, from the start of its day to the end of `end`'s day (or today's) in
// the time zone, swapped when reversed, hourly up to 2 days, monthly beyond 180, daily between; without it, the
// preset `interval`. "Now" is the emulator's clock.
import { TZDate, tz } from "@date-fns/tz";
import {
  differenceInDays,
  endOfDay,
  startOfDay,
  startOfMonth,
  startOfQuarter,
  startOfYear,
  subDays,
  subHours,
  subMonths,
} from "date-fns";

/** The size of a timeseries bucket. */
export type Granularity = "hour" | "day" | "month";

/** A window and its granularity. */
export interface AnalyticsWindow {
  startDate: TZDate;
  endDate: TZDate;
  granularity: Granularity;
}

/** The first day analytics cover (`DUB_FOUNDING_DATE`). */
const DUB_FOUNDING_DATE = new Date("2022-09-22T00:00:00.000Z");

/** The query fields that shape the window; `timezone` is already sanitised. */
export interface WindowQuery {
  interval: string;
  start?: Date | undefined;
  end?: Date | undefined;
  timezone: string;
}

/** The window of a query at `now` (epoch ms). */
export function analyticsWindow(query: WindowQuery, now: number): AnalyticsWindow {
  const { timezone } = query;
  if (query.start) {
    let startDate = startOfDay(new TZDate(query.start, timezone));
    let endDate = endOfDay(new TZDate(query.end ?? new Date(now), timezone));
    // Measured before the swap, as on the server: a reversed window has a negative span, hence hourly buckets.
    const days = differenceInDays(endDate, startDate, { in: tz(timezone) });
    const granularity: Granularity = days <= 2 ? "hour" : days > 180 ? "month" : "day";
    if (startDate > endDate) [startDate, endDate] = [endDate, startDate];
    return { startDate, endDate, granularity };
  }
  const current = new TZDate(now, timezone);
  const endOfToday = endOfDay(current);
  switch (query.interval) {
    case "24h":
      return { startDate: subHours(current, 24), endDate: current, granularity: "hour" };
    case "7d":
      return { startDate: subDays(current, 7), endDate: endOfToday, granularity: "day" };
    case "30d":
      return { startDate: subDays(current, 30), endDate: endOfToday, granularity: "day" };
    case "90d":
      return { startDate: subDays(current, 90), endDate: endOfToday, granularity: "day" };
    case "1y":
      return { startDate: subMonths(current, 12), endDate: endOfToday, granularity: "month" };
    case "mtd":
      return { startDate: startOfMonth(current), endDate: endOfToday, granularity: "day" };
    case "qtd":
      return { startDate: startOfQuarter(current), endDate: endOfToday, granularity: "day" };
    case "ytd":
      return { startDate: startOfYear(current), endDate: endOfToday, granularity: "month" };
    default:
      return {
        startDate: new TZDate(DUB_FOUNDING_DATE, timezone),
        endDate: endOfToday,
        granularity: "month",
      };
  }
}
