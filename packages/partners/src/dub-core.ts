// The minimal client: options plus a transport. Standalone operations take it, so an app that imports only
// `createPartner` ships none of the other operations or resource classes.
import { asyncDispose, type ClientOptions } from "@dubkit/core";
import { createTransport, type Transport } from "@dubkit/fetch";

/** Options for {@link Dub} and {@link DubCore}. `token` defaults to the `DUB_API_KEY` environment variable where the runtime has one. */
export type DubOptions = ClientOptions;

/**
 * The smallest dubkit client: a configured transport and nothing else. Pass it to standalone operations such as
 * `createPartner(core, body)` for the smallest bundles; use {@link Dub} for the `dub.partners.create()` style.
 */
export class DubCore {
  /** The transport every operation goes through (auth, retries, timeouts, hooks, errors). */
  readonly transport: Transport;

  constructor(options: DubOptions = {}) {
    this.transport = createTransport(options);
  }

  /** Releases pooled connections. Pending calls finish first; later calls open new connections. */
  close(): Promise<void> {
    return this.transport.close();
  }

  /** `await using dub = new Dub(...)` closes the client when the scope ends. */
  [asyncDispose](): Promise<void> {
    return this.close();
  }
}
