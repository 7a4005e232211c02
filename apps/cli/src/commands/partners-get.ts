// `dubkit partners get ID | --email E | --tenant-id T`: one partner, found with the list endpoint's
// exact filters (an id through `search=pn_…`, which Dub matches exactly), or exit 4.

import { openApiClient } from "../api-client.js";
import { CliError } from "../cli-error.js";
import { ExitCode } from "../exit-codes.js";
import type { GlobalOptions } from "../global-options.js";
import { type ListingFlags, openListing } from "../output/listing-output.js";
import { writeText } from "../output/stream-write.js";
import { formatPartner, PARTNER_COLUMNS, PARTNER_EXPORT_COLUMNS, type PartnerLike } from "../partner-view.js";
import { colorsFor, type Terminal } from "../terminal.js";
import { fetchPartners } from "./partners-list.js";

/** `partners get` options. */
export interface GetOptions extends ListingFlags {
  email?: string;
  tenantId?: string;
}

/** Which partner to find: exactly one of an id, an email or a tenant id. */
export function partnerKey(
  id: string | undefined,
  options: GetOptions,
): { filter: "search" | "email" | "tenantId"; value: string; label: string } {
  const given = [
    id === undefined ? undefined : ({ filter: "search", value: id, label: `id ${id}` } as const),
    options.email === undefined
      ? undefined
      : ({ filter: "email", value: options.email, label: `email ${options.email}` } as const),
    options.tenantId === undefined
      ? undefined
      : ({ filter: "tenantId", value: options.tenantId, label: `tenant id ${options.tenantId}` } as const),
  ].filter((key) => key !== undefined);
  const [key] = given;
  if (given.length !== 1 || key === undefined) {
    throw new CliError("Give exactly one of: a partner id (pn_…), --email or --tenant-id.", ExitCode.usage, {
      hint: "dubkit partners get pn_1234 | --email jane@example.com | --tenant-id user_42",
    });
  }
  if (key.filter === "search" && !key.value.startsWith("pn_")) {
    throw new CliError(`A partner id starts with pn_, got "${key.value}".`, ExitCode.usage, {
      hint: "To find a partner by email or your own id, use --email or --tenant-id.",
    });
  }
  return key;
}

/** Runs the command; returns the exit code. */
export async function partnersGet(
  id: string | undefined,
  options: GetOptions,
  globals: GlobalOptions,
  terminal: Terminal,
): Promise<number> {
  const key = partnerKey(id, options);
  const { format, writer } = openListing(
    { columns: PARTNER_COLUMNS, csvColumns: PARTNER_EXPORT_COLUMNS },
    options,
    globals,
    terminal,
  );
  const client = await openApiClient(globals, terminal);
  let partner: PartnerLike | undefined;
  try {
    const found = await fetchPartners(client, { [key.filter]: key.value, pageSize: 100 });
    // `search` matches an id exactly on Dub; the check keeps an emulator or proxy that matches loosely honest.
    partner = found.find((p) =>
      key.filter === "search"
        ? p.id === key.value
        : key.filter === "email"
          ? p.email === key.value
          : p.tenantId === key.value,
    );
  } finally {
    await client.close();
  }
  if (!partner) {
    throw new CliError(`No partner with ${key.label} in this program.`, ExitCode.notFound, {
      code: "not_found",
      hint: "List the program's partners: dubkit partners list",
    });
  }
  if (format === "table") {
    await writeText(
      terminal.stdout,
      `${formatPartner(partner, "found", colorsFor(globals.color, terminal.env, terminal.stdout))}\n`,
    );
  } else if (format === "json") {
    await writeText(terminal.stdout, `${JSON.stringify(partner, null, 2)}\n`);
  } else {
    await writer.write([partner]);
    await writer.end();
  }
  return ExitCode.ok;
}
