// Environment variables, read only where the runtime has them. No `node:` import: browsers and
// workers have no `process`, and Deno throws when env access was not granted.

/** The value of environment variable `name`, or `undefined` where there is none or it cannot be read. */
export function readEnv(name: string): string | undefined {
  try {
    const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
    const value = env?.[name];
    return value === "" ? undefined : value;
  } catch {
    return undefined;
  }
}
