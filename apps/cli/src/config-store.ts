// The config file: named profiles, each a token and a base URL, readable only by its owner (0600,
// in a 0700 directory). A too-open file or directory is fixed on sight, with a warning. The first
// format, `{ "token": "…" }`, reads as the profile `default` and is rewritten on the next save.

import { chmod, mkdir, open, readFile, rename, rm, stat } from "node:fs/promises";
import { dirname } from "node:path";
import { CliError } from "./cli-error.js";
import { ExitCode } from "./exit-codes.js";
import type { WarningSink } from "./warning.js";

/** The profile used when none is chosen and the config names no default. */
export const DEFAULT_PROFILE = "default";

/** One workspace's credentials. */
export interface Profile {
  /** The Dub API token saved by `dubkit login`. */
  token?: string;
  /** The API base URL to use with it; absent means Dub's. */
  baseUrl?: string;
  /** The workspace's Dub plan (`dubkit login --plan`), for the import's pace and quota; Dub's API does not say it. */
  plan?: string;
}

/** What the config file holds. */
export interface StoredConfig {
  /** The profile `dubkit profiles use` chose; absent means {@link DEFAULT_PROFILE}. */
  defaultProfile?: string;
  profiles: Record<string, Profile>;
}

const PROFILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** Throws a usage error unless `name` can name a profile. */
export function checkProfileName(name: string, source = "--profile"): string {
  if (!PROFILE_NAME.test(name)) {
    throw new CliError(
      `${source} must be a profile name of letters, digits, ".", "_" or "-" (at most 64, starting with a letter or digit).`,
      ExitCode.usage,
      { field: source },
    );
  }
  return name;
}

function invalid(file: string, what: string): CliError {
  return new CliError(`The config file ${file} is not valid: ${what}.`, ExitCode.usage, {
    code: "config",
    hint: "Fix it, or delete it and run `dubkit login` again.",
  });
}

function readProfile(file: string, name: string, value: unknown): Profile {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw invalid(file, `profile "${name}" must be an object`);
  }
  const profile: Profile = {};
  for (const key of ["token", "baseUrl", "plan"] as const) {
    const field = (value as Record<string, unknown>)[key];
    if (field === undefined || field === null || field === "") continue;
    if (typeof field !== "string") throw invalid(file, `${key} of profile "${name}" must be a string`);
    profile[key] = field;
  }
  return profile;
}

/** Parses the file's text, either format. */
export function parseConfig(text: string, file: string): StoredConfig {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw invalid(file, "it is not JSON");
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw invalid(file, "it must hold a JSON object");
  }
  const raw = parsed as Record<string, unknown>;
  if (raw.profiles === undefined) {
    // The first format: one token, no profiles.
    const legacy = readProfile(file, DEFAULT_PROFILE, { token: raw.token });
    return { profiles: legacy.token ? { [DEFAULT_PROFILE]: legacy } : {} };
  }
  if (typeof raw.profiles !== "object" || raw.profiles === null || Array.isArray(raw.profiles)) {
    throw invalid(file, '"profiles" must be an object');
  }
  const config: StoredConfig = { profiles: {} };
  for (const [name, value] of Object.entries(raw.profiles))
    config.profiles[name] = readProfile(file, name, value);
  if (typeof raw.defaultProfile === "string" && raw.defaultProfile !== "") {
    config.defaultProfile = raw.defaultProfile;
  }
  return config;
}

/** Narrows a file's or directory's mode to `mode` when group or others may read it, with a warning. */
async function keepPrivate(path: string, mode: number, warn: WarningSink | undefined): Promise<void> {
  if (process.platform === "win32") return;
  let current: number;
  try {
    current = (await stat(path)).mode & 0o777;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw error;
  }
  if ((current & 0o077) === 0) return;
  await chmod(path, mode);
  warn?.({
    code: "config_permissions",
    message: `${path} was readable by others (mode ${current.toString(8).padStart(4, "0")}); changed it to ${mode.toString(8).padStart(4, "0")}.`,
  });
}

/** Reads the config file (a missing file is an empty config), making it and its directory private first. */
export async function readConfig(file: string, warn?: WarningSink): Promise<StoredConfig> {
  await keepPrivate(dirname(file), 0o700, warn);
  await keepPrivate(file, 0o600, warn);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { profiles: {} };
    throw error;
  }
  return parseConfig(text, file);
}

/**
 * Writes the config atomically: a temporary file created with mode 0600 is fsynced and renamed
 * over the old one, so the token is never readable by others, not even for a moment. A config
 * without profiles deletes the file.
 */
export async function writeConfig(file: string, config: StoredConfig, warn?: WarningSink): Promise<void> {
  const dir = dirname(file);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  // mkdir's mode applies only to a directory it creates; an existing one is narrowed here.
  await keepPrivate(dir, 0o700, warn);
  if (Object.keys(config.profiles).length === 0) {
    await rm(file, { force: true });
    return;
  }
  const temp = `${file}.${process.pid}.tmp`;
  const handle = await open(temp, "w", 0o600);
  try {
    const stored = {
      ...(config.defaultProfile === undefined ? {} : { defaultProfile: config.defaultProfile }),
      profiles: config.profiles,
    };
    await handle.writeFile(`${JSON.stringify(stored, null, 2)}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  // `open`'s mode is filtered by the umask; set it explicitly.
  await chmod(temp, 0o600);
  await rename(temp, file);
}
