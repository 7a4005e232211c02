// `dubkit partners analytics | ban | deactivate`: the definitions of the commands that read or change one partner's
// standing in the program. Each action imports its command module only when it runs.

import { ANALYTICS_INTERVALS, BAN_REASONS, PARTNER_ANALYTICS_GROUP_BY } from "@dubkit/contract/values";
import { type Command, Option } from "commander";
import { type CommandContext, examples, globalsOf } from "./command-context.js";
import { formatOption } from "./output/output-format.js";
import { addPartnerFlags } from "./partner-flags.js";

const CONFIRM_HELP =
  "\nOn a terminal it asks before changing anything; --yes skips the question. Off a terminal (a pipe, a script,\n" +
  "or with CI set) it never asks: without --yes it refuses (exit 2) and sends nothing.\n";

function addAnalytics(partners: Command, { terminal, run }: CommandContext): void {
  const analytics = partners
    .command("analytics")
    .description("a partner's clicks, leads, sales and earnings: totals, a timeseries, or per link");
  addPartnerFlags(analytics)
    .addOption(
      new Option(
        "--group-by <shape>",
        "totals (count, the default), per period (timeseries) or per link",
      ).choices(PARTNER_ANALYTICS_GROUP_BY),
    )
    .addOption(
      new Option(
        "--interval <interval>",
        "the window (default: all, since Sept 2022); --start wins over it",
      ).choices(ANALYTICS_INTERVALS),
    )
    .option("--start <date>", "the window's start, e.g. 2026-01-01 (rounded to the start of its day)")
    .option("--end <date>", "the window's end (default: now; only with --start)")
    .option(
      "--timezone <zone>",
      "the IANA time zone of the window and the periods, e.g. Europe/Paris (default: UTC)",
    )
    .option(
      "--query <filter>",
      "only lead and sale events whose metadata matches, e.g. metadata['plan']:'pro'",
    )
    .addOption(formatOption())
    .option("--json", "print the API's answer as JSON (same as --format json)")
    .addHelpText(
      "after",
      "\nAmounts (saleAmount, earnings) are dollars in the table, cents in every other format. The timeseries has\n" +
        "one row per hour (windows up to 2 days), per month (beyond 180 days) or per day.\n" +
        examples([
          "dubkit partners analytics --tenant-id user_42",
          "dubkit partners analytics --email jane@example.com --group-by timeseries --interval 30d",
          "dubkit partners analytics --partner-id pn_123 --group-by top_links --format csv",
        ]),
    )
    .action((options, command: Command) =>
      run(async () =>
        (await import("./commands/partners-analytics.js")).partnersAnalytics(
          options,
          globalsOf(command),
          terminal,
        ),
      ),
    );
}

function addBan(partners: Command, { terminal, run }: CommandContext): void {
  const ban = partners
    .command("ban")
    .description(
      "ban a partner from the program: their links stop working, pending commissions are canceled",
    );
  addPartnerFlags(ban)
    .addOption(
      new Option("--reason <reason>", "why (shown to the partner in the ban email)")
        .choices(BAN_REASONS)
        .makeOptionMandatory(),
    )
    .option("-y, --yes", "do not ask for confirmation")
    .option("--json", "print the API's answer as JSON")
    .addHelpText(
      "after",
      `${CONFIRM_HELP}${examples([
        "dubkit partners ban --email jane@example.com --reason fraud",
        "dubkit partners ban --tenant-id user_42 --reason spam --yes --json",
      ])}`,
    )
    .action((options, command: Command) =>
      run(async () =>
        (await import("./commands/partners-ban.js")).partnersBan(options, globalsOf(command), terminal),
      ),
    );
}

function addDeactivate(partners: Command, { terminal, run }: CommandContext): void {
  const deactivate = partners
    .command("deactivate")
    .description("deactivate an approved or archived partner: their links expire now; commissions stay");
  addPartnerFlags(deactivate)
    .option("-y, --yes", "do not ask for confirmation")
    .option("--json", "print the API's answer as JSON")
    .addHelpText(
      "after",
      `${CONFIRM_HELP}${examples([
        "dubkit partners deactivate --email jane@example.com",
        "dubkit partners deactivate --partner-id pn_123 --yes",
      ])}`,
    )
    .action((options, command: Command) =>
      run(async () =>
        (await import("./commands/partners-deactivate.js")).partnersDeactivate(
          options,
          globalsOf(command),
          terminal,
        ),
      ),
    );
}

/** Adds `analytics`, `ban` and `deactivate` to `partners`. */
export function addPartnerActionCommands(partners: Command, context: CommandContext): void {
  addAnalytics(partners, context);
  addBan(partners, context);
  addDeactivate(partners, context);
}
