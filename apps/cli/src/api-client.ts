// Opens the SDK client a command talks through: the API the settings resolve to (flag > environment >
// profile), or, with `--local`, an embedded emulator whose state persists under the XDG data directory.

import type { ClientOptions, Hooks } from "@dubkit/core";
import type { Dub } from "@dubkit/partners";
import { CliError } from "./cli-error.js";
import { ExitCode } from "./exit-codes.js";
import { type GlobalOptions, parseCount } from "./global-options.js";
import { resolveSettings, type Settings } from "./settings.js";
import type { Terminal } from "./terminal.js";
import { tokenGuardHooks } from "./token-guard.js";
import { warningSink } from "./warning.js";

/** An open client and how to release it. */
export interface ApiClient {
  dub: Dub;
  /** Where requests go. */
  serverURL: string;
  /** How the token and URL were chosen; absent with `--local`. */
  settings?: Settings;
  close(): Promise<void>;
}

/** The error for a command that needs a token and has none. */
export function noTokenError(profile: string): CliError {
  return new CliError(
    "No Dub API token. Provide one with --token, the DUB_API_KEY environment variable, or `dubkit login`; " +
      "or add --local to use a local emulator (no account needed).",
    ExitCode.auth,
    { code: "no_token", hint: `Save a token for profile "${profile}": dubkit login --profile ${profile}` },
  );
}

/** What a command adds to the client: a limiter, hooks, its own default retries (`--retries` wins). */
export type ClientExtras = Pick<ClientOptions, "limiter" | "retries"> & { hooks?: Hooks };

/** Creates a client for `token` at `serverURL` with the global options' timeout, retries and debug log. */
export async function createClient(
  token: string,
  serverURL: string,
  globals: GlobalOptions,
  terminal: Terminal,
  extras: ClientExtras = {},
): Promise<{ dub: Dub; close(): Promise<void> }> {
  const timeoutMs = parseCount("--timeout", globals.timeout, 1);
  const retries = parseCount("--retries", globals.retries);
  const { Dub } = await import("@dubkit/partners");
  const debugHooks = globals.debug
    ? (await import("./request-log.js")).requestLogHooks((line) => terminal.stderr.write(`${line}\n`))
    : undefined;
  // The guard runs first, so a refused attempt is not even logged.
  const hooks = [tokenGuardHooks(token), debugHooks, extras.hooks]
    .filter((h): h is Hooks => h !== undefined)
    .flat();
  const dub = new Dub({
    token,
    serverURL,
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
    ...(retries === undefined
      ? extras.retries === undefined
        ? {}
        : { retries: extras.retries }
      : {
          retries:
            retries === 0
              ? { strategy: "none" as const }
              : { strategy: "backoff" as const, maxRetries: retries },
        }),
    ...(hooks.length > 0 ? { hooks } : {}),
    ...(extras.limiter ? { limiter: extras.limiter } : {}),
  });
  return { dub, close: () => dub.close() };
}

/** Creates the client for `globals`, starting the embedded emulator for `--local`. */
export async function openApiClient(
  globals: GlobalOptions,
  terminal: Terminal,
  extras: ClientExtras = {},
): Promise<ApiClient> {
  if (globals.local) {
    const { startLocalEmulator } = await import("./local-emulator.js");
    const local = await startLocalEmulator(terminal.env, terminal.stderr);
    try {
      const client = await createClient(local.apiKey, local.url, globals, terminal, extras);
      return {
        dub: client.dub,
        serverURL: local.url,
        close: async () => {
          await client.close();
          await local.stop();
        },
      };
    } catch (error) {
      await local.stop();
      throw error;
    }
  }
  const settings = await resolveSettings(globals, terminal.env, {
    warn: warningSink(terminal.stderr, globals.json === true),
  });
  if (!settings.token) throw noTokenError(settings.profile.name);
  const client = await createClient(settings.token.value, settings.baseUrl.value, globals, terminal, extras);
  return { ...client, serverURL: settings.baseUrl.value, settings };
}
