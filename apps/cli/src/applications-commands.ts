// `dubkit partners applications …`: the definitions of list, approve and reject, the program's pending
// applications. Each action imports its command module only when it runs.

import { REAPPLICATION_TIMEFRAMES, REJECTION_REASONS } from "@dubkit/contract/values";
import { type Command, Option } from "commander";
import { addFileFlags, addRunFlags, refuseBulkFlags } from "./bulk-flags.js";
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

const BULK_APPROVE_HELP =
  "\nIn bulk, on the import's engine: --all-pending approves every pending application (every page of the\n" +
  "listing, read first; --country and --group narrow it), --file every applicant of a CSV or JSONL file (a\n" +
  "partnerId or tenantId column, and optionally groupId). A plan comes first; on a terminal the count is\n" +
  "confirmed (--yes skips the question; off a terminal --yes is required); --dry-run lists who would be\n" +
  "approved and sends nothing. A journal makes a re-run approve only what is left, exactly once: beside the\n" +
  "file, or for --all-pending in the state directory (one per profile and API host). An applicant already\n" +
  "approved counts as done, not as a failure; failed rows go to a report that --file takes back.\n";

function addApprove(applications: Command, { terminal, run }: CommandContext): void {
  const approve = applications
    .command("approve")
    .description(
      "approve a pending (or rejected) application, or in bulk every pending one or a file's; the group's default links are created for them",
    )
    .argument("[partnerId]", "the applicant's partner id (pn_…), the first column of `applications list`")
    .option("--group-id <id>", "the group to put them in (grp_… or slug); default: the one they applied to")
    .option("--json", "print the API's answer as JSON (in bulk: a machine-readable summary)")
    .option("--all-pending", "approve every pending application (with --yes off a terminal)")
    .option(
      "--file <file>",
      "approve the applicants of a .csv or .jsonl file (partnerId or tenantId, groupId), or - for stdin",
    )
    .option(
      "--group <id>",
      "--all-pending: only applications to this group (grp_…, as `applications list --group-id`)",
    )
    .option("--country <code>", "--all-pending: only applicants from this country, e.g. IT")
    .option("-y, --yes", "in bulk: do not ask for confirmation");
  addFileFlags(approve, '"partnerId=Dub ID"');
  addRunFlags(approve, {
    journal: "FILE.approve.journal beside the file; for --all-pending, in the state directory",
    report: "FILE.failed-approvals.csv, or dubkit-failed-approvals.csv for --all-pending",
    preview: "all",
    json: false,
  })
    .addHelpText(
      "after",
      BULK_APPROVE_HELP +
        examples([
          "dubkit partners applications approve pn_1KB6YMRHG1VVVXW8Z9ZC7ZWB9",
          "dubkit partners applications approve pn_1KB6YMRHG1VVVXW8Z9ZC7ZWB9 --group-id vip --json",
          "dubkit partners applications approve --all-pending --dry-run",
          "dubkit partners applications approve --all-pending --country IT --group-id vip --yes",
          "dubkit partners applications approve --file applicants.csv --json --yes",
        ]),
    )
    .action((partnerId: string | undefined, options, command: Command) => {
      const globals = globalsOf(command);
      const bulk =
        options.allPending ||
        options.file !== undefined ||
        options.group !== undefined ||
        options.country !== undefined;
      if (partnerId !== undefined && !bulk) {
        refuseBulkFlags(
          options,
          "with --all-pending or --file",
          "Approve one applicant by id, or many with --all-pending or --file.",
        );
        return run(async () =>
          (await import("./commands/applications-approve.js")).applicationsApprove(
            partnerId,
            options,
            globals,
            terminal,
          ),
        );
      }
      return run(async () =>
        (await import("./commands/applications-approve-bulk.js")).applicationsApproveBulk(
          partnerId,
          options,
          globals,
          terminal,
        ),
      );
    });
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
