// `dubkit partners applications approve --all-pending | --file FILE`: many approvals on the import's engine, each
// journaled by its applicant (exactly once across runs), paced, Ctrl-C safe, with a failure report. `--all-pending`
// lists every pending application first (filtered by `--country` and `--group`), and journals in the state directory,
// one journal per profile and API host; `--file` journals beside the file. Approving adds partners to the program, so
// on a terminal the count is confirmed first; off one, `--yes` is required.

import { mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { ApiClient } from "../api-client.js";
import { applicantOf, approvalRows } from "../bulk/approval-rows.js";
import { approveJob } from "../bulk/approve-job.js";
import {
  describePending,
  listPending,
  PENDING_HEADER,
  type PendingFilters,
  pendingRows,
} from "../bulk/pending-applications.js";
import { CliError } from "../cli-error.js";
import { confirmOrCancel, requireConfirmation } from "../confirm-prompt.js";
import { ExitCode } from "../exit-codes.js";
import type { GlobalOptions } from "../global-options.js";
import { type BulkCommand, type BulkOptions, dryRunBulk, runBulk } from "../import/bulk-command.js";
import { type BulkFlags, defaultReport, resolveBulkOptions } from "../import/bulk-options.js";
import { BulkSession } from "../import/bulk-session.js";
import { type FileReadFlags, fileRows } from "../import/file-rows.js";
import type { ImportPlan } from "../import/import-plan.js";
import { checkInputPath, openInputFile } from "../import/input-file.js";
import { APPROVE_JOURNAL } from "../import/journal.js";
import type { SendRow } from "../import/row-decision.js";
import { detectFormat, type InputFormat } from "../import/row-reader.js";
import { plural } from "../plural.js";
import type { Terminal } from "../terminal.js";
import { stateDir } from "../xdg-paths.js";

/** The options of the bulk forms of `partners applications approve`. */
export interface BulkApproveOptions extends BulkFlags, FileReadFlags {
  allPending?: boolean;
  file?: string;
  groupId?: string;
  group?: string;
  country?: string;
  format?: string;
  yes?: boolean;
  dryRun?: boolean;
}

/** Bulk approval as the engine runs it; `previewLine` names the applicant of a row. */
function approveCommand(previewLine: (row: SendRow) => string): BulkCommand {
  return {
    journal: APPROVE_JOURNAL,
    words: {
      title: "Approval",
      outcomes: [
        { outcome: "approved", field: "approved", words: "approved" },
        { outcome: "existing", field: "alreadyApproved", words: "already approved" },
      ],
      rerun: "run `dubkit partners applications approve --file` on that file",
    },
    overQuota:
      "{rows} to approve: Dub stops approving at its quota. Upgrade the plan first, or approve fewer (--country, --group).",
    previewLine,
  };
}

/** A file row: the applicant, and the group when one is named. */
function filePreview(row: SendRow): string {
  const group = typeof row.body.groupId === "string" ? ` into group ${row.body.groupId}` : "";
  return `approve ${applicantOf(row.body)}${group}`;
}

/** A listed application: its applicant's id, name and email (the listing's cells), and the group when named. */
function pendingPreview(row: SendRow): string {
  const cells = "cells" in row.raw ? row.raw.cells : [];
  const at = (column: string) => cells[PENDING_HEADER.indexOf(column)] ?? "";
  const email = at("email") === "" ? "" : ` <${at("email")}>`;
  return `${filePreview(row)} (${at("name")}${email})`;
}

/** Says which form was asked for, refusing a mix of them. */
function chooseForm(partnerId: string | undefined, options: BulkApproveOptions): "all-pending" | "file" {
  if (!options.allPending && (options.group !== undefined || options.country !== undefined)) {
    throw new CliError(
      "--group and --country narrow the listing of --all-pending; they do nothing without it.",
      ExitCode.usage,
      { code: "usage", hint: "To put the applicants in a group, use --group-id." },
    );
  }
  const forms = [
    partnerId === undefined ? "" : "a partner id",
    options.allPending ? "--all-pending" : "",
    options.file === undefined ? "" : "--file",
  ].filter(Boolean);
  if (forms.length !== 1 || partnerId !== undefined) {
    const got = forms.length === 0 ? "none" : forms.join(", ");
    throw new CliError(`Give one of: a partner id, --all-pending or --file (got ${got}).`, ExitCode.usage, {
      code: "usage",
      hint: "dubkit partners applications approve --all-pending --dry-run",
    });
  }
  return options.allPending ? "all-pending" : "file";
}

/** The confirmation before anything is sent: the count, on a terminal, unless `--yes`. */
function confirmCount(terminal: Terminal, yes: boolean | undefined) {
  return async (plan: ImportPlan) => {
    if (plan.toSend === 0) return;
    const count = plural(plan.toSend, "application");
    await confirmOrCancel(terminal, yes, `Approve ${count}?`, "nothing was approved");
  };
}

/** The journal of `--all-pending`: in the state directory, one per profile and API host (`local` for --local). */
function allPendingJournal(client: ApiClient, globals: GlobalOptions, env: Terminal["env"]): string {
  const safe = (text: string) => text.replace(/[^A-Za-z0-9._-]/g, "_");
  const name =
    globals.local || client.settings === undefined
      ? "local"
      : `${client.settings.profile.name}@${safe(new URL(client.settings.baseUrl.value).host)}`;
  return join(stateDir(env), "journals", `approve-all-pending.${name}.journal`);
}

/** `--all-pending`: the listing, then its rows through the engine. */
async function approveAllPending(
  options: BulkApproveOptions,
  bulk: BulkOptions,
  globals: GlobalOptions,
  terminal: Terminal,
): Promise<number> {
  const filters: PendingFilters = { country: options.country, groupId: options.group };
  const session = new BulkSession(bulk.pace, globals, terminal);
  const client = await session.openClient(bulk.maxRetries);
  try {
    const journalPath = bulk.journalPath ?? allPendingJournal(client, globals, terminal.env);
    await mkdir(dirname(journalPath), { recursive: true, mode: 0o700 });
    const describe = describePending(filters);
    terminal.stderr.write(`Listing the ${describe}…\n`);
    const listed = await listPending(client, filters, options.groupId);
    if (listed.length === 0 && filters.groupId !== undefined && !filters.groupId.startsWith("grp_")) {
      terminal.stderr.write(
        `No pending applications to group ${filters.groupId}: --group takes the group's id (grp_…), not its slug.\n`,
      );
    } else if (listed.length === 0) {
      terminal.stderr.write(`No ${describe}: nothing to approve.\n`);
    }
    const rows = pendingRows(listed, approvalRows(options.groupId), describe);
    const command = approveCommand(pendingPreview);
    const run = { ...bulk, journalPath };
    if (options.dryRun) return await dryRunBulk(command, rows, run, terminal);
    return await runBulk(
      command,
      rows,
      run,
      {
        globals,
        session,
        client,
        job: (c) => approveJob(c, options.groupId),
        beforeSending: confirmCount(terminal, options.yes),
      },
      terminal,
    );
  } finally {
    await client.close();
  }
}

/** `--file FILE`: the file's rows through the engine. */
async function approveFile(
  file: string,
  format: InputFormat,
  options: BulkApproveOptions,
  bulk: BulkOptions,
  globals: GlobalOptions,
  terminal: Terminal,
): Promise<number> {
  const input = await openInputFile(file, terminal.stdin);
  try {
    const rows = await fileRows(input, format, options, approvalRows(options.groupId), (line) =>
      terminal.stderr.write(`${line}\n`),
    );
    const command = approveCommand(filePreview);
    if (options.dryRun) return await dryRunBulk(command, rows, bulk, terminal);
    return await runBulk(
      command,
      rows,
      bulk,
      {
        globals,
        job: (client) => approveJob(client, options.groupId),
        beforeSending: confirmCount(terminal, options.yes),
      },
      terminal,
    );
  } finally {
    await input.cleanup();
  }
}

/** Runs a bulk form (the single one, `approve ID`, is applications-approve.ts); returns the exit code. */
export async function applicationsApproveBulk(
  partnerId: string | undefined,
  options: BulkApproveOptions,
  globals: GlobalOptions,
  terminal: Terminal,
): Promise<number> {
  const form = chooseForm(partnerId, options);
  // Before any request: off a terminal, a bulk approval needs --yes (a dry run approves nothing).
  if (!options.dryRun) requireConfirmation(terminal, options.yes, "approve applications in bulk");
  // A dry run lists every application it would approve, unless --preview says fewer.
  const file = options.file;
  if (form === "file" && file !== undefined) {
    await checkInputPath(file);
    const format = detectFormat(file, options.format);
    const bulk = await resolveBulkOptions(options, globals, terminal, {
      journal: file === "-" ? undefined : `${file}.approve.journal`,
      report: defaultReport(file, format, "dubkit-failed-approvals", "failed-approvals"),
      preview: Number.POSITIVE_INFINITY,
    });
    return approveFile(file, format, options, bulk, globals, terminal);
  }
  const bulk = await resolveBulkOptions(options, globals, terminal, {
    journal: undefined,
    report: "dubkit-failed-approvals.csv",
    preview: Number.POSITIVE_INFINITY,
  });
  return approveAllPending(options, bulk, globals, terminal);
}
