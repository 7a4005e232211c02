// `dubkit login`, `logout` and `whoami`: the stored token, read from stdin or a hidden prompt
// (never from argv, which shell history keeps), and shown only masked.

import { text } from "node:stream/consumers";
import { NO_TOKEN_MESSAGE } from "../api-client.js";
import { CliError } from "../cli-error.js";
import { deleteConfig, writeConfig } from "../config-store.js";
import { ExitCode } from "../exit-codes.js";
import type { GlobalOptions } from "../global-options.js";
import { promptHidden } from "../hidden-prompt.js";
import { canPrompt, colorsFor, type Terminal } from "../terminal.js";
import { maskToken, resolveToken } from "../token.js";
import { configFile } from "../xdg-paths.js";

/** Reads the token: piped stdin, or a hidden prompt on a terminal (never when `CI` is set). */
async function readToken(terminal: Terminal): Promise<string> {
  if (terminal.stdin.isTTY !== true) return (await text(terminal.stdin)).trim();
  if (!canPrompt(terminal)) {
    throw new CliError(
      "Refusing to prompt because CI is set. Pipe the token on stdin: `dubkit login < token.txt`.",
      ExitCode.usage,
    );
  }
  return (await promptHidden("Dub API token (input hidden): ", terminal.stdin, terminal.stderr)).trim();
}

/** `dubkit login`. */
export async function login(globals: GlobalOptions, terminal: Terminal): Promise<number> {
  if (globals.token !== undefined) {
    throw new CliError(
      "`dubkit login` does not take --token (command lines end up in shell history). Pipe the token on stdin or type it at the prompt.",
      ExitCode.usage,
    );
  }
  const token = await readToken(terminal);
  if (token === "") throw new CliError("No token given; nothing was saved.", ExitCode.usage);
  if (/\s/.test(token))
    throw new CliError("The token contains whitespace; a Dub API token is one word (dub_…).", ExitCode.usage);
  const file = configFile(terminal.env);
  await writeConfig(file, { token });
  const c = colorsFor(globals.color, terminal.env, terminal.stderr);
  const warning = token.startsWith("dub_") ? "" : ` ${c.yellow("(workspace API keys start with dub_)")}`;
  terminal.stderr.write(`${c.green("Saved")} ${maskToken(token)} to ${file}${warning}\n`);
  return ExitCode.ok;
}

/** `dubkit logout`. */
export async function logout(globals: GlobalOptions, terminal: Terminal): Promise<number> {
  const file = configFile(terminal.env);
  const removed = await deleteConfig(file);
  const c = colorsFor(globals.color, terminal.env, terminal.stderr);
  terminal.stderr.write(
    removed ? `${c.green("Removed")} the stored token (${file}).\n` : `No stored token (${file}).\n`,
  );
  return ExitCode.ok;
}

/** `dubkit whoami`: which token would be used and where it comes from, masked. */
export async function whoami(
  options: { json?: boolean },
  globals: GlobalOptions,
  terminal: Terminal,
): Promise<number> {
  if (globals.local) {
    const { LOCAL_API_KEY, localStateFile } = await import("../local-emulator.js");
    const info = { source: "local", token: maskToken(LOCAL_API_KEY), file: localStateFile(terminal.env) };
    terminal.stdout.write(
      options.json ? `${JSON.stringify(info)}\n` : `Local emulator (state in ${info.file})\n`,
    );
    return ExitCode.ok;
  }
  const resolved = await resolveToken(globals.token, terminal.env, configFile(terminal.env));
  if (!resolved) throw new CliError(NO_TOKEN_MESSAGE, ExitCode.auth);
  const masked = maskToken(resolved.token);
  if (options.json) {
    terminal.stdout.write(
      `${JSON.stringify({ source: resolved.source, token: masked, file: resolved.file ?? null })}\n`,
    );
  } else {
    const from =
      resolved.source === "config"
        ? `the config file ${resolved.file}`
        : resolved.source === "--token"
          ? "--token"
          : "the DUB_API_KEY environment variable";
    terminal.stdout.write(`Token ${masked} from ${from}\n`);
  }
  return ExitCode.ok;
}
