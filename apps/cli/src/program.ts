// The command tree. Only commander is loaded up front; each action imports its command module
// when it runs, so `dubkit --help` and `dubkit whoami` never load the SDK, csv-parse or the emulator.

import { Command, Option } from "commander";
import packageJson from "../package.json" with { type: "json" };
import type { GlobalOptions } from "./global-options.js";
import type { Terminal } from "./terminal.js";

/** Called with each action's exit code. */
export type ExitSink = (code: number) => void;

function examples(lines: string[]): string {
  return `\nExamples:\n${lines.map((line) => `  $ ${line}`).join("\n")}\n`;
}

/** Builds the `dubkit` program; `done` receives the exit code of the command that ran. */
export function buildProgram(terminal: Terminal, done: ExitSink): Command {
  const program = new Command("dubkit");
  program
    .description("Create, list and bulk-import partners in a Dub partner program.")
    .version(packageJson.version, "-V, --version", "print the version")
    .option(
      "--token <token>",
      "Dub API token (default: $DUB_API_KEY, then the token saved by `dubkit login`)",
    )
    .option("--base-url <url>", "API base URL (default: https://api.dub.co)")
    .option("--timeout <ms>", "per-request timeout in milliseconds (default: 60000)")
    .option("--retries <n>", "retries of a failed request (default: 2; import: 5 per row)")
    .option("--debug", "log each HTTP request to stderr (the token is redacted)")
    .option("--no-color", "disable colours (NO_COLOR is honoured too)")
    .option("--local", "use an embedded emulator whose state persists locally (no account needed)")
    .exitOverride()
    .showHelpAfterError("(add --help for usage)")
    .configureOutput({
      writeOut: (text) => terminal.stdout.write(text),
      writeErr: (text) => terminal.stderr.write(text),
    })
    .addHelpText(
      "after",
      examples([
        "dubkit --local partners create --email jane@example.com --name 'Jane Doe'",
        "dubkit partners import partners.csv --plan business",
        "dubkit partners list --all --json > partners.json",
        "dubkit login < token.txt",
      ]) +
        "\nExit codes: 0 ok, 1 partial import or unexpected error, 2 usage or validation error, 3 authentication,\n" +
        "4 not found, 5 conflict, 6 rate limited, 7 server error, 8 network error, 130 interrupted.\n",
    );

  const globals = (command: Command) => command.optsWithGlobals() as GlobalOptions;
  const run = (action: () => Promise<number>) => action().then(done);

  const partners = program.command("partners").description("create, list and import partners");
  partners.addHelpText(
    "after",
    examples([
      "dubkit partners create --help",
      "dubkit partners list --help",
      "dubkit partners import --help",
    ]),
  );

  partners
    .command("create")
    .description("create a partner (or get the existing enrollment for the email) and print it")
    .option("--email <email>", "the partner's email (required, here or in --data)")
    .option("--name <name>", "display name (default: the email)")
    .option("--username <username>", "used as the key of the partner's default links")
    .option("--image <url>", "avatar URL")
    .option("--country <code>", "country, e.g. US")
    .option("--description <text>", "description, up to 5000 characters")
    .option("--tenant-id <id>", "your own id for the partner")
    .option("--group-id <id>", "group id (grp_…) or slug; default: the program's default group")
    .option("--link-props <json>", 'properties of the default links, as JSON, e.g. \'{"externalId":"42"}\'')
    .option("--data <file>", "the request body as a JSON file, or - for stdin; flags override its fields")
    .option("--json", "print the full partner as JSON")
    .addHelpText(
      "after",
      examples([
        "dubkit partners create --email jane@example.com --name 'Jane Doe' --tenant-id user_42",
        'echo \'{"email":"jo@example.com","linkProps":{"tagNames":"vip"}}\' | dubkit partners create --data - --json',
      ]),
    )
    .action((options, command: Command) =>
      run(async () =>
        (await import("./commands/partners-create.js")).partnersCreate(options, globals(command), terminal),
      ),
    );

  partners
    .command("list")
    .description("list the program's partners (one page, or every page with --all)")
    .option("--group-id <id>", "only partners in this group")
    .addOption(
      new Option("--status <status>", "only partners with this status").choices([
        "pending",
        "approved",
        "rejected",
        "invited",
        "declined",
        "deactivated",
        "banned",
        "archived",
      ]),
    )
    .option("--country <code>", "only partners from this country")
    .option("--sort-by <field>", "sort field, e.g. createdAt, totalSaleAmount (default)")
    .addOption(new Option("--sort-order <order>", "sort order (default: desc)").choices(["asc", "desc"]))
    .option("--email <email>", "only the partner with this email")
    .option("--tenant-id <id>", "only the partner with this tenant id")
    .option("--search <text>", "search id, name, email or link")
    .option("--page <n>", "page number, from 1")
    .option("--page-size <n>", "partners per page, 1 to 100 (default: 100)")
    .option("--all", "walk every page")
    .option("--json", "print JSON (an array of partners)")
    .addHelpText(
      "after",
      examples([
        "dubkit partners list --status approved --page-size 20",
        "dubkit partners list --all --json | jq length",
      ]),
    )
    .action((options, command: Command) =>
      run(async () =>
        (await import("./commands/partners-list.js")).partnersList(options, globals(command), terminal),
      ),
    );

  partners
    .command("import")
    .description(
      "enroll every partner of a CSV or JSONL file, resumably (re-run the same command after an interruption)",
    )
    .argument("<file>", "a .csv or .jsonl file, or - for stdin")
    .addOption(
      new Option("--format <format>", "input format (default: from the extension; csv for stdin)").choices([
        "csv",
        "jsonl",
      ]),
    )
    .option("--concurrency <n>", "requests in flight at most (default: 8)")
    .option(
      "--rate <n/min>",
      "requests per minute, e.g. 600/min, 10/s, or off (default: from --plan, else 600/min)",
    )
    .addOption(
      new Option("--plan <plan>", "your Dub plan, to pace at its rate limit").choices([
        "free",
        "pro",
        "business",
        "advanced",
        "enterprise",
      ]),
    )
    .option("--journal <file>", "the resume journal (default: FILE.journal beside the input)")
    .option("--report <file>", "where failed rows go, .jsonl or .csv (default: FILE.report.jsonl)")
    .option("--dry-run", "validate every row and send nothing")
    .option("--json", "print a machine-readable summary on stdout")
    .addHelpText(
      "after",
      "\nColumns are named like the API fields (email, name, username, image, country, description, tenantId or\n" +
        "tenant_id, groupId or group_id); link properties go in link_props.<key> columns or a JSON link_props\n" +
        "column. Empty cells are left out. JSONL lines are request bodies.\n" +
        examples([
          "dubkit partners import partners.csv --dry-run",
          "dubkit partners import partners.csv --plan business --report failed.csv",
          "cat partners.jsonl | dubkit partners import - --format jsonl --journal partners.journal --json",
        ]),
    )
    .action((file: string, options, command: Command) =>
      run(async () =>
        (await import("./commands/partners-import.js")).partnersImport(
          file,
          options,
          globals(command),
          terminal,
        ),
      ),
    );

  program
    .command("emulator")
    .description("run the Dub Partners API emulator in the foreground (same options as dubkit-emulator)")
    .helpOption(false)
    .allowUnknownOption()
    .allowExcessArguments()
    .argument("[args...]", "options for the emulator; `dubkit emulator --help` lists them")
    .addHelpText("after", examples(["dubkit emulator --port 8787", "dubkit emulator --help"]))
    .action((args: string[]) => run(async () => (await import("./commands/emulator.js")).emulator(args)));

  program
    .command("login")
    .description("save a Dub API token (read from stdin or a hidden prompt) in the config file, mode 0600")
    .addHelpText(
      "after",
      examples(["dubkit login", "dubkit login < token.txt", "op read op://dev/dub/token | dubkit login"]),
    )
    .action((_options, command: Command) =>
      run(async () => (await import("./commands/login.js")).login(globals(command), terminal)),
    );

  program
    .command("logout")
    .description("delete the saved token")
    .addHelpText("after", examples(["dubkit logout"]))
    .action((_options, command: Command) =>
      run(async () => (await import("./commands/login.js")).logout(globals(command), terminal)),
    );

  program
    .command("whoami")
    .description("show which token would be used and where it comes from (masked)")
    .option("--json", "print JSON: source, masked token, config file")
    .addHelpText("after", examples(["dubkit whoami", "DUB_API_KEY=dub_xxx dubkit whoami --json"]))
    .action((options, command: Command) =>
      run(async () => (await import("./commands/login.js")).whoami(options, globals(command), terminal)),
    );

  return program;
}
