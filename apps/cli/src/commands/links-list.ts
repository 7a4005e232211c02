// `dubkit partners links list`: every link of one partner, in any listing format.

import { openApiClient } from "../api-client.js";
import { ExitCode } from "../exit-codes.js";
import type { GlobalOptions } from "../global-options.js";
import { LINK_COLUMNS, LINK_EXPORT_COLUMNS, type LinkLike } from "../link-view.js";
import { type ListingFlags, openListing } from "../output/listing-output.js";
import { type PartnerFlags, partnerIdentity, partnerKey } from "../partner-lookup.js";
import type { Terminal } from "../terminal.js";

/** `partners links list` options. */
export interface LinksListOptions extends ListingFlags, PartnerFlags {}

/** Runs the command; returns the exit code. */
export async function linksList(
  options: LinksListOptions,
  globals: GlobalOptions,
  terminal: Terminal,
): Promise<number> {
  const key = partnerKey(options, {
    id: "--partner-id",
    example: "dubkit partners links list --tenant-id user_42",
  });
  const { format, writer } = openListing(
    { columns: LINK_COLUMNS, csvColumns: LINK_EXPORT_COLUMNS },
    options,
    globals,
    terminal,
  );
  const client = await openApiClient(globals, terminal);
  let links: LinkLike[];
  try {
    links = await client.dub.partners.retrieveLinks(await partnerIdentity(client, key));
  } finally {
    await client.close();
  }
  await writer.write(links);
  await writer.end();
  if (links.length === 0 && format === "table") {
    terminal.stderr.write("No links found for this partner.\n");
  }
  return ExitCode.ok;
}
