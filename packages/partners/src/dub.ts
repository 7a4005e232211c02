// The full client: `new Dub(options)` with its resources. The seed's `with Dub(...) as dub` is `await using`.
import { DubCore } from "./dub-core.js";
import { PartnerApplications } from "./resources/partner-applications.js";
import { Partners } from "./resources/partners.js";

/**
 * The Dub partner-program API client.
 *
 * ```ts
 * await using dub = new Dub({ token: process.env.DUB_API_KEY });
 * const partner = await dub.partners.create({ email: "jane@example.com", name: "Jane Doe" });
 * const link = await dub.partners.createLink({ partnerId: partner.id, key: "jane" });
 * for await (const application of dub.partnerApplications.list()) {
 *   await dub.partnerApplications.approve({ partnerId: application.partner.id });
 * }
 * ```
 */
export class Dub extends DubCore {
  /** Partner operations: `create`, `list`, `createLink`, `retrieveLinks`, `upsertLink`, `analytics`, `ban`, `deactivate`. */
  readonly partners: Partners = new Partners(this);
  /** Application operations: `list`, `approve`, `reject`. */
  readonly partnerApplications: PartnerApplications = new PartnerApplications(this);
}
