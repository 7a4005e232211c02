// How Dub's server reads analytics `start`/`end`: chrono-node's `parseDate` (the `parseDateTime` of @dub/utils), so
// the emulator refuses and accepts the same dates, natural language included. chrono reads dates without a zone in
// the process's local time zone; Dub's servers run in UTC.
import type { DateReader } from "@dubkit/contract";
import * as chrono from "chrono-node";

/** The server's date reader, for `partnerAnalyticsQuery(readServerDate)`. */
export const readServerDate: DateReader = (text) => chrono.parseDate(text);
