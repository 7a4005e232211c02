// One-time warnings for request fields that older Dub API versions accepted and the current server ignores.

const warned = new Set<string>();

/** Emits `message` once per process (per `key`), through `process.emitWarning` where it exists, else `console.warn`. */
export function warnOnce(key: string, message: string): void {
  if (warned.has(key)) return;
  warned.add(key);
  const proc = (
    globalThis as { process?: { emitWarning?: (message: string, type: string, code: string) => void } }
  ).process;
  if (typeof proc?.emitWarning === "function") proc.emitWarning(message, "DeprecationWarning", key);
  else console.warn(`DeprecationWarning: ${message}`);
}
