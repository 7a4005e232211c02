// Where dubkit keeps its files, following the XDG Base Directory spec (APPDATA on Windows).

import { homedir } from "node:os";
import { join } from "node:path";

/** The environment variables the paths depend on. */
export type PathEnv = Readonly<Record<string, string | undefined>>;

function base(env: PathEnv, xdgVar: string, fallback: string[]): string {
  const fromEnv = env[xdgVar];
  // The spec says relative values are invalid and must be ignored.
  if (fromEnv?.startsWith("/")) return fromEnv;
  if (process.platform === "win32" && env.APPDATA) return env.APPDATA;
  return join(env.HOME || homedir(), ...fallback);
}

/** dubkit's config directory: `$XDG_CONFIG_HOME/dubkit`, default `~/.config/dubkit`. */
export function configDir(env: PathEnv = process.env): string {
  return join(base(env, "XDG_CONFIG_HOME", [".config"]), "dubkit");
}

/** dubkit's data directory: `$XDG_DATA_HOME/dubkit`, default `~/.local/share/dubkit`. */
export function dataDir(env: PathEnv = process.env): string {
  return join(base(env, "XDG_DATA_HOME", [".local", "share"]), "dubkit");
}

/** dubkit's state directory (journals of runs that have no input file): `$XDG_STATE_HOME/dubkit`, default
 * `~/.local/state/dubkit`. */
export function stateDir(env: PathEnv = process.env): string {
  return join(base(env, "XDG_STATE_HOME", [".local", "state"]), "dubkit");
}

/** The config file that holds the stored token. */
export function configFile(env: PathEnv = process.env): string {
  return join(configDir(env), "config.json");
}
