// The command tree. Only commander is loaded up front; each action imports its command module
// when it runs, so `dubkit --help` and `dubkit completion` never load the SDK, csv-parse or the emulator.

import { Argument, Command } from "commander";
import packageJson from "../package.json" with { type: "json" };
import { addAccountCommands } from "./account-commands.js";
import { type CommandContext, examples } from "./command-context.js";
import { addPartnersCommands } from "./partners-commands.js";
import type { Terminal } from "./terminal.js";

/** Called with each action's exit code. */
export type ExitSink = (code: number) => void;

const ROOT_HELP =
  "\nEnvironment:\n" +
  "  DUB_API_KEY      the token, over the profile's (--token wins over it)\n" +
  "  DUB_API_URL      the API base URL, over the profile's (--base-url wins over it)\n" +
  "  DUBKIT_PROFILE   the profile to use (--profile wins over it)\n" +
  "  NO_COLOR         no colours; XDG_CONFIG_HOME moves the config file (default ~/.config/dubkit/config.json)\n" +
  "\nOutput: data on stdout, messages on stderr; listings take --format table|json|jsonl|csv|tsv (tsv when\n" +
  'piped); with --json, errors are one JSON object on stderr: {"error":{"code","message",...}}.\n' +
  "\nExit codes: 0 ok, 1 partial import or bulk run, or unexpected error, 2 usage or validation error,\n" +
  "3 authentication, 4 not found, 5 conflict, 6 rate limited, 7 server error, 8 network error, 130 interrupted.\n";

function addGlobalOptions(program: Command): void {
  program
    .option("--token <token>", "Dub API token (default: $DUB_API_KEY, then the profile's)")
    .option(
      "--base-url <url>",
      "API base URL (default: $DUB_API_URL, then the profile's, then https://api.dub.co)",
    )
    .option(
      "--profile <profile>",
      "the saved profile to use (default: $DUBKIT_PROFILE, then the default profile)",
    )
    .option("--json", "JSON output, and errors as JSON on stderr")
    .option("--timeout <ms>", "per-request timeout in milliseconds (default: 60000)")
    .option("--retries <n>", "retries of a failed request (default: 2; import: 5 per row)")
    .option("--debug", "log each HTTP request and response, bodies included, on stderr (tokens redacted)")
    .option("--no-color", "disable colours (NO_COLOR is honoured too)")
    .option("--local", "use an embedded emulator whose state persists locally (no account needed)");
}

/**
 * Builds the `dubkit` program. `done` receives the exit code of the command that ran; `entered` is
 * told each command the parser enters, so an error can be reported for the command it belongs to.
 */
export function buildProgram(
  terminal: Terminal,
  done: ExitSink,
  entered?: (command: Command) => void,
): Command {
  const program = new Command("dubkit");
  program
    .description("Create, find, list and bulk-import partners in a Dub partner program.")
    .version(packageJson.version, "-V, --version", "print the version")
    .exitOverride()
    .configureOutput({
      writeOut: (text) => terminal.stdout.write(text),
      writeErr: (text) => terminal.stderr.write(text),
      // Usage errors are thrown (exitOverride) and reported by bin.ts like every other error.
      outputError: () => undefined,
    });
  addGlobalOptions(program);
  program.addHelpText(
    "after",
    examples([
      "dubkit --local partners create --email jane@example.com --name 'Jane Doe'",
      "dubkit partners import partners.csv --plan business",
      "dubkit partners list --all --format csv > partners.csv",
      "dubkit login --profile work < token.txt",
      "source <(dubkit completion bash)",
    ]) + ROOT_HELP,
  );

  const context: CommandContext = { terminal, run: (action) => action().then(done) };
  addPartnersCommands(program, context);

  program
    .command("emulator")
    .description("run the Dub Partners API emulator in the foreground (same options as dubkit-emulator)")
    .helpOption(false)
    .allowUnknownOption()
    .allowExcessArguments()
    .argument("[args...]", "options for the emulator; `dubkit emulator --help` lists them")
    .addHelpText("after", examples(["dubkit emulator --port 8787", "dubkit emulator --help"]))
    .action((args: string[]) =>
      context.run(async () => (await import("./commands/emulator.js")).emulator(args)),
    );

  addAccountCommands(program, context);

  program
    .command("completion")
    .description("print a shell completion script (commands, flags and their values)")
    .addArgument(new Argument("<shell>", "the shell").choices(["bash", "zsh", "fish"]))
    .addHelpText(
      "after",
      examples([
        "source <(dubkit completion bash)",
        "dubkit completion bash > ~/.local/share/bash-completion/completions/dubkit",
        "dubkit completion zsh > ~/.zfunc/_dubkit  # with ~/.zfunc in fpath, before compinit",
        "dubkit completion fish > ~/.config/fish/completions/dubkit.fish",
      ]),
    )
    .action((shell: "bash" | "zsh" | "fish") =>
      context.run(async () =>
        (await import("./commands/completion.js")).completion(shell, program, terminal),
      ),
    );

  if (entered) {
    const track = (command: Command) => {
      command.hook("preSubcommand", (_parent, sub) => entered(sub));
      for (const sub of command.commands) track(sub);
    };
    track(program);
  }
  return program;
}
