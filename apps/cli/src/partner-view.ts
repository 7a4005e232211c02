// How partners look: a short summary for one, the columns of a listing, and the CSV export's columns,
// which `dubkit partners import` reads back.

import type { Column } from "./output/record-writer.js";
import type { Colors } from "./terminal.js";

/** The partner fields the views show; anything else is only in JSON. */
export interface PartnerLike {
  id?: string;
  name?: string | null;
  email?: string | null;
  username?: string | null;
  image?: string | null;
  country?: string | null;
  description?: string | null;
  status?: string | null;
  tenantId?: string | null;
  groupId?: string | null;
  programId?: string | null;
  createdAt?: string | null;
  links?: ReadonlyArray<{ shortLink?: string; key?: string }> | null;
}

/** A partner in a sentence: `Jane Doe <jane@example.com> (pn_…)`, the name left out when it is the email. */
export function partnerLabel(partner: PartnerLike): string {
  const email = partner.email ?? "";
  const name = partner.name && partner.name !== email ? `${partner.name} ` : "";
  const who = email === "" ? name.trim() : `${name}<${email}>`;
  return `${who} (${partner.id ?? "no id"})`.trim();
}

/** A few lines describing one partner; `outcome` says how a create ended. */
export function formatPartner(
  partner: PartnerLike,
  outcome: "created" | "existing" | "found",
  c: Colors,
): string {
  const who = `${c.bold(partner.name ?? "")} <${partner.email ?? ""}>`;
  const head =
    outcome === "created"
      ? `${c.green("Enrolled")} ${who}`
      : outcome === "existing"
        ? `${c.yellow("Already enrolled")} ${who}`
        : who;
  const rows: Array<[string, string | null | undefined]> = [
    ["id", partner.id],
    ["status", partner.status],
    ["tenantId", partner.tenantId],
    ["groupId", partner.groupId],
    ["country", partner.country],
    ["createdAt", partner.createdAt],
  ];
  for (const link of partner.links ?? []) rows.push(["link", link.shortLink]);
  const lines = rows
    .filter((row): row is [string, string] => typeof row[1] === "string" && row[1] !== "")
    .map(([key, value]) => `  ${c.dim(key.padEnd(10))} ${value}`);
  return [head, ...lines].join("\n");
}

/** The columns of `partners list` as a table or TSV. */
export const PARTNER_COLUMNS: readonly Column<PartnerLike>[] = [
  { header: "id", value: (p) => p.id },
  { header: "name", value: (p) => p.name, shrink: true },
  { header: "email", value: (p) => p.email, shrink: true },
  { header: "status", value: (p) => p.status },
  { header: "tenantId", value: (p) => p.tenantId, shrink: true },
  { header: "createdAt", value: (p) => p.createdAt },
];

/**
 * The CSV export: first the columns `partners import` sends (named as it reads them), then read-only
 * ones it ignores with a warning. `username` is the key of the partner's first link, because that is
 * what a create's `username` sets (Dub generates the partner's own username), so a re-import gives
 * the partner the same link key.
 */
export const PARTNER_EXPORT_COLUMNS: readonly Column<PartnerLike>[] = [
  { header: "email", value: (p) => p.email },
  { header: "name", value: (p) => p.name },
  { header: "username", value: (p) => p.links?.[0]?.key },
  { header: "image", value: (p) => p.image },
  { header: "country", value: (p) => p.country },
  { header: "description", value: (p) => p.description },
  { header: "tenantId", value: (p) => p.tenantId },
  { header: "groupId", value: (p) => p.groupId },
  { header: "id", value: (p) => p.id },
  { header: "status", value: (p) => p.status },
  { header: "createdAt", value: (p) => p.createdAt },
  { header: "shortLink", value: (p) => p.links?.[0]?.shortLink },
];
