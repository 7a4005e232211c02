// The opt-in debug log: one line per request attempt, response, failure and retry.

import { readEnv } from "./environment.js";

/** Receives one formatted log line. */
export type DebugSink = (line: string) => void;

/**
 * Where debug lines go: the caller's function, `console.error` for `true` or `DUBKIT_DEBUG=1`,
 * nowhere otherwise (`false` wins over the environment variable).
 */
export function resolveDebugSink(debug: boolean | DebugSink | undefined): DebugSink | undefined {
  if (typeof debug === "function") return debug;
  if (debug === false) return undefined;
  if (debug === true || readEnv("DUBKIT_DEBUG") === "1") return (line) => console.error(line);
  return undefined;
}
