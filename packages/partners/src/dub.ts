// The full client: `new Dub(options)` with its resources. The seed's `with Dub(...) as dub` is `await using`.
import { DubCore } from "./dub-core.js";
import { Partners } from "./resources/partners.js";

/**
 * The Dub Partners API client.
 *
 * ```ts
 * await using dub = new Dub({ token: process.env.DUB_API_KEY });
 * const partner = await dub.partners.create({ email: "jane@example.com", name: "Jane Doe" });
 * ```
 */
export class Dub extends DubCore {
  /** Partner operations: `create`, `list`. */
  readonly partners: Partners = new Partners(this);
}
