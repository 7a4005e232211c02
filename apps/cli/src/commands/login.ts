// `dubkit login` and `logout`: a profile's token, read from stdin or a hidden prompt (never from argv,
// which shell history keeps), checked against the API before it is saved, and shown only masked.

import { text } from "node:stream/consumers";
import { ConnectionError, Forbidden, NotFound, RequestTimeoutError, Unauthorized } from "@dubkit/core";
import { createClient } from "../api-client.js";
import { CliError } from "../cli-error.js";
import { type Profile, readConfig, writeConfig } from "../config-store.js";
import { errorReport } from "../error-report.js";
import { ExitCode } from "../exit-codes.js";
import type { GlobalOptions } from "../global-options.js";
import { promptHidden } from "../hidden-prompt.js";
import { describeKeyAccess, type KeyAccess, probeKeyAccess } from "../key-access.js";
import { rememberSecret } from "../redact.js";
import { chooseProfile, resolveSettings, unknownProfile } from "../settings.js";
import { canPrompt, colorsFor, type Terminal } from "../terminal.js";
import { checkToken, isDubKey, maskToken, WHERE_KEYS_ARE } from "../token.js";
import { warningSink } from "../warning.js";
import { configFile } from "../xdg-paths.js";

/** `login` options. */
export interface LoginOptions {
  /** False with `--no-verify`. */
  verify: boolean;
  /** The workspace's plan, saved for the import's pace and quota. */
  plan?: string;
}

/** Reads the token: piped stdin, or a hidden prompt on a terminal (never when `CI` is set). */
async function readToken(terminal: Terminal): Promise<{ raw: string; source: string }> {
  if (terminal.stdin.isTTY !== true) return { raw: await text(terminal.stdin), source: "stdin" };
  if (!canPrompt(terminal)) {
    throw new CliError(
      "Refusing to prompt because CI is set. Pipe the token on stdin: `dubkit login < token.txt`.",
      ExitCode.usage,
    );
  }
  const raw = await promptHidden("Dub API token (input hidden): ", terminal.stdin, terminal.stderr);
  return { raw, source: "the prompt" };
}

const SAVE_ANYWAY = "To save it without checking (e.g. offline), add --no-verify.";

/** Turns a failed check into an error that says nothing was saved and why. */
function verifyFailure(error: unknown, baseUrl: string): CliError {
  if (Unauthorized.isInstance(error)) {
    return new CliError(
      `Dub rejected this key (${error.message.replace(/^Unauthorized: /, "")}); nothing was saved.`,
      ExitCode.auth,
      {
        code: error.code,
        hint: `Copy the key again from ${WHERE_KEYS_ARE}.`,
      },
    );
  }
  if (Forbidden.isInstance(error) && /higher plan/i.test(error.message)) {
    return new CliError(
      "This key's workspace has no access to the partners API (Need higher plan); nothing was saved.",
      ExitCode.auth,
      { code: error.code, hint: `Partner programs need Dub's Business plan or higher. ${SAVE_ANYWAY}` },
    );
  }
  if (NotFound.isInstance(error) && error.message.startsWith("Program not found")) {
    return new CliError(
      "This key's workspace has no partner program yet (Program not found); nothing was saved.",
      ExitCode.notFound,
      {
        code: error.code,
        hint: `Create the program in the Dub dashboard → Partners. ${SAVE_ANYWAY}`,
      },
    );
  }
  if (ConnectionError.isInstance(error) || RequestTimeoutError.isInstance(error)) {
    return new CliError(`Could not reach ${baseUrl} to check the key; nothing was saved.`, ExitCode.network, {
      code: ConnectionError.isInstance(error) ? "connection_error" : "timeout",
      hint: `Check the URL (--base-url or DUB_API_URL). ${SAVE_ANYWAY}`,
    });
  }
  const report = errorReport(error);
  return new CliError(`${report.message.replace(/\.$/, "")}; nothing was saved.`, report.exitCode, {
    code: report.code,
    ...(report.hint ? { hint: report.hint } : {}),
  });
}

/** What the API says about a token: the program it reaches and what it may do there. */
export interface AccessCheck {
  /** The first partner's program, `null` when there are no partners. */
  program: string | null;
  /** Absent when the role probe's answer was not one Dub gives. */
  access?: KeyAccess;
}

