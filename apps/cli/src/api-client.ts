// Opens the SDK client a command talks through: the real API with the resolved token, or, with
// `--local`, an embedded emulator whose state persists under the XDG data directory.

import type { Dub } from "@dubkit/partners";
import { CliError } from "./cli-error.js";
import { ExitCode } from "./exit-codes.js";
import { type GlobalOptions, parseBaseUrl, parseCount } from "./global-options.js";
import type { Terminal } from "./terminal.js";
import { resolveToken } from "./token.js";
import { configFile } from "./xdg-paths.js";

/** An open client and how to release it. */
export interface ApiClient {
  dub: Dub;
  /** Where requests go. */
  serverURL: string | undefined;
  close(): Promise<void>;
}

/** The message shown when no token can be found. */
export const NO_TOKEN_MESSAGE =
  "No Dub API token. Provide one with --token, the DUB_API_KEY environment variable, or `dubkit login`; " +
  "or add --local to use a local emulator (no account needed).";

/** Creates the client for `globals`, starting the embedded emulator for `--local`. */
export async function openApiClient(globals: GlobalOptions, terminal: Terminal): Promise<ApiClient> {
  const timeoutMs = parseCount("--timeout", globals.timeout, 1);
  const retries = parseCount("--retries", globals.retries);
  let serverURL = parseBaseUrl(globals.baseUrl);
  let token: string;
  let stopLocal: (() => Promise<void>) | undefined;
  if (globals.local) {
    const { startLocalEmulator } = await import("./local-emulator.js");
    const local = await startLocalEmulator(terminal.env, terminal.stderr);
    token = local.apiKey;
    serverURL = local.url;
    stopLocal = local.stop;
  } else {
    const resolved = await resolveToken(globals.token, terminal.env, configFile(terminal.env));
    if (!resolved) throw new CliError(NO_TOKEN_MESSAGE, ExitCode.auth);
    token = resolved.token;
  }
  const { Dub } = await import("@dubkit/partners");
  const dub = new Dub({
    token,
    ...(serverURL === undefined ? {} : { serverURL }),
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
    ...(retries === undefined
      ? {}
      : {
          retries:
            retries === 0
              ? { strategy: "none" as const }
              : { strategy: "backoff" as const, maxRetries: retries },
        }),
    ...(globals.debug ? { debug: (line: string) => void terminal.stderr.write(`${line}\n`) } : {}),
  });
  return {
    dub,
    serverURL,
    close: async () => {
      await dub.close();
      await stopLocal?.();
    },
  };
}
