// Which token a command uses and where it came from: `--token` > `DUB_API_KEY` > the config file.

import { readConfig } from "./config-store.js";

/** A token and a description of its source, for `whoami` and error messages. */
export interface ResolvedToken {
  token: string;
  /** `"--token"`, `"DUB_API_KEY"` or `"config"`. */
  source: "--token" | "DUB_API_KEY" | "config";
  /** The config file path, when the token came from it. */
  file?: string;
}

/** Finds the token by precedence; `undefined` when there is none anywhere. */
export async function resolveToken(
  flag: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
  file: string,
): Promise<ResolvedToken | undefined> {
  if (flag) return { token: flag, source: "--token" };
  if (env.DUB_API_KEY) return { token: env.DUB_API_KEY, source: "DUB_API_KEY" };
  const config = await readConfig(file);
  if (config.token) return { token: config.token, source: "config", file };
  return undefined;
}

/**
 * A token with all but its prefix and last four characters hidden, e.g. `dub_…Xy9Q`. Short tokens
 * are hidden entirely so the mask never reveals most of a secret.
 */
export function maskToken(token: string): string {
  const prefix = /^[a-z]+_/.exec(token)?.[0] ?? "";
  const rest = token.length - prefix.length;
  if (rest < 12) return `${prefix}****`;
  return `${prefix}…${token.slice(-4)}`;
}
