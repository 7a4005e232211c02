// `dubkit partners links upsert FILE|-`: every row of a CSV or JSONL file upserted as `links upsert` does one, on
// the import's engine: a plan first, each row checked before anything is sent, resumable and exactly once through
// a journal beside the file, paced, and a failure report that can be fixed and run again.

import { LINK_ROWS } from "../bulk/link-rows.js";
import { linkUpsertJob } from "../bulk/link-upsert-job.js";
import { CliError } from "../cli-error.js";
import { ExitCode } from "../exit-codes.js";
import type { GlobalOptions } from "../global-options.js";
import { type BulkCommand, dryRunBulk, runBulk } from "../import/bulk-command.js";
import { type BulkFlags, defaultReport, resolveBulkOptions } from "../import/bulk-options.js";
import { type FileReadFlags, fileRows } from "../import/file-rows.js";
import { checkInputPath, openInputFile } from "../import/input-file.js";
import { LINKS_UPSERT_JOURNAL } from "../import/journal.js";
import { detectFormat } from "../import/row-reader.js";
import type { LinkBodyOptions } from "../link-body.js";
import type { Terminal } from "../terminal.js";

/** `partners links upsert FILE` options (the single form's flags are refused with a file). */
export interface LinksUpsertFileOptions extends BulkFlags, FileReadFlags, LinkBodyOptions {
  format?: string;
  dryRun?: boolean;
}

const DEFAULT_PREVIEW = 5;

/** The bulk upsert as the engine runs it. */
export const LINKS_UPSERT_COMMAND: BulkCommand = {
  journal: LINKS_UPSERT_JOURNAL,
  words: {
    title: "Upsert",
    outcomes: [
      { outcome: "created", field: "created", words: "created" },
      { outcome: "updated", field: "updated", words: "updated" },
      { outcome: "unchanged", field: "unchanged", words: "unchanged" },
    ],
    rerun: "run `dubkit partners links upsert` on that file",
  },
  // Links add no partner to the program.
  overQuota: undefined,
};

/** The flags of the single form, which a file replaces. */
const SINGLE_FLAGS = [
  ["url", "--url"],
  ["key", "--key"],
  ["linkProps", "--link-props"],
  ["data", "--data"],
  ["partnerId", "--partner-id"],
  ["tenantId", "--tenant-id"],
  ["email", "--email"],
] as const;

/** Refuses the single form's flags beside a file: each row says its own partner, URL and key. */
function refuseSingleFlags(options: LinksUpsertFileOptions): void {
  const given = SINGLE_FLAGS.filter(([name]) => options[name] !== undefined).map(([, flag]) => flag);
  if (given.length === 0) return;
  throw new CliError(
    `${given.join(", ")} ${given.length === 1 ? "is" : "are"} for one link; with a FILE, each row names its partner, URL and key.`,
    ExitCode.usage,
    {
      code: "usage",
      hint: "Put them in the file's columns (partnerId or tenantId, url, key, linkProps), or drop FILE to upsert one link.",
    },
  );
}

/** Runs the command; returns the exit code. */
export async function linksUpsertFile(
  file: string,
  options: LinksUpsertFileOptions,
  globals: GlobalOptions,
  terminal: Terminal,
): Promise<number> {
  refuseSingleFlags(options);
  await checkInputPath(file);
  const format = detectFormat(file, options.format);
  const bulk = await resolveBulkOptions(options, globals, terminal, {
    journal: file === "-" ? undefined : `${file}.upsert.journal`,
    report: defaultReport(file, format, "dubkit-failed-upserts", "failed-upserts"),
    preview: DEFAULT_PREVIEW,
  });
  const input = await openInputFile(file, terminal.stdin);
  try {
    const rows = await fileRows(input, format, options, LINK_ROWS, (line) =>
      terminal.stderr.write(`${line}\n`),
    );
    if (options.dryRun === true) return await dryRunBulk(LINKS_UPSERT_COMMAND, rows, bulk, terminal);
    return await runBulk(LINKS_UPSERT_COMMAND, rows, bulk, { globals, job: linkUpsertJob }, terminal);
  } finally {
    await input.cleanup();
  }
}
