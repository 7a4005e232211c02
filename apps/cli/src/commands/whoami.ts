// `dubkit whoami`: which profile, token and base URL a command would use and where each comes from,
// and whether the API accepts them (the program the token reaches). The token is shown masked.

import { noTokenError } from "../api-client.js";
import { ExitCode } from "../exit-codes.js";
import type { GlobalOptions } from "../global-options.js";
import { describeKeyAccess } from "../key-access.js";
import { resolveSettings, type Settings } from "../settings.js";
import { colorsFor, type Terminal } from "../terminal.js";
import { maskToken } from "../token.js";
import { warningSink } from "../warning.js";
import { checkAccess } from "./login.js";

/** What `whoami --json` prints. */
export interface WhoamiInfo {
  profile: string;
  profileSource: string;
  token: string;
  tokenSource: string;
  baseUrl: string;
  baseUrlSource: string;
  configFile: string;
  /** Whether the API accepted the token. */
  ok: boolean;
  /** The program the token reaches (the first partner's), `null` with no partners yet. */
  program?: string | null;
  /** Whether the key may change the program (an owner's or member's) or only read it (a viewer's or billing's). */
  canWrite?: boolean;
}

function describeSource(source: string, settings: Settings): string {
  if (source === "profile") return `profile "${settings.profile.name}"`;
  if (source === "config") return "the default profile";
  if (source === "default") return "default";
  return source;
}

/** Runs the command; returns the exit code. */
export async function whoami(
  options: { json?: boolean },
  globals: GlobalOptions,
  terminal: Terminal,
): Promise<number> {
  const json = options.json === true || globals.json === true;
  const out = terminal.stdout;
  if (globals.local) {
    const { LOCAL_API_KEY, localStateFile } = await import("../local-emulator.js");
    const info = { source: "local", token: maskToken(LOCAL_API_KEY), file: localStateFile(terminal.env) };
    out.write(json ? `${JSON.stringify(info)}\n` : `Local emulator (state in ${info.file})\n`);
    return ExitCode.ok;
  }
  const settings = await resolveSettings(globals, terminal.env, { warn: warningSink(terminal.stderr, json) });
  const { token, baseUrl, profile } = settings;
  if (!token) throw noTokenError(profile.name);
  const info: WhoamiInfo = {
    profile: profile.name,
    profileSource: profile.source,
    token: maskToken(token.value),
    tokenSource: token.source,
    baseUrl: baseUrl.value,
    baseUrlSource: baseUrl.source,
    configFile: settings.configFile,
    ok: false,
  };
  let failure: unknown;
  try {
    const check = await checkAccess(token.value, baseUrl.value, globals, terminal);
    info.program = check.program;
    if (check.access) info.canWrite = check.access === "write";
    info.ok = true;
  } catch (error) {
    failure = error;
  }
  if (json) {
    out.write(`${JSON.stringify(info)}\n`);
  } else {
    const c = colorsFor(globals.color, terminal.env, out);
    const row = (key: string, value: string) => `${c.dim(key.padEnd(9))} ${value}\n`;
    out.write(
      row("Profile", `${profile.name} (${describeSource(profile.source, settings)})`) +
        row("Token", `${info.token} (${describeSource(token.source, settings)})`) +
        row("Base URL", `${baseUrl.value} (${describeSource(baseUrl.source, settings)})`) +
        (info.ok
          ? row("Program", info.program ?? "no partners yet, so no program id to show") +
            (info.canWrite === undefined
              ? ""
              : row("Role", describeKeyAccess(info.canWrite ? "write" : "read-only")))
          : row("API", c.red("the token does not work; see below"))) +
        row("Config", settings.configFile),
    );
  }
  if (failure !== undefined) throw failure;
  return ExitCode.ok;
}
