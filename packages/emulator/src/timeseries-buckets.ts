// The buckets of a timeseries as Dub's Tinybird pipe (v4_timeseries) generates them: every month or day from the
// window's first to its last, at local midnight in the time zone, or every hour (started in the time zone, counted
// in UTC); each labelled with ClickHouse's `formatDateTime(interval, '%FT%T.000%z')`. Hourly buckets are
// `toDateTime64(x, 3)` without a zone, so their labels are in the pipe server's zone, taken to be UTC.
import { TZDate } from "@date-fns/tz";
import {
  addDays,
  addMonths,
  differenceInCalendarDays,
  differenceInCalendarMonths,
  format,
  startOfDay,
  startOfHour,
  startOfMonth,
} from "date-fns";
import type { AnalyticsWindow } from "./analytics-window.js";

/** `%FT%T.000%z`: local date and time, `.000`, and the offset as `±hhmm`. */
function label(date: TZDate): string {
  return format(date, "yyyy-MM-dd'T'HH:mm:ss'.000'xx");
}

/** The `start` label of every bucket of the window, in order. */
export function bucketLabels(window: AnalyticsWindow, timezone: string): string[] {
  const first = new TZDate(window.startDate, timezone);
  const last = new TZDate(window.endDate, timezone);
  if (window.granularity === "month") {
    const start = startOfMonth(first);
    const count = differenceInCalendarMonths(startOfMonth(last), start) + 1;
    return Array.from({ length: count }, (_, i) => label(addMonths(start, i)));
  }
  if (window.granularity === "day") {
    const start = startOfDay(first);
    const count = differenceInCalendarDays(startOfDay(last), start) + 1;
    return Array.from({ length: count }, (_, i) => label(addDays(start, i)));
  }
  const start = startOfHour(first).getTime();
  const end = startOfHour(last).getTime();
  const labels: string[] = [];
  for (let time = start; time <= end; time += 3_600_000) labels.push(label(new TZDate(time, "UTC")));
  return labels;
}
