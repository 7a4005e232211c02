// Amounts for people: Dub keeps every amount in US cents (it converts sales to USD), so a table shows `$49.00` where
// JSON, CSV and TSV keep the API's cents.

const DOLLARS = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });

/** Cents as dollars, e.g. `4900` → `$49.00`; empty for a missing amount. */
export function money(cents: number | null | undefined): string {
  return typeof cents === "number" ? DOLLARS.format(cents / 100) : "";
}