/** Asks the API whether the token works (the first partner's program), then what the key may do. */
export async function checkAccess(
  token: string,
  baseUrl: string,
  globals: GlobalOptions,
  terminal: Terminal,
): Promise<AccessCheck> {
  const client = await createClient(token, baseUrl, globals, terminal);
  try {
    const page = await client.dub.partners.list({ pageSize: 1 });
    const access = await probeKeyAccess(client.dub);
    return { program: page.data[0]?.programId ?? null, ...(access ? { access } : {}) };
  } finally {
    await client.close();
  }
}

/** `dubkit login`. */
export async function login(
  options: LoginOptions,
  globals: GlobalOptions,
  terminal: Terminal,
): Promise<number> {
  if (globals.token !== undefined) {
    throw new CliError(
      "`dubkit login` does not take --token (command lines end up in shell history). Pipe the token on stdin or type it at the prompt.",
      ExitCode.usage,
      { field: "--token" },
    );
  }
  if (globals.local)
    throw new CliError("--local needs no login: it uses an emulator's own key.", ExitCode.usage);
  const warn = warningSink(terminal.stderr, globals.json === true);
  // The token comes from stdin or the prompt here, never from the environment.
  const env = { ...terminal.env, DUB_API_KEY: undefined };
  const settings = await resolveSettings(globals, env, { allowMissingProfile: true, warn });
  const input = await readToken(terminal);
  const token = checkToken(input.raw, input.source);
  if (!isDubKey(token)) {
    throw new CliError(
      `What was read from ${input.source} is not a Dub API key; nothing was saved.`,
      ExitCode.usage,
      {
        code: "invalid_token",
        hint: `A key looks like dub_ followed by 24 letters and digits; create one in ${WHERE_KEYS_ARE}.`,
      },
    );
  }
  rememberSecret(token);
  const baseUrl = settings.baseUrl;
  let check: AccessCheck | undefined;
  if (options.verify) {
    try {
      check = await checkAccess(token, baseUrl.value, globals, terminal);
    } catch (error) {
      throw verifyFailure(error, baseUrl.value);
    }
  }

  const { config, configFile: file } = settings;
  const name = settings.profile.name;
  const profile: Profile = { token };
  // The URL the key was checked against is the one saved with it; Dub's own is left implicit.
  if (baseUrl.source !== "default") profile.baseUrl = baseUrl.value;
  // Dub's API cannot tell the plan; a re-login keeps the one saved before unless --plan says otherwise.
  const plan = options.plan ?? config.profiles[name]?.plan;
  if (plan !== undefined) profile.plan = plan;
  const first = Object.keys(config.profiles).length === 0;
  config.profiles[name] = profile;
  if (first && name !== "default") config.defaultProfile = name;
  await writeConfig(file, config, warn);

  const c = colorsFor(globals.color, terminal.env, terminal.stderr);
  const checked =
    check === undefined
      ? "; not checked"
      : `${check.program === null ? "; no partners yet" : `; program ${check.program}`}${
          check.access ? `; ${describeKeyAccess(check.access)}` : ""
        }`;
  terminal.stderr.write(
    `${c.green("Saved")} ${maskToken(token)} as profile "${name}" (${baseUrl.value}${checked}) in ${file}\n`,
  );
  return ExitCode.ok;
}

/** `dubkit logout`: removes the selected profile (`--profile`, `DUBKIT_PROFILE`, or the default). */
export async function logout(globals: GlobalOptions, terminal: Terminal): Promise<number> {
  const file = configFile(terminal.env);
  const config = await readConfig(file, warningSink(terminal.stderr, globals.json === true));
  const profile = chooseProfile(globals, terminal.env, config);
  if (!profile.stored) {
    if (profile.source === "--profile" || profile.source === "DUBKIT_PROFILE")
      throw unknownProfile(profile.name, config, file);
    terminal.stderr.write(`No stored token (${file}).\n`);
    return ExitCode.ok;
  }
  const { removeProfile } = await import("./profiles.js");
  return removeProfile(profile.name, globals, terminal);
}
