// The User-Agent dubkit sends: `dubkit/<version> (<runtime>/<version>)`, so Dub can tell SDK
// traffic and runtimes apart. Browsers forbid setting it, so none is sent there.

import { version } from "../package.json";

interface RuntimeGlobals {
  Bun?: { version?: string };
  Deno?: { version?: { deno?: string } };
  navigator?: { userAgent?: string };
  process?: { versions?: { node?: string } };
  window?: unknown;
  document?: unknown;
}

/** The runtime's name and version (`node/20.20.2`, `bun/1.2.0`, `deno/2.1.0`, `workerd`), or `browser`. */
export function detectRuntime(globals: RuntimeGlobals = globalThis as RuntimeGlobals): string {
  if (globals.Bun) return `bun/${globals.Bun.version ?? "unknown"}`;
  if (globals.Deno) return `deno/${globals.Deno.version?.deno ?? "unknown"}`;
  if (globals.navigator?.userAgent === "Cloudflare-Workers") return "workerd";
  if (globals.process?.versions?.node) return `node/${globals.process.versions.node}`;
  if (globals.window !== undefined && globals.document !== undefined) return "browser";
  return "unknown";
}

/** Makes a transport's `User-Agent` from the caller's `userAgent` option; `undefined` sends none. */
export type UserAgentFactory = (product?: string) => string | undefined;

/** The `User-Agent` for the runtime this code runs in, as {@link detectRuntime} names it. */
export const runtimeUserAgent: UserAgentFactory = (product) => userAgentFor(detectRuntime(), product);

/**
 * The `User-Agent` value for this runtime, with `product` (e.g. `my-app/1.0`) in front when
 * given; `undefined` in browsers, where the header is forbidden.
 */
export function userAgentFor(runtime: string, product?: string): string | undefined {
  if (runtime === "browser") return undefined;
  const own = `dubkit/${version} (${runtime})`;
  return product ? `${product} ${own}` : own;
}
