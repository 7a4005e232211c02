// `dubkit partners ban`: bans one partner, after naming them in a confirmation (or with --yes).

import type { BanReason } from "@dubkit/contract/values";
import { openApiClient } from "../api-client.js";
import { confirmOrCancel, requireConfirmation } from "../confirm-prompt.js";
import { ExitCode } from "../exit-codes.js";
import type { GlobalOptions } from "../global-options.js";
import { findPartner, type PartnerFlags, partnerKey } from "../partner-lookup.js";
import { partnerLabel } from "../partner-view.js";
import type { Terminal } from "../terminal.js";
import { printWriteResult } from "../write-result.js";

/** `partners ban` options. */
export interface BanOptions extends PartnerFlags {
  reason: BanReason;
  yes?: boolean;
  json?: boolean;
}

/** Runs the command; returns the exit code. */
export async function partnersBan(
  options: BanOptions,
  globals: GlobalOptions,
  terminal: Terminal,
): Promise<number> {
  const key = partnerKey(options, {
    id: "--partner-id",
    example: "dubkit partners ban --email jane@example.com --reason fraud",
  });
  requireConfirmation(terminal, options.yes, "ban a partner");
  const client = await openApiClient(globals, terminal);
  try {
    const partner = await findPartner(client, key);
    const label = partnerLabel(partner);
    await confirmOrCancel(terminal, options.yes, `Ban ${label} from the program?`, `${label} was not banned`);
    const result = await client.dub.partners.ban({ partnerId: partner.id as string, reason: options.reason });
    await printWriteResult(
      result,
      (c) => `${c.red("Banned")} ${label}; reason: ${options.reason}.`,
      options.json,
      globals,
      terminal,
    );
    return ExitCode.ok;
  } finally {
    await client.close();
  }
}
