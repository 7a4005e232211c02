// Which profile, token and base URL a command uses, and where each came from:
// flag > environment (`DUB_API_KEY`, `DUB_API_URL`, `DUBKIT_PROFILE`) > the profile in the config file.

import { CliError } from "./cli-error.js";
import {
  checkProfileName,
  DEFAULT_PROFILE,
  type Profile,
  readConfig,
  type StoredConfig,
} from "./config-store.js";
import { ExitCode } from "./exit-codes.js";
import { type GlobalOptions, parseBaseUrl } from "./global-options.js";
import { rememberSecret } from "./redact.js";
import { checkToken } from "./token.js";
import type { Warning, WarningSink } from "./warning.js";
import { configFile } from "./xdg-paths.js";

/** Dub's API. */
export const DUB_API_URL = "https://api.dub.co";

/** The environment a command runs with. */
export type Env = Readonly<Record<string, string | undefined>>;

/** Where the profile name came from. */
export type ProfileSource = "--profile" | "DUBKIT_PROFILE" | "config" | "default";
/** Where the token came from. */
export type TokenSource = "--token" | "DUB_API_KEY" | "profile";
/** Where the base URL came from. */
export type BaseUrlSource = "--base-url" | "DUB_API_URL" | "profile" | "default";

/** Everything a command needs to reach the API, with the source of each value. */
export interface Settings {
  configFile: string;
  config: StoredConfig;
  profile: { name: string; source: ProfileSource; stored: Profile | undefined };
  token: { value: string; source: TokenSource } | undefined;
  baseUrl: { value: string; source: BaseUrlSource };
}

/** A non-empty environment value, trimmed. */
function fromEnv(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

/** The profile a command uses: `--profile` > `DUBKIT_PROFILE` > the config's default > `default`. */
export function chooseProfile(globals: GlobalOptions, env: Env, config: StoredConfig): Settings["profile"] {
  let name: string;
  let source: ProfileSource;
  const envProfile = fromEnv(env, "DUBKIT_PROFILE");
  if (globals.profile !== undefined) {
    name = checkProfileName(globals.profile.trim(), "--profile");
    source = "--profile";
  } else if (envProfile !== undefined) {
    name = checkProfileName(envProfile, "DUBKIT_PROFILE");
    source = "DUBKIT_PROFILE";
  } else if (config.defaultProfile !== undefined) {
    name = config.defaultProfile;
    source = "config";
  } else {
    name = DEFAULT_PROFILE;
    source = "default";
  }
  return { name, source, stored: config.profiles[name] };
}

/** A usage error for a profile that was asked for and is not in the config file. */
export function unknownProfile(name: string, config: StoredConfig, file: string): CliError {
  const names = Object.keys(config.profiles).sort();
  return new CliError(
    `No profile named "${name}" in ${file}${names.length ? ` (profiles: ${names.join(", ")})` : ""}.`,
    ExitCode.usage,
    { code: "unknown_profile", hint: `Save one with: dubkit login --profile ${name}` },
  );
}

/** What {@link resolveSettings} may be asked to tolerate. */
export interface ResolveOptions {
  /** `login` creates the profile it names, so a missing one is fine there. */
  allowMissingProfile?: boolean;
  warn?: WarningSink;
}

function chooseToken(
  globals: GlobalOptions,
  env: Env,
  profile: Settings["profile"],
  where: string,
): Settings["token"] {
  const envToken = fromEnv(env, "DUB_API_KEY");
  if (globals.token !== undefined) return { value: checkToken(globals.token, "--token"), source: "--token" };
  if (envToken !== undefined) return { value: checkToken(envToken, "DUB_API_KEY"), source: "DUB_API_KEY" };
  if (profile.stored?.token) return { value: checkToken(profile.stored.token, where), source: "profile" };
  return undefined;
}

function chooseBaseUrl(
  globals: GlobalOptions,
  env: Env,
  profile: Settings["profile"],
  where: string,
): Settings["baseUrl"] {
  const envUrl = fromEnv(env, "DUB_API_URL");
  if (globals.baseUrl !== undefined)
    return { value: parseBaseUrl(globals.baseUrl, "--base-url"), source: "--base-url" };
  if (envUrl !== undefined) return { value: parseBaseUrl(envUrl, "DUB_API_URL"), source: "DUB_API_URL" };
  if (profile.stored?.baseUrl) {
    return { value: parseBaseUrl(profile.stored.baseUrl, `the base URL of ${where}`), source: "profile" };
  }
  return { value: DUB_API_URL, source: "default" };
}

/** A warning when a profile chosen by name has its token or URL overridden by a flag or the environment. */
function overrideWarning(settings: Omit<Settings, "configFile" | "config">): Warning | undefined {
  const { profile, token, baseUrl } = settings;
  const overridden = [
    profile.stored?.token && token && token.source !== "profile" ? `${token.source} overrides its token` : "",
    profile.stored?.baseUrl && baseUrl.source !== "profile" ? `${baseUrl.source} overrides its base URL` : "",
  ].filter(Boolean);
  if (overridden.length === 0) return undefined;
  return {
    code: "profile_overridden",
    message: `Profile "${profile.name}" is selected, but ${overridden.join(" and ")}.`,
  };
}

/** Resolves the profile, token and base URL; validates each value it takes, naming its source. */
export async function resolveSettings(
  globals: GlobalOptions,
  env: Env,
  options: ResolveOptions = {},
): Promise<Settings> {
  const file = configFile(env);
  const config = await readConfig(file, options.warn);
  const profile = chooseProfile(globals, env, config);
  const explicit = profile.source === "--profile" || profile.source === "DUBKIT_PROFILE";
  if (explicit && !profile.stored && !options.allowMissingProfile)
    throw unknownProfile(profile.name, config, file);
  const where = `profile "${profile.name}" in ${file}`;
  const token = chooseToken(globals, env, profile, where);
  if (token) rememberSecret(token.value);
  const baseUrl = chooseBaseUrl(globals, env, profile, where);
  if (explicit) {
    const warning = overrideWarning({ profile, token, baseUrl });
    if (warning) options.warn?.(warning);
  }
  return { configFile: file, config, profile, token, baseUrl };
}
