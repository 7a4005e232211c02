// `dubkit profiles list | use | remove`: the saved workspaces. Tokens are only ever shown masked.

import { CliError } from "../cli-error.js";
import {
  checkProfileName,
  DEFAULT_PROFILE,
  readConfig,
  type StoredConfig,
  writeConfig,
} from "../config-store.js";
import { ExitCode } from "../exit-codes.js";
import type { GlobalOptions } from "../global-options.js";
import { type ListingFlags, openListing } from "../output/listing-output.js";
import type { Column } from "../output/record-writer.js";
import { DUB_API_URL, unknownProfile } from "../settings.js";
import { colorsFor, type Terminal } from "../terminal.js";
import { maskToken } from "../token.js";
import { warningSink } from "../warning.js";
import { configFile } from "../xdg-paths.js";

/** A profile as `profiles list` shows it. */
export interface ProfileRow {
  name: string;
  default: boolean;
  /** Masked. */
  token: string | null;
  baseUrl: string;
}

const COLUMNS: readonly Column<ProfileRow>[] = [
  { header: "default", value: (p) => (p.default ? "*" : "") },
  { header: "name", value: (p) => p.name, shrink: true },
  { header: "token", value: (p) => p.token },
  { header: "baseUrl", value: (p) => p.baseUrl, shrink: true },
];

/** The default profile's name: the one `profiles use` chose, else `default`. */
export function defaultProfileName(config: StoredConfig): string {
  return config.defaultProfile ?? DEFAULT_PROFILE;
}

/** The profiles, sorted by name, the default marked, tokens masked. */
export function profileRows(config: StoredConfig): ProfileRow[] {
  const chosen = defaultProfileName(config);
  return Object.entries(config.profiles)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, profile]) => ({
      name,
      default: name === chosen,
      token: profile.token ? maskToken(profile.token) : null,
      baseUrl: profile.baseUrl ?? DUB_API_URL,
    }));
}

async function load(globals: GlobalOptions, terminal: Terminal) {
  const file = configFile(terminal.env);
  const warn = warningSink(terminal.stderr, globals.json === true);
  return { file, warn, config: await readConfig(file, warn) };
}

/** `dubkit profiles list`. */
export async function profilesList(
  options: ListingFlags,
  globals: GlobalOptions,
  terminal: Terminal,
): Promise<number> {
  const { config, file } = await load(globals, terminal);
  const { format, writer } = openListing({ columns: COLUMNS }, options, globals, terminal);
  const rows = profileRows(config);
  await writer.write(rows);
  await writer.end();
  if (rows.length === 0 && format === "table") {
    terminal.stderr.write(`No profiles in ${file}; save one with: dubkit login [--profile NAME]\n`);
  }
  return ExitCode.ok;
}

/** `dubkit profiles use NAME`. */
export async function profilesUse(name: string, globals: GlobalOptions, terminal: Terminal): Promise<number> {
  checkProfileName(name, "the profile name");
  const { config, file, warn } = await load(globals, terminal);
  if (!config.profiles[name]) throw unknownProfile(name, config, file);
  config.defaultProfile = name;
  await writeConfig(file, config, warn);
  const c = colorsFor(globals.color, terminal.env, terminal.stderr);
  terminal.stderr.write(`${c.green("Default profile")} is now "${name}".\n`);
  return ExitCode.ok;
}

/** Removes profile `name` (also what `logout` does). */
export async function removeProfile(
  name: string,
  globals: GlobalOptions,
  terminal: Terminal,
): Promise<number> {
  checkProfileName(name, "the profile name");
  const { config, file, warn } = await load(globals, terminal);
  if (!config.profiles[name]) throw unknownProfile(name, config, file);
  const wasDefault = defaultProfileName(config) === name;
  delete config.profiles[name];
  if (config.defaultProfile === name) delete config.defaultProfile;
  await writeConfig(file, config, warn);
  const c = colorsFor(globals.color, terminal.env, terminal.stderr);
  const remaining = Object.keys(config.profiles);
  const next =
    wasDefault && remaining.length > 0 && !config.profiles[DEFAULT_PROFILE]
      ? ` No default profile now; choose one: dubkit profiles use ${remaining.sort()[0]}`
      : "";
  terminal.stderr.write(`${c.green("Removed")} profile "${name}" and its token from ${file}.${next}\n`);
  return ExitCode.ok;
}

/** `dubkit profiles remove NAME`. */
export function profilesRemove(name: string, globals: GlobalOptions, terminal: Terminal): Promise<number> {
  if (name.trim() === "") throw new CliError("Name the profile to remove.", ExitCode.usage);
  return removeProfile(name, globals, terminal);
}
