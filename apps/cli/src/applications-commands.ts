// `dubkit partners applications …`: the definitions of list, approve and reject, the program's pending
// applications. Each action imports its command module only when it runs.

import { REAPPLICATION_TIMEFRAMES, REJECTION_REASONS } from "@dubkit/contract/values";
import { type Command, Option } from "commander";
import { type CommandContext, examples, globalsOf } from "./command-context.js";
import { formatOption } from "./output/output-format.js";

function addList(applications: Command, { terminal, run }: CommandContext): void {
  applications
    .command("list")
    .description("list the pending applications, newest first (one page, or every page with --all)")
    .option("--country <code>", "only applicants from this country, e.g. IT")
    .option("--group-id <id>", "only applications to this group (grp_…)")
    .option("--page <n>", "page number, from 1")
    .option("--page-size <n>", "applications per page, 1 to 100 (default: 100)")
    .option("--all", "walk every page (from --page, default 1)")
    .addOption(formatOption())
    .option("--json", "print JSON, an array of applications (same as --format json)")
    .addHelpText(
      "after",
      "\nThe first column is the applicant's partner id, which approve and reject take. csv adds the application's\n" +
        "id and the form's answers as a JSON object.\n" +
        examples([
          "dubkit partners applications list",
          "dubkit partners applications list --country IT --all --format csv > applications.csv",
        ]),
    )
    .action((options, command: Command) =>
      run(async () =>
        (await import("./commands/applications-list.js")).applicationsList(
          options,
          globalsOf(command),
          terminal,
        ),
      ),
    );
}

function addApprove(applications: Command, { terminal, run }: CommandContext): void {
  applications
    .command("approve")
    .description(
      "approve a pending (or rejected) application; the group's default links are created for them",
    )
    .argument("<partnerId>", "the applicant's partner id (pn_…), the first column of `applications list`")
    .option("--group-id <id>", "the group to put them in (grp_… or slug); default: the one they applied to")
    .option("--json", "print the API's answer as JSON")
    .addHelpText(
      "after",
      examples([
        "dubkit partners applications approve pn_1KB6YMRHG1VVVXW8Z9ZC7ZWB9",
        "dubkit partners applications approve pn_1KB6YMRHG1VVVXW8Z9ZC7ZWB9 --group-id vip --json",
      ]),
    )
    .action((partnerId: string, options, command: Command) =>
      run(async () =>
        (await import("./commands/applications-approve.js")).applicationsApprove(
          partnerId,
          options,
          globalsOf(command),
          terminal,
        ),
      ),
    );
}

function addReject(applications: Command, { terminal, run }: CommandContext): void {
  applications
    .command("reject")
    .description("reject a pending application, and choose when the partner may apply again")
    .argument("<partnerId>", "the applicant's partner id (pn_…), the first column of `applications list`")
    .addOption(
      new Option("--reason <reason>", "why (shared with the partner by email)").choices(REJECTION_REASONS),
    )
    .option("--note <text>", "more details for the partner, up to 500 characters")
    .addOption(
      new Option(
        "--reapply <when>",
        "when they may apply again: instant (the enrollment is deleted), standard (after 30 days; the default), never",
      ).choices(REAPPLICATION_TIMEFRAMES),
    )
    .option("-y, --yes", "do not ask for confirmation")
    .option("--json", "print the API's answer as JSON")
    .addHelpText(
      "after",
      "\nOn a terminal it asks before rejecting; --yes skips the question. Off a terminal (a pipe, a script, or\n" +
        "with CI set) it never asks: without --yes it refuses (exit 2) and sends nothing.\n" +
        examples([
          "dubkit partners applications reject pn_1KB6YMRHG1VVVXW8Z9ZC7ZWB9 --reason notTheRightFit",
          "dubkit partners applications reject pn_1KB6YMRHG1VVVXW8Z9ZC7ZWB9 --reapply never --note 'No paid ads.' --yes",
        ]),
    )
    .action((partnerId: string, options, command: Command) =>
      run(async () =>
        (await import("./commands/applications-reject.js")).applicationsReject(
          partnerId,
          options,
          globalsOf(command),
          terminal,
        ),
      ),
    );
}

/** Adds `applications` and its commands to `partners`. */
export function addApplicationsCommands(partners: Command, context: CommandContext): void {
  const applications = partners
    .command("applications")
    .description("list, approve and reject the program's pending applications");
  applications.addHelpText(
    "after",
    examples([
      "dubkit partners applications list --help",
      "dubkit partners applications approve --help",
      "dubkit partners applications reject --help",
    ]),
  );
  addList(applications, context);
  addApprove(applications, context);
  addReject(applications, context);
}
