// `dubkit partners …`: the definitions (flags, help, examples) of create, get, list and import, and the groups
// defined beside it (links, analytics, ban, deactivate, applications). Each action imports its command module only
// when it runs.

import { PARTNER_STATUSES } from "@dubkit/contract/values";
import { type Command, Option } from "commander";
import { addApplicationsCommands } from "./applications-commands.js";
import { addFileFlags, addRunFlags } from "./bulk-flags.js";
import { type CommandContext, examples, globalsOf } from "./command-context.js";
import { addLinksCommands } from "./links-commands.js";
import { formatOption } from "./output/output-format.js";
import { addPartnerActionCommands } from "./partner-actions-commands.js";

function addCreate(partners: Command, { terminal, run }: CommandContext): void {
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
        (await import("./commands/partners-create.js")).partnersCreate(options, globalsOf(command), terminal),
      ),
    );
}

function addGet(partners: Command, { terminal, run }: CommandContext): void {
  partners
    .command("get")
    .description("print one partner, by id, email or tenant id (exit 4 when there is none)")
    .argument("[id]", "the partner's id (pn_…)")
    .option("--email <email>", "the partner with this email")
    .option("--tenant-id <id>", "the partner with this tenant id (your own id for them)")
    .addOption(formatOption())
    .option("--json", "print the partner as JSON (same as --format json)")
    .addHelpText(
      "after",
      examples([
        "dubkit partners get pn_1KB6YMRHG1VVVXW8Z9ZC7ZWB9",
        "dubkit partners get --email jane@example.com --json",
        "dubkit partners get --tenant-id user_42 --format csv",
      ]),
    )
    .action((id: string | undefined, options, command: Command) =>
      run(async () =>
        (await import("./commands/partners-get.js")).partnersGet(id, options, globalsOf(command), terminal),
      ),
    );
}

function addList(partners: Command, { terminal, run }: CommandContext): void {
  partners
    .command("list")
    .description("list the program's partners (one page, or every page with --all)")
    .option("--group-id <id>", "only partners in this group")
    .addOption(new Option("--status <status>", "only partners with this status").choices(PARTNER_STATUSES))
    .option("--country <code>", "only partners from this country")
    .option("--sort-by <field>", "sort field, e.g. createdAt, totalSaleAmount (default)")
    .addOption(new Option("--sort-order <order>", "sort order (default: desc)").choices(["asc", "desc"]))
    .option("--email <email>", "only the partner with this email")
    .option("--tenant-id <id>", "only the partner with this tenant id")
    .option("--search <text>", "search id, name, email or link")
    .option("--page <n>", "page number, from 1")
    .option("--page-size <n>", "partners per page, 1 to 100 (default: 100)")
    .option("--all", "walk every page (from --page, default 1)")
    .addOption(formatOption())
    .option("--json", "print JSON, an array of partners (same as --format json)")
    .addHelpText(
      "after",
      "\nFormats: table (aligned, fitted to the terminal), tsv (no header; the default when stdout is not a\n" +
        "terminal), csv (with a header; the columns `dubkit partners import` reads back), json, jsonl.\n" +
        "With --all, json is printed once every page is in (nothing on failure), jsonl/csv/tsv/table as pages arrive.\n" +
        examples([
          "dubkit partners list --status approved --page-size 20",
          "dubkit partners list --all --json | jq length",
          "dubkit partners list --all --format csv > partners.csv",
        ]),
    )
    .action((options, command: Command) =>
      run(async () =>
        (await import("./commands/partners-list.js")).partnersList(options, globalsOf(command), terminal),
      ),
    );
}

function addImport(partners: Command, { terminal, run }: CommandContext): void {
  const importCommand = partners
    .command("import")
    .description(
      "enroll every partner of a CSV or JSONL file: a plan first, then resumably (re-run the same command after an interruption)",
    )
    .argument("<file>", "a .csv or .jsonl file, or - for stdin");
  addFileFlags(importCommand);
  addRunFlags(importCommand, {
    journal: "FILE.journal beside the input",
    report: "FILE.failed.csv or .jsonl",
    preview: "5",
  })
    .addHelpText(
      "after",
      "\nColumns are matched to fields by name: the API's (email, name, username, image, country, description,\n" +
        "tenantId, groupId) and common export names (Email Address, E-mail, Full Name, First Name + Last Name,\n" +
        "Partner Key, …); link properties go in link_props.<key> columns or a JSON link_props column. Anything\n" +
        "unclear (no email column, two columns for one field) stops the import before anything is sent; say\n" +
        "which column is which with --map or a mapping file:\n" +
        '  {"columns": {"email": "E-mail", "firstName": "Given", "tenantId": "Partner Key", "country": null},\n' +
        '   "delimiter": ";", "encoding": "windows-1252"}\n' +
        "Cells are trimmed, empty cells left out, countries turned into ISO codes. The failure report keeps the\n" +
        "file's columns plus dubkit_* error columns: fix it and import it again.\n" +
        examples([
          "dubkit partners import partners.csv --dry-run",
          "dubkit partners import partners.csv --plan business",
          'dubkit partners import export.csv --map email="E-mail" --map "tenantId=Partner Key"',
          "dubkit partners import export.csv --mapping export.mapping.json --encoding windows-1252",
          "cat partners.jsonl | dubkit partners import - --format jsonl --journal partners.journal --json",
        ]),
    )
    .action((file: string, options, command: Command) => {
      const globals = globalsOf(command);
      // The program's --json takes the flag wherever it is typed; the import reads its own.
      const merged = { ...options, json: options.json === true || globals.json === true };
      return run(async () =>
        (await import("./commands/partners-import.js")).partnersImport(file, merged, globals, terminal),
      );
    });
}

/** Adds `partners` and its commands to `program`. */
export function addPartnersCommands(program: Command, context: CommandContext): void {
  const partners = program
    .command("partners")
    .description("create, find, list and import partners; their links, analytics, bans and applications");
  partners.addHelpText(
    "after",
    examples([
      "dubkit partners create --help",
      "dubkit partners list --help",
      "dubkit partners links create --help",
      "dubkit partners analytics --help",
      "dubkit partners applications list --help",
    ]),
  );
  addCreate(partners, context);
  addGet(partners, context);
  addList(partners, context);
  addImport(partners, context);
  addLinksCommands(partners, context);
  addPartnerActionCommands(partners, context);
  addApplicationsCommands(partners, context);
}
