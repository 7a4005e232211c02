// Standalone operations load their schemas on first use: the contract imports zod, whose module graph costs
// ~45 ms to load on Node, so `import("@dubkit/partners")` stays cheap and that cost moves to the first call.
// Bundlers inline the dynamic import, so a browser bundle still holds only the operations it uses.

import type { AnyOperation, OperationInput, OperationOutput, RequestOptions } from "@dubkit/core";
import type { DubCore } from "./dub-core.js";

/** An operation's standalone function: `(client, input, options?) => Promise<output>`. */
export type StandaloneOperation<O extends AnyOperation> = (
  client: DubCore,
  input: OperationInput<O>,
  options?: RequestOptions,
) => Promise<OperationOutput<O>>;

/** The standalone function of the operation `load` imports, loaded once on the first call. */
/* @__NO_SIDE_EFFECTS__ */
export function lazyOperation<O extends AnyOperation>(load: () => Promise<O>): StandaloneOperation<O> {
  let operation: O | undefined;
  let loading: Promise<O> | undefined;
  return (client, input, options) => {
    if (operation) return client.transport.request(operation, input, options);
    loading ??= load().then((loaded) => {
      operation = loaded;
      return loaded;
    });
    return loading.then((loaded) => client.transport.request(loaded, input, options));
  };
}
