// The run every bulk command shares (`partners import`, `partners links upsert FILE`, `partners applications approve
// --all-pending|--file`): a pass over every row for the plan (problems, the journal's progress, the time at the
// pace, the quota), the dry run, then the rows that need sending through the command's job with the run's limiter,
// progress and Ctrl-C, each settled in the journal and the report, and the summary with its exit code. A command
// brings its rows, its job and its words.

import { rm } from "node:fs/promises";
import type { ApiClient } from "../api-client.js";
import { CliError } from "../cli-error.js";
import { errorReport } from "../error-report.js";
import { ExitCode, exitCodeFor } from "../exit-codes.js";
import type { GlobalOptions } from "../global-options.js";
import type { Terminal } from "../terminal.js";
import type { BulkJob } from "./bulk-job.js";
import { BulkSession } from "./bulk-session.js";
import { FailureReport, type ReportLayout } from "./failure-report.js";
import { buildPlan, countRows, formatPlan, type ImportPlan, type PlanCounts } from "./import-plan.js";
import { runImport } from "./import-runner.js";
import { type ImportStats, newStats } from "./import-stats.js";
import {
  buildSummary,
  formatSummary,
  type ImportStatus,
  type ImportSummary,
  type RunWords,
} from "./import-summary.js";
import { Journal, type JournalKind, type ResumeSet, readResume } from "./journal.js";
import { startMemoryGuard } from "./memory-guard.js";
import type { Pace } from "./rate-option.js";
import { type DecisionContext, decideRow, type RowDecision, type SendRow } from "./row-decision.js";
import type { InputRecord } from "./row-reader.js";

// Problems listed on stderr by a dry run; the report has them all.
const LISTED_PROBLEMS = 20;

/** What kind of bulk command runs: its journal, its words, and whether its rows count against the partner quota. */
export interface BulkCommand {
  journal: JournalKind;
  words: RunWords;
  /** What the plan says when the rows to send may not fit the partner quota (`{rows}`: their count); none when the
   * rows do not add partners. */
  overQuota: string | undefined;
  /** How a dry run shows a row it would send (default: its body as JSON). */
  previewLine?: (row: SendRow) => string;
}

/** The rows of one run and how each pass over them is decided. */
export interface BulkRows {
  /** Where they come from: `partners.csv`, `stdin`. */
  name: string;
  /** The same for the plan, with how it is read: `partners.csv (UTF-8, comma-separated)`. */
  describe: string;
  /** The records, from the start, once per pass. */
  records(): AsyncGenerator<InputRecord[]>;
  /** A fresh decision context (its own duplicate index) with what the journal says. */
  context(resume: ResumeSet | undefined): DecisionContext;
  /** How the failure report keeps the rows' columns. */
  layout: ReportLayout;
  /** Changes when the input does (a file saved between the plan and the run). */
  version(): Promise<string>;
}

/** The options every bulk command has. */
export interface BulkOptions {
  pace: Pace;
  concurrency: number;
  /** Retries of a row's request (`--retries`). */
  maxRetries: number;
  /** How many rows a dry run shows. */
  preview: number;
  json: boolean;
  /** None: no journal (stdin without `--journal`). */
  journalPath: string | undefined;
  reportPath: string;
}

/** The decisions for every row of one pass, a batch per chunk of the input, each decided only when it is reached. */
async function* decisions(rows: BulkRows, context: DecisionContext): AsyncGenerator<Iterable<RowDecision>> {
  for await (const records of rows.records()) yield decideEach(records, context);
}

// Lazily: a batch's rows wait for request slots, and decided all at once they would outlive the young generation.
function* decideEach(records: InputRecord[], context: DecisionContext): Generator<RowDecision> {
  for (const record of records) yield decideRow(record, context);
}

/**
 * The plan's counts: one pass that also collects every key and second value; only when some repeat, a second pass
 * (then the duplicates are known) takes the counts again. Leaves the duplicate index ready for the next pass.
 */
async function planCounts(rows: BulkRows, context: DecisionContext): Promise<PlanCounts> {
  const counts = await countRows(decisions(rows, context), {});
  if (!context.duplicates.settle()) return counts;
  const again = await countRows(decisions(rows, context), {});
  context.duplicates.restart();
  return again;
}

