// `dubkit partners links create`: one short link for a partner, printed as a summary or, with --json, in full.

import { openApiClient } from "../api-client.js";
import { ExitCode } from "../exit-codes.js";
import type { GlobalOptions } from "../global-options.js";
import { buildLinkBody, type LinkBodyOptions } from "../link-body.js";
import { formatLink } from "../link-view.js";
import { writeText } from "../output/stream-write.js";
import { partnerIdentity } from "../partner-lookup.js";
import { colorsFor, type Terminal } from "../terminal.js";

/** Runs the command; returns the exit code. */
export async function linksCreate(
  options: LinkBodyOptions,
  globals: GlobalOptions,
  terminal: Terminal,
): Promise<number> {
  const { body, partner } = await buildLinkBody(options, terminal.stdin);
  const client = await openApiClient(globals, terminal);
  try {
    const request = { ...body, ...(await partnerIdentity(client, partner)) };
    const link = await client.dub.partners.createLink(
      request as Parameters<typeof client.dub.partners.createLink>[0],
    );
    const text =
      options.json || globals.json
        ? JSON.stringify(link, null, 2)
        : formatLink(link, "created", colorsFor(globals.color, terminal.env, terminal.stdout));
    await writeText(terminal.stdout, `${text}\n`);
    return ExitCode.ok;
  } finally {
    await client.close();
  }
}
