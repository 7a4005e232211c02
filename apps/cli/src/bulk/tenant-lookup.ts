// Rows that name their partner by tenantId are sent by the partner's id: upsert given a tenantId alone matches the
// URL among every link of the program (and would hand another partner's link over), and approve takes no tenantId
// at all. Each tenantId is looked up once per run (`GET /partners?tenantId=…`, an exact filter), through the run's
// client, so the lookups are paced like every other request.

import type { ApiClient } from "../api-client.js";
import type { SendOutcome } from "../import/send-outcome.js";

/** The partner a tenantId names, as the lookup reads it. */
export interface TenantPartner {
  id: string;
  /** The enrollment's status (`approved`, `pending` …). */
  status: string | undefined;
}

/** The program has no partner with the row's tenantId. */
export class TenantNotFound extends Error {
  constructor(readonly tenantId: string) {
    super(`no partner with tenantId ${JSON.stringify(tenantId)} in this program`);
    this.name = "TenantNotFound";
  }
}

/** Finds partners by tenantId, each once per run. */
export class TenantLookup {
  private readonly found = new Map<string, Promise<TenantPartner>>();
  /** Requests made. */
  requests = 0;

  constructor(private readonly client: ApiClient) {}

  /** The partner `tenantId` names; rejects with {@link TenantNotFound} when the program has none. */
  find(tenantId: string, signal: AbortSignal): Promise<TenantPartner> {
    let partner = this.found.get(tenantId);
    if (!partner) {
      partner = this.lookUp(tenantId, signal);
      this.found.set(tenantId, partner);
      // A lookup that failed for another reason (the network, a 5xx after the retries) is tried again by the next row.
      partner.catch((error: unknown) => {
        if (!(error instanceof TenantNotFound)) this.found.delete(tenantId);
      });
    }
    return partner;
  }

  private async lookUp(tenantId: string, signal: AbortSignal): Promise<TenantPartner> {
    this.requests++;
    const page = await this.client.dub.partners.list({ tenantId, pageSize: 1 }, { signal });
    const partner = page.data.find((p) => p.tenantId === tenantId);
    if (!partner) throw new TenantNotFound(tenantId);
    return { id: partner.id, status: typeof partner.status === "string" ? partner.status : undefined };
  }
}

/** A row whose tenantId the program does not have: the row's own failure, final for its content. */
export function tenantNotFoundOutcome(error: unknown): SendOutcome | undefined {
  if (!(error instanceof TenantNotFound)) return undefined;
  return {
    kind: "failed",
    failure: { error: error.message, status: 404, field: "tenantId" },
    retryable: false,
    conflict: false,
  };
}
