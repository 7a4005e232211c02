// `dubkit partners links …`: the definitions of create, list and upsert, a partner's short links. Each action
// imports its command module only when it runs.

import type { Command } from "commander";
import { addFileFlags, addRunFlags, refuseBulkFlags } from "./bulk-flags.js";
import { type CommandContext, examples, globalsOf } from "./command-context.js";
import { formatOption } from "./output/output-format.js";
import { addPartnerFlags } from "./partner-flags.js";

const BODY_HELP =
  "\nName the partner with one of --partner-id, --tenant-id or --email (or partnerId/tenantId in --data).\n" +
  "--link-props takes the API's linkProps as JSON (tags, expiry, externalId, prefix, …); --data takes the whole\n" +
  "request body as JSON, and the flags override its fields.\n";

function addLinkBodyFlags(command: Command): Command {
  return addPartnerFlags(command)
    .option("--key <key>", "the short link's key (the path after the domain); default: 7 random characters")
    .option("--link-props <json>", 'more properties of the link, as JSON, e.g. \'{"externalId":"42"}\'')
    .option("--data <file>", "the request body as a JSON file, or - for stdin; flags override its fields")
    .option("--json", "print the full link as JSON");
}

function addCreate(links: Command, { terminal, run }: CommandContext): void {
  const create = links
    .command("create")
    .description("create a short link for a partner on the program's domain, and print it")
    .option("--url <url>", "the destination URL; default: the partner group's default link URL");
  addLinkBodyFlags(create)
    .addHelpText(
      "after",
      `${BODY_HELP}A key already taken on the domain is a conflict (exit 5).\n${examples([
        "dubkit partners links create --tenant-id user_42 --key jane-spring",
        "dubkit partners links create --email jane@example.com --url https://acme.test/pricing --json",
        'dubkit partners links create --partner-id pn_123 --link-props \'{"tagNames":["spring"]}\'',
      ])}`,
    )
    .action((options, command: Command) =>
      run(async () =>
        (await import("./commands/links-create.js")).linksCreate(options, globalsOf(command), terminal),
      ),
    );
}

const FILE_HELP =
  "\nWith FILE (CSV or JSONL, - for stdin), every row is upserted on the import's engine: each row names its\n" +
  "partner (partnerId or tenantId column) and its url, with key and linkProps (a JSON column or\n" +
  "link_props.<key> columns) as the flags take them. Rows are checked before anything is sent; a plan comes\n" +
  "first; a journal beside the file makes a re-run send only what is left (exactly once); failed rows go to a\n" +
  "report you can fix and run again; --json prints the run's summary.\n";

function addUpsert(links: Command, { terminal, run }: CommandContext): void {
  const upsert = links
    .command("upsert")
    .description(
      "update the partner's link to a URL, or create one, and print it; with FILE, every row of a CSV or JSONL file",
    )
    .argument("[file]", "a .csv or .jsonl file of links to upsert, or - for stdin")
    .option("--url <url>", "the destination URL the link is found by (required, here or in --data)");
  addLinkBodyFlags(upsert);
  addFileFlags(upsert, 'url="Destination"');
  addRunFlags(upsert, {
    journal: "FILE.upsert.journal beside the input",
    report: "FILE.failed-upserts.csv or .jsonl",
    preview: "5",
    json: false,
  })
    .addHelpText(
      "after",
      `${BODY_HELP}The partner's link with exactly this URL is updated (its key, its properties), else a link is\n` +
        "created. A partner named by --tenant-id or --email is looked up and sent by id: with a tenant id alone, Dub\n" +
        "matches the URL among every link of the program and would hand another partner's link over.\n" +
        FILE_HELP +
        examples([
          "dubkit partners links upsert --tenant-id user_42 --url https://acme.test/spring --key jane-spring",
          "dubkit partners links upsert --email jane@example.com --url https://acme.test --json",
          "dubkit partners links upsert links.csv --dry-run",
          "dubkit partners links upsert links.csv --plan business --json",
        ]),
    )
    .action((file: string | undefined, options, command: Command) => {
      const globals = globalsOf(command);
      if (file === undefined) {
        refuseBulkFlags(options, "with FILE", "Give a CSV or JSONL file of links, or drop those flags.");
        return run(async () =>
          (await import("./commands/links-upsert.js")).linksUpsert(options, globals, terminal),
        );
      }
      return run(async () =>
        (await import("./commands/links-upsert-file.js")).linksUpsertFile(file, options, globals, terminal),
      );
    });
}

function addList(links: Command, { terminal, run }: CommandContext): void {
  const list = links.command("list").description("list a partner's links with their all-time numbers");
  addPartnerFlags(list)
    .addOption(formatOption())
    .option("--json", "print JSON, an array of links (same as --format json)")
    .addHelpText(
      "after",
      "\nEvery link of the partner, archived, disabled and expired ones included. Amounts are in dollars in the\n" +
        "table and in cents in the other formats; csv has every field the API returns.\n" +
        examples([
          "dubkit partners links list --tenant-id user_42",
          "dubkit partners links list --email jane@example.com --format csv > links.csv",
        ]),
    )
    .action((options, command: Command) =>
      run(async () =>
        (await import("./commands/links-list.js")).linksList(options, globalsOf(command), terminal),
      ),
    );
}

/** Adds `links` and its commands to `partners`. */
export function addLinksCommands(partners: Command, context: CommandContext): void {
  const links = partners.command("links").description("create, list and upsert a partner's short links");
  links.addHelpText(
    "after",
    examples([
      "dubkit partners links create --help",
      "dubkit partners links list --help",
      "dubkit partners links upsert --help",
    ]),
  );
  addCreate(links, context);
  addList(links, context);
  addUpsert(links, context);
}
