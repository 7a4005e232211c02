// How partner links look: a short summary of one written link, and the columns of `partners links list`.

import { money } from "./output/money.js";
import type { Column } from "./output/record-writer.js";
import type { Colors } from "./terminal.js";

/** The link fields the views show; anything else is only in JSON. */
export interface LinkLike {
  id?: string;
  domain?: string;
  key?: string;
  shortLink?: string;
  url?: string;
  partnerId?: string | null;
  tenantId?: string | null;
  clicks?: number;
  leads?: number;
  conversions?: number;
  sales?: number;
  saleAmount?: number;
}

/** What a write did to the link. */
export type LinkOutcome = "created" | "updated" | "unchanged";

const HEADS: Record<LinkOutcome, (c: Colors) => string> = {
  created: (c) => c.green("Created"),
  updated: (c) => c.green("Updated"),
  unchanged: (c) => c.yellow("Unchanged"),
};

/** A few lines describing a link a command wrote. */
export function formatLink(link: LinkLike, outcome: LinkOutcome, c: Colors): string {
  const head = `${HEADS[outcome](c)} ${c.bold(link.shortLink ?? "")} → ${link.url ?? ""}`;
  const rows: Array<[string, string | null | undefined]> = [
    ["id", link.id],
    ["key", link.key],
    ["partnerId", link.partnerId],
    ["tenantId", link.tenantId],
  ];
  const lines = rows
    .filter((row): row is [string, string] => typeof row[1] === "string" && row[1] !== "")
    .map(([key, value]) => `  ${c.dim(key.padEnd(10))} ${value}`);
  return [head, ...lines].join("\n");
}

/** The columns of `partners links list` as a table or TSV. */
export const LINK_COLUMNS: readonly Column<LinkLike>[] = [
  { header: "id", value: (l) => l.id },
  { header: "shortLink", value: (l) => l.shortLink, shrink: true },
  { header: "url", value: (l) => l.url, shrink: true },
  { header: "clicks", value: (l) => l.clicks },
  { header: "leads", value: (l) => l.leads },
  { header: "sales", value: (l) => l.sales },
  { header: "saleAmount", value: (l) => l.saleAmount, display: (l) => money(l.saleAmount) },
];

/** The CSV export: every field GET /partners/links returns, named as the API names them. */
export const LINK_EXPORT_COLUMNS: readonly Column<LinkLike>[] = [
  "id",
  "domain",
  "key",
  "shortLink",
  "url",
  "clicks",
  "leads",
  "conversions",
  "sales",
  "saleAmount",
].map((field) => ({ header: field, value: (l: LinkLike) => l[field as keyof LinkLike] }));
