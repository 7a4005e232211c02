// `dubkit partners get ID | --email E | --tenant-id T`: one partner, found with the list endpoint's
// exact filters (an id through `search=pn_…`, which Dub matches exactly), or exit 4.

import { openApiClient } from "../api-client.js";
import { ExitCode } from "../exit-codes.js";
import type { GlobalOptions } from "../global-options.js";
import { type ListingFlags, openListing } from "../output/listing-output.js";
import { writeText } from "../output/stream-write.js";
import { findPartner, partnerKey } from "../partner-lookup.js";
import { formatPartner, PARTNER_COLUMNS, PARTNER_EXPORT_COLUMNS, type PartnerLike } from "../partner-view.js";
import { colorsFor, type Terminal } from "../terminal.js";

/** `partners get` options. */
export interface GetOptions extends ListingFlags {
  email?: string;
  tenantId?: string;
}

/** Runs the command; returns the exit code. */
export async function partnersGet(
  id: string | undefined,
  options: GetOptions,
  globals: GlobalOptions,
  terminal: Terminal,
): Promise<number> {
  const key = partnerKey(
    { partnerId: id, email: options.email, tenantId: options.tenantId },
    {
      id: "a partner id (pn_…)",
      example: "dubkit partners get pn_1234 | --email jane@example.com | --tenant-id user_42",
    },
  );
  const { format, writer } = openListing(
    { columns: PARTNER_COLUMNS, csvColumns: PARTNER_EXPORT_COLUMNS },
    options,
    globals,
    terminal,
  );
  const client = await openApiClient(globals, terminal);
  let partner: PartnerLike;
  try {
    partner = await findPartner(client, key);
  } finally {
    await client.close();
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
