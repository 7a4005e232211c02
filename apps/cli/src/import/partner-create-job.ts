// The import's job: each row is a create (POST /partners), and the answer is checked against the row's email, since
// Dub returns another partner when the row's tenantId is theirs.

import type { BulkJob } from "./bulk-job.js";
import { outcomeOfError, outcomeOfPartner, type PartnerHead } from "./send-outcome.js";

/** The import's job around `send`, which creates one partner (through the SDK's transport). */
export function partnerCreateJob(
  send: (body: Record<string, unknown>, signal: AbortSignal) => Promise<PartnerHead>,
): BulkJob<PartnerHead> {
  return {
    send,
    outcomeOf: (partner, row, firstSentAt) => {
      const tenantId = typeof row.body.tenantId === "string" ? row.body.tenantId : undefined;
      const sent = {
        email: String(row.body.email),
        firstSentAt,
        finishedBefore: row.finishedBefore !== undefined,
      };
      return outcomeOfPartner(partner, sent, tenantId);
    },
    outcomeOfError: (error, abandoned) => outcomeOfError(error, abandoned),
  };
}
