// `dubkit partners import FILE|-`: reads the file once to plan (every problem, the journal's progress, the time at
// the plan's rate, the quota), shows the plan, then sends the rows that need sending, resumably. The bulk engine in
// `import/` runs it; this names the import's rows (create-partner bodies, keyed by email) and its job.

import type { GlobalOptions } from "../global-options.js";
import { type BulkCommand, dryRunBulk, runBulk } from "../import/bulk-command.js";
import { type BulkFlags, defaultReport, resolveBulkOptions } from "../import/bulk-options.js";
import type { FileReadFlags } from "../import/file-rows.js";
import { fileRows } from "../import/file-rows.js";
import { importCreateOperation } from "../import/import-operation.js";
import { IMPORT_OVER_QUOTA } from "../import/import-plan.js";
import { IMPORT_WORDS } from "../import/import-summary.js";
import { checkInputPath, openInputFile } from "../import/input-file.js";
import { IMPORT_JOURNAL } from "../import/journal.js";
import { partnerCreateJob } from "../import/partner-create-job.js";
import { PARTNER_ROWS } from "../import/partner-rows.js";
import { detectFormat } from "../import/row-reader.js";
import type { Terminal } from "../terminal.js";

/** `partners import` options. */
export interface ImportOptions extends BulkFlags, FileReadFlags {
  format?: string;
  dryRun?: boolean;
}

const DEFAULT_PREVIEW = 5;

/** The import as the bulk engine runs it. */
const IMPORT_COMMAND: BulkCommand = {
  journal: IMPORT_JOURNAL,
  words: IMPORT_WORDS,
  overQuota: IMPORT_OVER_QUOTA,
};

/** Runs the command; returns the exit code. */
export async function partnersImport(
  file: string,
  options: ImportOptions,
  globals: GlobalOptions,
  terminal: Terminal,
): Promise<number> {
  await checkInputPath(file);
  const format = detectFormat(file, options.format);
  const bulk = await resolveBulkOptions(options, globals, terminal, {
    journal: file === "-" ? undefined : `${file}.journal`,
    report: defaultReport(file, format, "dubkit-import-failed"),
    preview: DEFAULT_PREVIEW,
  });
  const say = (line: string) => terminal.stderr.write(`${line}\n`);
  const input = await openInputFile(file, terminal.stdin);
  try {
    const rows = await fileRows(input, format, options, PARTNER_ROWS, say);
    if (options.dryRun === true) return await dryRunBulk(IMPORT_COMMAND, rows, bulk, terminal);
    return await runBulk(
      IMPORT_COMMAND,
      rows,
      bulk,
      {
        globals,
        job: (client) =>
          partnerCreateJob((body, signal) =>
            client.dub.transport.request(importCreateOperation, body as { email: string }, { signal }),
          ),
      },
      terminal,
    );
  } finally {
    await input.cleanup();
  }
}
