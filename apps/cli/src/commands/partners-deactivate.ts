// `dubkit partners deactivate`: deactivates one partner, after naming them in a confirmation (or with --yes).

import { openApiClient } from "../api-client.js";
import { confirmOrCancel, requireConfirmation } from "../confirm-prompt.js";
import { ExitCode } from "../exit-codes.js";
import type { GlobalOptions } from "../global-options.js";
import { findPartner, type PartnerFlags, partnerKey } from "../partner-lookup.js";
import { partnerLabel } from "../partner-view.js";
import type { Terminal } from "../terminal.js";
import { printWriteResult } from "../write-result.js";

/** `partners deactivate` options. */
export interface DeactivateOptions extends PartnerFlags {
  yes?: boolean;
  json?: boolean;
}

/** Runs the command; returns the exit code. */
export async function partnersDeactivate(
  options: DeactivateOptions,
  globals: GlobalOptions,
  terminal: Terminal,
): Promise<number> {
  const key = partnerKey(options, {
    id: "--partner-id",
    example: "dubkit partners deactivate --email jane@example.com",
  });
  requireConfirmation(terminal, options.yes, "deactivate a partner");
  const client = await openApiClient(globals, terminal);
  try {
    const partner = await findPartner(client, key);
    const label = partnerLabel(partner);
    await confirmOrCancel(
      terminal,
      options.yes,
      `Deactivate ${label}? Their links will expire.`,
      `${label} was not deactivated`,
    );
    const result = await client.dub.partners.deactivate({ partnerId: partner.id as string });
    await printWriteResult(
      result,
      (c) => `${c.yellow("Deactivated")} ${label}.`,
      options.json,
      globals,
      terminal,
    );
    return ExitCode.ok;
  } finally {
    await client.close();
  }
}
