// How partners look on a terminal: a short summary for one, an aligned table for a list.

import type { Colors } from "./terminal.js";

/** The partner fields the views show; anything else is only in `--json`. */
export interface PartnerLike {
  id?: string;
  name?: string | null;
  email?: string | null;
  status?: string | null;
  tenantId?: string | null;
  groupId?: string | null;
  createdAt?: string | null;
  links?: ReadonlyArray<{ shortLink?: string }> | null;
}

/** A few lines describing one enrolled partner. */
export function formatPartner(partner: PartnerLike, outcome: "created" | "existing", c: Colors): string {
  const head =
    outcome === "created"
      ? `${c.green("Enrolled")} ${c.bold(partner.name ?? "")} <${partner.email ?? ""}>`
      : `${c.yellow("Already enrolled")} ${c.bold(partner.name ?? "")} <${partner.email ?? ""}>`;
  const rows: Array<[string, string | null | undefined]> = [
    ["id", partner.id],
    ["status", partner.status],
    ["tenantId", partner.tenantId],
    ["groupId", partner.groupId],
    ["createdAt", partner.createdAt],
  ];
  for (const link of partner.links ?? []) rows.push(["link", link.shortLink]);
  const lines = rows
    .filter((row): row is [string, string] => typeof row[1] === "string" && row[1] !== "")
    .map(([key, value]) => `  ${c.dim(key.padEnd(10))} ${value}`);
  return [head, ...lines].join("\n");
}

const COLUMNS = ["id", "name", "email", "status", "tenantId", "createdAt"] as const;

/** An aligned table of partners, one per line, with a header. */
export function formatPartnerTable(partners: readonly PartnerLike[], c: Colors): string {
  const cells = partners.map((p) => COLUMNS.map((column) => String(p[column] ?? "")));
  const widths = COLUMNS.map((column, i) =>
    Math.max(column.length, ...cells.map((row) => row[i]?.length ?? 0)),
  );
  const line = (row: readonly string[]) =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  return [c.bold(line(COLUMNS)), ...cells.map(line)].join("\n");
}
