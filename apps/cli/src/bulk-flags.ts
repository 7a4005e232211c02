// The flags of the bulk commands (`partners import`, `partners links upsert FILE`, `partners applications approve
// --all-pending|--file`), defined once so each says the same thing the same way: how a file is read, and how a run
// is paced, journaled, reported and previewed.

import { PLAN_NAMES } from "@dubkit/contract/values";
import { type Command, Option } from "commander";
import { CliError } from "./cli-error.js";
import { ExitCode } from "./exit-codes.js";

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/**
 * Adds how a CSV or JSONL file is read: `--format`, `--map`, `--mapping`, `--encoding`, `--delimiter`; `mapExample`
 * is a `--map` of the command's own fields.
 */
export function addFileFlags(command: Command, mapExample = 'email="E-mail"'): Command {
  return command
    .addOption(
      new Option("--format <format>", "input format (default: from the extension; csv for stdin)").choices([
        "csv",
        "jsonl",
      ]),
    )
    .option(
      "--map <field=column>",
      `which column fills a field, e.g. --map ${mapExample} (repeatable)`,
      collect,
    )
    .option("--mapping <file>", "a JSON mapping file kept beside the export (columns, delimiter, encoding)")
    .option(
      "--encoding <name>",
      "the file's encoding when it is not UTF-8 or UTF-16, e.g. windows-1252, latin1",
    )
    .option(
      "--delimiter <char>",
      "the CSV separator: a character, or comma, semicolon, tab, pipe (default: detected)",
    );
}

/**
 * Adds how a run goes: pace, journal, report, dry run, preview, and `--json` for the summary unless the command has
 * its own (`json: false`); `defaults` word the paths.
 */
export function addRunFlags(
  command: Command,
  defaults: { journal: string; report: string; preview: string; json?: boolean },
): Command {
  command
    .option("--concurrency <n>", "requests in flight at most (default: 8)")
    .option(
      "--rate <n/min>",
      "requests per minute, e.g. 600/min, 10/s, or off (default: the plan's limit, else what Dub announces)",
    )
    .addOption(
      new Option(
        "--plan <plan>",
        "your Dub plan, for its rate limit and partner quota (default: the profile's)",
      ).choices(PLAN_NAMES),
    )
    .option("--journal <file>", `the resume journal (default: ${defaults.journal})`)
    .option("--report <file>", `where failed rows go, .csv or .jsonl (default: ${defaults.report})`)
    .option("--dry-run", "check every row and show the plan and what would be sent; send nothing")
    .option(
      "--preview <n>",
      `dry run: how many request bodies to show, or all (default: ${defaults.preview})`,
    );
  return defaults.json === false
    ? command
    : command.option("--json", "print a machine-readable summary on stdout");
}

/** The flags {@link addFileFlags} and {@link addRunFlags} add, by option name. */
const BULK_FLAGS = [
  ["format", "--format"],
  ["map", "--map"],
  ["mapping", "--mapping"],
  ["encoding", "--encoding"],
  ["delimiter", "--delimiter"],
  ["concurrency", "--concurrency"],
  ["rate", "--rate"],
  ["plan", "--plan"],
  ["journal", "--journal"],
  ["report", "--report"],
  ["dryRun", "--dry-run"],
  ["preview", "--preview"],
] as const;

/** Refuses the bulk flags on a command's single form (`what`: "with FILE"), where they would do nothing. */
export function refuseBulkFlags(options: Record<string, unknown>, what: string, hint: string): void {
  const given = BULK_FLAGS.filter(([name]) => options[name] !== undefined).map(([, flag]) => flag);
  if (given.length === 0) return;
  throw new CliError(
    `${given.join(", ")} ${given.length === 1 ? "works" : "work"} only ${what}.`,
    ExitCode.usage,
    {
      code: "usage",
      hint,
    },
  );
}