/** Runs `work` with the memory guard on (see memory-guard.ts): a bulk run reads and sends a whole file. */
async function guarded<T>(work: () => Promise<T>): Promise<T> {
  const guard = startMemoryGuard();
  try {
    return await work();
  } finally {
    guard.stop();
  }
}

/** A dry run: the plan, every problem (listed and in the report), and the rows a real run would send. */
export function dryRunBulk(...args: Parameters<typeof planOnly>): Promise<number> {
  return guarded(() => planOnly(...args));
}

async function planOnly(
  command: BulkCommand,
  rows: BulkRows,
  options: BulkOptions,
  terminal: Terminal,
): Promise<number> {
  const say = (line: string) => terminal.stderr.write(`${line}\n`);
  const started = Date.now();
  const resume =
    options.journalPath === undefined ? undefined : await readResume(options.journalPath, command.journal);
  const context = rows.context(resume);
  await rm(options.reportPath, { force: true });
  const report = new FailureReport(options.reportPath, rows.layout);
  const problems: string[] = [];
  const samples: SendRow[] = [];
  // A first pass learns which keys repeat; the second one reports.
  await countRows(decisions(rows, context), {});
  context.duplicates.settle();
  const counts = await countRows(decisions(rows, context), {
    problem: (row) => {
      report.add({ line: row.line, raw: row.raw, ...row.failure });
      if (problems.length < LISTED_PROBLEMS) problems.push(`  line ${row.line}: ${row.failure.error}`);
    },
    send: (row) => {
      if (samples.length < options.preview) samples.push(row);
    },
  });
  await report.close();
  const plan = buildPlan(counts, options.pace, command.overQuota !== undefined);
  for (const line of formatPlan(plan, rows.describe, command.overQuota)) say(line);
  const problemCount = counts.invalid + counts.duplicates + counts.earlierFailures;
  if (problemCount > 0) {
    say(
      `Problems${problemCount > problems.length ? ` (first ${problems.length} of ${problemCount}; all in ${options.reportPath})` : ` (also in ${options.reportPath})`}:`,
    );
    for (const line of problems) say(line);
  }
  if (samples.length > 0) {
    say(
      `Would send${counts.toSend > samples.length ? ` (first ${samples.length} of ${counts.toSend}; --preview all shows every row)` : ""}:`,
    );
    const show = command.previewLine ?? ((row: SendRow) => JSON.stringify(row.body));
    for (const row of samples) say(`  line ${row.line}: ${show(row)}`);
  }
  const stats = newStats(counts.rows, started, command.journal.outcomes);
  stats.read = counts.rows;
  stats.skipped = counts.alreadyDone;
  stats.invalid = counts.invalid;
  stats.duplicates = counts.duplicates;
  stats.failed = problemCount;
  const summary: ImportSummary = {
    ...buildSummary(stats, {
      words: command.words,
      status: problemCount > 0 ? "partial" : "completed",
      dryRun: true,
      now: Date.now(),
      journal: undefined,
      report: report.count > 0 ? options.reportPath : undefined,
      plan,
    }),
    valid: counts.toSend + counts.alreadyDone,
    toSend: counts.toSend,
    preview: samples.map((row) => ({ line: row.line, body: row.body })),
  };
  // Rows a real run would not send are counted once: as to send, skipped or failed.
  summary.notSent = 0;
  if (options.json) terminal.stdout.write(`${JSON.stringify(summary)}\n`);
  for (const line of formatSummary(summary, command.words)) say(line);
  return problemCount > 0 ? ExitCode.usage : ExitCode.ok;
}

/** What a real run needs besides the rows: where requests go, and what to do between the plan and the sending. */
export interface BulkRunParts {
  globals: GlobalOptions;
  /** The run's limiter and signals; a command that walked a listing first passes the one it paced that with. */
  session?: BulkSession;
  /** The client to send through (opened by the command with the session's limiter); else one is opened. */
  client?: ApiClient;
  /** The command's job, on the client the rows go through. */
  job(client: ApiClient): BulkJob & { lookups?(): number };
  /** Runs once the plan is shown, before anything is sent (a confirmation); throwing sends nothing. */
  beforeSending?(plan: ImportPlan): Promise<void>;
}

