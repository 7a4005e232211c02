// `dubkit partners applications reject ID`: rejects one application, after naming the applicant in a confirmation
// (or with --yes).

import type { ReapplicationTimeframe, RejectionReason } from "@dubkit/contract/values";
import { openApiClient } from "../api-client.js";
import { confirmOrCancel, requireConfirmation } from "../confirm-prompt.js";
import { ExitCode } from "../exit-codes.js";
import type { GlobalOptions } from "../global-options.js";
import { partnerKey } from "../partner-lookup.js";
import type { Terminal } from "../terminal.js";
import { printWriteResult } from "../write-result.js";
import { applicationTarget } from "./applications-approve.js";

/** `partners applications reject` options. */
export interface RejectOptions {
  reason?: RejectionReason;
  note?: string;
  reapply?: ReapplicationTimeframe;
  yes?: boolean;
  json?: boolean;
}

const AFTERWARDS: Record<ReapplicationTimeframe, string> = {
  instant: "they may apply again at once",
  standard: "they may apply again in 30 days",
  never: "they may not apply again",
};

/** Runs the command; returns the exit code. */
export async function applicationsReject(
  partnerId: string,
  options: RejectOptions,
  globals: GlobalOptions,
  terminal: Terminal,
): Promise<number> {
  partnerKey({ partnerId }, { id: "a partner id (pn_…)", example: "dubkit partners applications list" });
  requireConfirmation(terminal, options.yes, "reject an application");
  const client = await openApiClient(globals, terminal);
  try {
    const target = await applicationTarget(client, partnerId);
    const reapply = options.reapply ?? "standard";
    await confirmOrCancel(
      terminal,
      options.yes,
      `Reject the application of ${target.label}? (${AFTERWARDS[reapply]})`,
      `the application of ${target.label} was not rejected`,
    );
    const result = await client.dub.partnerApplications.reject({
      partnerId: target.partnerId,
      reapplicationTimeframe: reapply,
      ...(options.reason === undefined ? {} : { rejectionReason: options.reason }),
      ...(options.note === undefined ? {} : { rejectionNote: options.note }),
    });
    await printWriteResult(
      result,
      (c) => `${c.red("Rejected")} the application of ${target.label}; ${AFTERWARDS[reapply]}.`,
      options.json,
      globals,
      terminal,
    );
    return ExitCode.ok;
  } finally {
    await client.close();
  }
}
