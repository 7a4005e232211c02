// `dubkit partners import FILE|-`: the bulk import, with its journal, report, progress and summary.

import { setMaxListeners } from "node:events";
import { createReadStream } from "node:fs";
import { rm, stat } from "node:fs/promises";
import { formatIssuePath } from "@dubkit/core";
import { formatIssues, safeParse } from "@dubkit/core/schema";
import { createPartnerBody } from "@dubkit/partners/schemas";
import { openApiClient } from "../api-client.js";
import { CliError } from "../cli-error.js";
import { ExitCode, exitCodeFor } from "../exit-codes.js";
import { type GlobalOptions, parseCount } from "../global-options.js";
import { FailureReport } from "../import/failure-report.js";
import { runImport, type Validation } from "../import/import-runner.js";
import { newStats } from "../import/import-stats.js";
import { buildSummary, formatSummary, type ImportStatus } from "../import/import-summary.js";
import { Journal } from "../import/journal.js";
import { AdaptivePacer } from "../import/pacer.js";
import { startProgress } from "../import/progress.js";
import { resolveRate } from "../import/rate-option.js";
import { unknownColumns } from "../import/row-mapping.js";
import { detectFormat, type InputRow, openInput, readRows } from "../import/row-reader.js";
import { colorsFor, type Terminal } from "../terminal.js";

/** `partners import` options. */
export interface ImportOptions {
  format?: string;
  concurrency?: string;
  rate?: string;
  plan?: string;
  journal?: string;
  report?: string;
  dryRun?: boolean;
  json?: boolean;
}

const DEFAULT_CONCURRENCY = 8;
// A row is retried this often on 429 before this run gives it up (the next run sends it again).
const MAX_RATE_LIMIT_RETRIES = 20;
const DEFAULT_ROW_RETRIES = 5;

/** Validates a mapped row with the SDK's create schema: every issue, the first one's field. */
export function validateRow(body: Record<string, unknown>): Validation {
  const checked = safeParse(createPartnerBody, body);
  if (checked.success) return { ok: true, data: checked.data as Record<string, unknown> & { email: string } };
  const first = checked.issues[0];
  return {
    ok: false,
    field: first ? formatIssuePath(first.path) || undefined : undefined,
    error: formatIssues(checked.issues),
  };
}

/** Counts physical lines cheaply, for the progress bar's total (an estimate: quoted newlines count too). */
async function estimateRows(file: string): Promise<number | undefined> {
  if (file === "-") return undefined;
  let newlines = 0;
  let last = 0x0a;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(0x0a); i !== -1; i = chunk.indexOf(0x0a, i + 1)) newlines++;
    last = chunk[chunk.length - 1] ?? last;
  }
  return newlines + (last === 0x0a ? 0 : 1);
}

/** Passes rows through, calling `warn` once with the columns of the first row that map to no field. */
async function* warnUnknownColumns(
  rows: AsyncIterable<InputRow>,
  warn: (columns: string[]) => void,
): AsyncGenerator<InputRow> {
  let checked = false;
  for await (const row of rows) {
    if (!checked && row.fields) {
      checked = true;
      const unknown = unknownColumns(Object.keys(row.fields));
      if (unknown.length > 0) warn(unknown);
    }
    yield row;
  }
}

