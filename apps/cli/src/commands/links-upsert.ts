// `dubkit partners links upsert`: the partner's link to a URL, updated or created, printed as a summary saying
// which, or in full with --json.

import { openApiClient } from "../api-client.js";
import { CliError } from "../cli-error.js";
import { CLOCK_TOLERANCE_MS } from "../enrollment-outcome.js";
import { ExitCode } from "../exit-codes.js";
import type { GlobalOptions } from "../global-options.js";
import { buildLinkBody, type LinkBodyOptions } from "../link-body.js";
import { formatLink, type LinkOutcome } from "../link-view.js";
import { writeText } from "../output/stream-write.js";
import { findPartner } from "../partner-lookup.js";
import { colorsFor, type Terminal } from "../terminal.js";

/**
 * Dub answers 200 whether it created, updated or left the link alone; the link's timestamps tell which: created or
 * updated no earlier than the request was sent (less a clock tolerance), else unchanged.
 */
export function upsertOutcome(link: { createdAt?: string; updatedAt?: string }, sentAt: number): LinkOutcome {
  const since = (at: string | undefined) => Date.parse(at ?? "") >= sentAt - CLOCK_TOLERANCE_MS;
  if (since(link.createdAt)) return "created";
  return since(link.updatedAt) ? "updated" : "unchanged";
}

/** Runs the command; returns the exit code. */
export async function linksUpsert(
  options: LinkBodyOptions,
  globals: GlobalOptions,
  terminal: Terminal,
): Promise<number> {
  const { body, partner } = await buildLinkBody(options, terminal.stdin);
  if (body.url === undefined) {
    throw new CliError("A URL is required: pass --url, or a url field in --data.", ExitCode.usage, {
      code: "invalid_request",
      field: "url",
    });
  }
  const client = await openApiClient(globals, terminal);
  try {
    // By id always: with a tenantId alone, Dub looks the URL up among every link of the program, not the partner's.
    const partnerId = partner.filter === "search" ? partner.value : (await findPartner(client, partner)).id;
    const sentAt = Date.now();
    const link = await client.dub.partners.upsertLink({ ...body, partnerId } as Parameters<
      typeof client.dub.partners.upsertLink
    >[0]);
    const text =
      options.json || globals.json
        ? JSON.stringify(link, null, 2)
        : formatLink(
            link,
            upsertOutcome(link, sentAt),
            colorsFor(globals.color, terminal.env, terminal.stdout),
          );
    await writeText(terminal.stdout, `${text}\n`);
    return ExitCode.ok;
  } finally {
    await client.close();
  }
}