/** Opens the journal (refusing one in use) and clears a report left by an earlier run. */
async function openJournal(command: BulkCommand, options: BulkOptions): Promise<Journal | undefined> {
  let journal: Journal | undefined;
  try {
    journal =
      options.journalPath === undefined
        ? undefined
        : await Journal.open(options.journalPath, command.journal);
    // A report left by an earlier run would mix old failures with this run's.
    await rm(options.reportPath, { force: true });
    return journal;
  } catch (error) {
    await journal?.close();
    if (error instanceof CliError) throw error;
    throw new CliError(
      `Cannot open ${journal ? options.reportPath : options.journalPath}: ${(error as Error).message}`,
      ExitCode.usage,
    );
  }
}

/** The real run: the plan, then the rows that need sending, then the summary; returns the exit code. */
export function runBulk(...args: Parameters<typeof sendAll>): Promise<number> {
  return guarded(() => sendAll(...args));
}

async function sendAll(
  command: BulkCommand,
  rows: BulkRows,
  options: BulkOptions,
  parts: BulkRunParts,
  terminal: Terminal,
): Promise<number> {
  const journal = await openJournal(command, options);
  const version = await rows.version();
  const shared = rows.context(journal?.resume);
  let plan: ImportPlan;
  try {
    plan = buildPlan(await planCounts(rows, shared), options.pace, command.overQuota !== undefined);
  } catch (error) {
    // Nothing was sent: a file-level problem (bytes that are not UTF-8 on line 50,000) leaves no journal behind.
    await journal?.discard();
    throw error;
  }
  for (const line of formatPlan(plan, rows.describe, command.overQuota)) terminal.stderr.write(`${line}\n`);
  try {
    if ((await rows.version()) !== version) {
      throw new CliError(
        `${rows.name} changed while it was being read; nothing was sent. Run again once it is saved.`,
        ExitCode.usage,
      );
    }
    await parts.beforeSending?.(plan);
  } catch (error) {
    await journal?.discard();
    throw error;
  }
  const report = new FailureReport(options.reportPath, rows.layout);
  const session = parts.session ?? new BulkSession(options.pace, parts.globals, terminal);
  let client = parts.client;
  try {
    client ??= await session.openClient(options.maxRetries);
  } catch (error) {
    await journal?.close();
    throw error;
  }
  const stats = newStats(plan.rows, Date.now(), command.journal.outcomes);
  const job = parts.job(client);
  let fatal: unknown;
  session.begin(stats);
  try {
    ({ fatal } = await runImport({
      rows: decisions(rows, shared),
      job,
      stats,
      concurrency: options.concurrency,
      ...(journal ? { journal } : {}),
      report,
      stop: session.stop.signal,
      abandon: session.abandon.signal,
    }));
  } catch (error) {
    fatal = error;
  } finally {
    session.end(stats, job.lookups?.() ?? 0);
    await report.close();
    // Rows were counted only once durable; what close() flushes is `sent` notes, so a failure here
    // costs at most a resend and must not hide the summary.
    await journal?.close().catch(() => undefined);
    if (parts.client === undefined) await client.close();
  }
  return finish(command, {
    stats,
    fatal,
    stopped: session.stop.signal.aborted,
    plan,
    journalPath: options.journalPath,
    report,
    json: options.json,
    terminal,
  });
}

/** Prints the summary of a real run and picks the exit code. */
function finish(
  command: BulkCommand,
  run: {
    stats: ImportStats;
    fatal: unknown;
    stopped: boolean;
    plan: ImportPlan;
    journalPath: string | undefined;
    report: FailureReport;
    json: boolean;
    terminal: Terminal;
  },
): number {
  const { stats, fatal, terminal } = run;
  const interrupted = run.stopped && fatal === undefined;
  const status: ImportStatus = interrupted
    ? "interrupted"
    : fatal !== undefined
      ? "failed"
      : stats.failed > 0
        ? "partial"
        : "completed";
  const error = fatal === undefined ? undefined : errorReport(fatal);
  const summary = buildSummary(stats, {
    words: command.words,
    status,
    dryRun: false,
    now: Date.now(),
    journal: run.journalPath,
    report: run.report.count > 0 ? run.report.path : undefined,
    plan: run.plan,
    ...(error ? { error: { message: error.message, hint: error.hint } } : {}),
  });
  if (run.json) terminal.stdout.write(`${JSON.stringify(summary)}\n`);
  for (const line of formatSummary(summary, command.words)) terminal.stderr.write(`${line}\n`);
  if (interrupted) return ExitCode.interrupted;
  if (fatal !== undefined) return exitCodeFor(fatal);
  return stats.failed === 0 ? ExitCode.ok : ExitCode.failure;
}
