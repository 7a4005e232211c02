// `dubkit login | logout | whoami | profiles …`: the definitions of the commands that manage tokens
// and profiles. Each action imports its command module only when it runs.

import { type Command, Option } from "commander";
import { type CommandContext, examples, globalsOf } from "./command-context.js";
import { formatOption } from "./output/output-format.js";

const PLAN_CHOICES = ["free", "pro", "business", "advanced", "enterprise"];

function addProfiles(program: Command, { terminal, run }: CommandContext): void {
  const profiles = program
    .command("profiles")
    .description("list the saved profiles, choose the default one, remove one")
    .addHelpText(
      "after",
      "\nA profile is a token and a base URL saved by `dubkit login --profile NAME`. Commands use the profile\n" +
        "named by --profile, else $DUBKIT_PROFILE, else the default one; --token, $DUB_API_KEY, --base-url and\n" +
        "$DUB_API_URL override its values.\n" +
        examples(["dubkit profiles list", "dubkit profiles use staging", "dubkit profiles remove old"]),
    );
  profiles
    .command("list")
    .description("list the profiles (the default one marked *, tokens masked)")
    .addOption(formatOption())
    .option("--json", "print JSON (same as --format json)")
    .addHelpText("after", examples(["dubkit profiles list", "dubkit profiles list --json"]))
    .action((options, command: Command) =>
      run(async () =>
        (await import("./commands/profiles.js")).profilesList(options, globalsOf(command), terminal),
      ),
    );
  profiles
    .command("use")
    .description("make a profile the default one")
    .argument("<profile>", "the profile's name")
    .addHelpText("after", examples(["dubkit profiles use staging"]))
    .action((name: string, _options, command: Command) =>
      run(async () =>
        (await import("./commands/profiles.js")).profilesUse(name, globalsOf(command), terminal),
      ),
    );
  profiles
    .command("remove")
    .description("delete a profile and its token")
    .argument("<profile>", "the profile's name")
    .addHelpText("after", examples(["dubkit profiles remove staging"]))
    .action((name: string, _options, command: Command) =>
      run(async () =>
        (await import("./commands/profiles.js")).profilesRemove(name, globalsOf(command), terminal),
      ),
    );
}

/** Adds `login`, `logout`, `whoami` and `profiles` to `program`. */
export function addAccountCommands(program: Command, context: CommandContext): void {
  const { terminal, run } = context;
  program
    .command("login")
    .description("check a Dub API key against the API and save it as a profile (file mode 0600)")
    .option("--no-verify", "save without checking the key with the API (e.g. offline)")
    .addOption(
      new Option("--plan <plan>", "the workspace's Dub plan, saved for the import's pace and quota").choices(
        PLAN_CHOICES,
      ),
    )
    .addHelpText(
      "after",
      "\nThe key is read from stdin, or typed at a hidden prompt; never from the command line, which shell\n" +
        "history keeps. It is saved in the profile named by --profile (default: default), with the base URL\n" +
        "from --base-url or $DUB_API_URL when one is given. Create a key in the Dub dashboard → Settings → API Keys.\n" +
        examples([
          "dubkit login",
          "dubkit login < token.txt",
          "dubkit login --plan business < token.txt   # the import paces to the plan and checks its quota",
          "op read op://dev/dub/token | dubkit login --profile work",
          "dubkit login --profile local --base-url http://127.0.0.1:8787 < key.txt",
        ]),
    )
    .action((options, command: Command) =>
      run(async () => (await import("./commands/login.js")).login(options, globalsOf(command), terminal)),
    );

  program
    .command("logout")
    .description("delete the selected profile and its token")
    .addHelpText("after", examples(["dubkit logout", "dubkit logout --profile staging"]))
    .action((_options, command: Command) =>
      run(async () => (await import("./commands/login.js")).logout(globalsOf(command), terminal)),
    );

  program
    .command("whoami")
    .description(
      "show the profile, token (masked) and base URL in use, where each comes from, and what the API says",
    )
    .option("--json", "print JSON: profile, token (masked), baseUrl, their sources, program")
    .addHelpText("after", examples(["dubkit whoami", "DUB_API_KEY=dub_xxx dubkit whoami --json"]))
    .action((options, command: Command) =>
      run(async () => (await import("./commands/whoami.js")).whoami(options, globalsOf(command), terminal)),
    );

  addProfiles(program, context);
}