/** Runs the command; returns the exit code. */
export async function partnersImport(
  file: string,
  options: ImportOptions,
  globals: GlobalOptions,
  terminal: Terminal,
): Promise<number> {
  const format = detectFormat(file, options.format);
  const concurrency = parseCount("--concurrency", options.concurrency, 1) ?? DEFAULT_CONCURRENCY;
  const rate = resolveRate(options.rate, options.plan);
  const maxRetries = parseCount("--retries", globals.retries) ?? DEFAULT_ROW_RETRIES;
  if (file !== "-") {
    try {
      if (!(await stat(file)).isFile()) throw new Error("not a file");
    } catch {
      throw new CliError(`Cannot read ${file}: no such file.`, ExitCode.usage);
    }
  }
  const dryRun = options.dryRun === true;
  const journalPath = dryRun
    ? undefined
    : (options.journal ?? (file === "-" ? undefined : `${file}.journal`));
  const reportPath = options.report ?? (file === "-" ? "dubkit-import-report.jsonl" : `${file}.report.jsonl`);
  const c = colorsFor(globals.color, terminal.env, terminal.stderr);
  const lines = await estimateRows(file);
  const total = lines === undefined ? undefined : format === "csv" ? Math.max(0, lines - 1) : lines;

  const client = dryRun ? undefined : await openApiClient(globals, terminal);
  let journal: Journal | undefined;
  let opening = journalPath;
  try {
    journal = journalPath === undefined ? undefined : await Journal.open(journalPath);
    opening = reportPath;
    // A report left by an earlier run would mix old failures with this run's.
    await rm(reportPath, { force: true });
  } catch (error) {
    await journal?.close();
    await client?.close();
    throw new CliError(`Cannot open ${opening}: ${(error as Error).message}`, ExitCode.usage);
  }
  const report = new FailureReport(reportPath);
  const stats = newStats(total, Date.now());

  const stop = new AbortController();
  const abandon = new AbortController();
  // Every request in flight and every pacer wait listens on `abandon`; that is expected, not a leak.
  setMaxListeners(0, abandon.signal);
  const onSignal = () => {
    if (!stop.signal.aborted) {
      stop.abort();
      terminal.stderr.write(
        `\n${c.yellow("Stopping")}: finishing requests in flight (Ctrl-C again to abandon them).\n`,
      );
    } else {
      abandon.abort();
    }
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  const progress = startProgress(stats, terminal.stderr, {
    tty: terminal.stderr.isTTY === true,
    intervalMs: Number(terminal.env.DUBKIT_PROGRESS_INTERVAL_MS) || 5000,
  });

  let result: Awaited<ReturnType<typeof runImport>> = {};
  try {
    const rows = readRows(openInput(file), format);
    result = await runImport({
      rows: warnUnknownColumns(rows, (columns) =>
        terminal.stderr.write(`${c.yellow("Ignoring columns")}: ${columns.join(", ")}\n`),
      ),
      source: format,
      validate: validateRow,
      create: (body, signal) =>
        client!.dub.partners.create(
          body as Parameters<NonNullable<typeof client>["dub"]["partners"]["create"]>[0],
          {
            retries: { strategy: "none" },
            signal,
          },
        ),
      pacer: new AdaptivePacer({ ratePerMinute: rate }),
      stats,
      concurrency,
      maxRetries,
      maxRateLimitRetries: MAX_RATE_LIMIT_RETRIES,
      dryRun,
      ...(journal ? { journal } : {}),
      report,
      stop: stop.signal,
      abandon: abandon.signal,
    });
  } catch (error) {
    result = { fatal: error };
  } finally {
    progress.stop();
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    await report.close();
    // Rows were counted only once durable; what close() flushes is `sent` notes, so a failure here
    // costs at most a resend and must not hide the summary.
    await journal?.close().catch(() => undefined);
    await client?.close();
  }

  const interrupted = stop.signal.aborted && result.fatal === undefined;
  const status: ImportStatus = interrupted
    ? "interrupted"
    : result.fatal !== undefined
      ? "failed"
      : stats.failed > 0
        ? "partial"
        : "completed";
  const summary = buildSummary(stats, {
    status,
    dryRun,
    now: Date.now(),
    journal: journalPath,
    report: report.count > 0 ? reportPath : undefined,
    ...(result.fatal === undefined ? {} : { error: errorText(result.fatal) }),
  });
  if (options.json) terminal.stdout.write(`${JSON.stringify(summary)}\n`);
  for (const line of formatSummary(summary)) terminal.stderr.write(`${line}\n`);
  if (interrupted) return ExitCode.interrupted;
  if (result.fatal !== undefined) return exitCodeFor(result.fatal);
  if (stats.failed === 0) return ExitCode.ok;
  return dryRun ? ExitCode.usage : ExitCode.failure;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
