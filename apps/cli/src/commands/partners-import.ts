// `dubkit partners import FILE|-`: reads the file once to plan (every problem, the journal's progress, the time at
// the plan's rate, the quota), shows the plan, then sends the rows that need sending, resumably.

import { setMaxListeners } from "node:events";
import { rm } from "node:fs/promises";
import { openApiClient } from "../api-client.js";
import { CliError } from "../cli-error.js";
import { errorReport } from "../error-report.js";
import { ExitCode, exitCodeFor } from "../exit-codes.js";
import { type GlobalOptions, parseCount } from "../global-options.js";
import { planColumns } from "../import/column-mapping.js";
import { loadCountries } from "../import/country-code.js";
import { delimiterName } from "../import/csv-dialect.js";
import { DuplicateIndex } from "../import/duplicate-index.js";
import { FailureReport } from "../import/failure-report.js";
import { importCreateOperation } from "../import/import-operation.js";
import { buildPlan, countRows, formatPlan, type ImportPlan, type PlanCounts } from "../import/import-plan.js";
import { runImport } from "../import/import-runner.js";
import { type ImportStats, newStats } from "../import/import-stats.js";
import {
  buildSummary,
  formatSummary,
  type ImportStatus,
  type ImportSummary,
} from "../import/import-summary.js";
import { checkInputPath, countLines, type InputFile, openInputFile } from "../import/input-file.js";
import { Journal, type ResumeSet, readResume } from "../import/journal.js";
import { applyMapFlags, readMappingFile } from "../import/mapping-file.js";
import { type Progress, plainLog, startProgress } from "../import/progress.js";
import { RateLimiter } from "../import/rate-limiter.js";
import { type Pace, resolvePace } from "../import/rate-option.js";
import { openRecordSource, type RecordSource } from "../import/record-source.js";
import { type DecisionContext, decideRow, type RowDecision, type SendRow } from "../import/row-decision.js";
import { compileCellsMapper } from "../import/row-mapping.js";
import { detectFormat, type InputRecord } from "../import/row-reader.js";
import { checkCreateRequest } from "../request-check.js";
import { resolveSettings } from "../settings.js";
import { colorsFor, type Terminal } from "../terminal.js";

/** `partners import` options. */
export interface ImportOptions {
  format?: string;
  concurrency?: string;
  rate?: string;
  plan?: string;
  journal?: string;
  report?: string;
  map?: string[];
  mapping?: string;
  encoding?: string;
  delimiter?: string;
  preview?: string;
  dryRun?: boolean;
  json?: boolean;
}

const DEFAULT_CONCURRENCY = 8;
const DEFAULT_ROW_RETRIES = 5;
const DEFAULT_PREVIEW = 5;
// Problems listed on stderr by a dry run; the report has them all.
const LISTED_PROBLEMS = 20;

/** Validates a mapped row with the contract's create schema: every issue, the first one's field. */
function validateRow(body: Record<string, unknown>) {
  const checked = checkCreateRequest(body);
  return checked.ok
    ? { ok: true as const, data: checked.data as Record<string, unknown> & { email: string } }
    : checked;
}

function defaultReport(file: string, format: "csv" | "jsonl"): string {
  if (file === "-") return `dubkit-import-failed.${format}`;
  return `${file.replace(/\.(csv|tsv|txt|jsonl|ndjson)$/i, "")}.failed.${format}`;
}

/** The profile's plan, when a profile is in use and has one; never fails the import (a dry run needs no token). */
async function profilePlan(globals: GlobalOptions, terminal: Terminal): Promise<string | undefined> {
  if (globals.local) return undefined;
  try {
    return (await resolveSettings(globals, terminal.env)).profile.stored?.plan;
  } catch {
    return undefined;
  }
}

/** The decisions for every row of one pass, a batch per chunk of the file, each decided only when it is reached. */
async function* decisions(
  source: RecordSource,
  context: DecisionContext,
): AsyncGenerator<Iterable<RowDecision>> {
  for await (const records of source.records()) yield decideEach(records, context);
}

// Lazily: a batch's rows wait for request slots, and decided all at once they would outlive the young generation.
function* decideEach(records: InputRecord[], context: DecisionContext): Generator<RowDecision> {
  for (const record of records) yield decideRow(record, context);
}

/**
 * The plan's counts: one pass that also collects every email and tenantId; only when some repeat, a second pass
 * (then the duplicates are known) takes the counts again. Leaves the duplicate index ready for the next pass.
 */
async function planCounts(source: RecordSource, context: DecisionContext): Promise<PlanCounts> {
  const counts = await countRows(decisions(source, context), {});
  if (!context.duplicates.settle()) return counts;
  const again = await countRows(decisions(source, context), {});
  context.duplicates.restart();
  return again;
}

/** Reads the input's layout and decides the column mapping; throws (nothing sent) on any file-level problem. */
async function prepare(
  input: InputFile,
  options: ImportOptions,
  format: "csv" | "jsonl",
  log: (line: string) => void,
) {
  const mappingFile = options.mapping === undefined ? undefined : await readMappingFile(options.mapping);
  const explicit = applyMapFlags(mappingFile?.columns ?? new Map(), options.map ?? []);
  const source = await openRecordSource(input, format, {
    encoding:
      options.encoding !== undefined
        ? { name: options.encoding, source: "--encoding" }
        : mappingFile?.encoding !== undefined
          ? { name: mappingFile.encoding, source: "mapping file" }
          : undefined,
    delimiter:
      options.delimiter !== undefined
        ? { text: options.delimiter, source: "--delimiter" }
        : mappingFile?.delimiter !== undefined
          ? { text: mappingFile.delimiter, source: "mapping file" }
          : undefined,
  });
  let mapCells: DecisionContext["mapCells"];
  if (source.header) {
    const columns = planColumns(source.header, explicit);
    if (columns.ignored.length > 0) log(`Ignoring columns: ${columns.ignored.join(", ")}`);
    mapCells = compileCellsMapper(columns.targets);
    if (columns.targets.includes("country")) loadCountries();
  } else {
    if (explicit.size > 0) throw new CliError("--map and --mapping apply to CSV files only.", ExitCode.usage);
    loadCountries();
  }
  return { source, mapCells };
}

function describeSource(input: InputFile, source: RecordSource): string {
  const parts = [source.encoding.name.toUpperCase()];
  if (source.dialect) parts.push(`${delimiterName(source.dialect.delimiter)}-separated`);
  return `${input.name} (${parts.join(", ")})`;
}

/** Runs the command; returns the exit code. */
export async function partnersImport(
  file: string,
  options: ImportOptions,
  globals: GlobalOptions,
  terminal: Terminal,
): Promise<number> {
  await checkInputPath(file);
  const format = detectFormat(file, options.format);
  const concurrency = parseCount("--concurrency", options.concurrency, 1) ?? DEFAULT_CONCURRENCY;
  const maxRetries = parseCount("--retries", globals.retries) ?? DEFAULT_ROW_RETRIES;
  const preview =
    options.preview === "all"
      ? Number.POSITIVE_INFINITY
      : (parseCount("--preview", options.preview) ?? DEFAULT_PREVIEW);
  const pace = resolvePace(options.rate, options.plan, await profilePlan(globals, terminal));
  const dryRun = options.dryRun === true;
  const reportPath = options.report ?? defaultReport(file, format);
  const c = colorsFor(globals.color, terminal.env, terminal.stderr);
  const say = (line: string) => terminal.stderr.write(`${line}\n`);

  const input = await openInputFile(file, terminal.stdin);
  try {
    const { source, mapCells } = await prepare(input, options, format, say);
    const journalPath = options.journal ?? (file === "-" ? undefined : `${file}.journal`);
    const expectedRows = await countLines(input.path);
    const context = (resume: ResumeSet | undefined): DecisionContext => ({
      mapCells,
      columns: source.header?.length ?? 0,
      validate: validateRow,
      duplicates: new DuplicateIndex(expectedRows),
      resume,
    });
    const layout = { header: source.header, delimiter: source.dialect?.delimiter ?? "," };
    if (dryRun) {
      const resume = journalPath === undefined ? undefined : await readResume(journalPath);
      return await dryRunImport({
        input,
        source,
        context: context(resume),
        pace,
        preview,
        reportPath,
        layout,
        options,
        terminal,
      });
    }
    let journal: Journal | undefined;
    try {
      journal = journalPath === undefined ? undefined : await Journal.open(journalPath);
      // A report left by an earlier run would mix old failures with this run's.
      await rm(reportPath, { force: true });
    } catch (error) {
      await journal?.close();
      if (error instanceof CliError) throw error;
      throw new CliError(
        `Cannot open ${journal ? reportPath : journalPath}: ${(error as Error).message}`,
        ExitCode.usage,
      );
    }
    const version = await input.version();
    const shared = context(journal?.resume);
    let plan: ImportPlan;
    try {
      plan = buildPlan(await planCounts(source, shared), pace);
    } catch (error) {
      // Nothing was sent: a file-level problem (bytes that are not UTF-8 on line 50,000) leaves no journal behind.
      await journal?.discard();
      throw error;
    }
    for (const line of formatPlan(plan, describeSource(input, source))) say(line);
    if ((await input.version()) !== version) {
      await journal?.discard();
      throw new CliError(
        `${input.name} changed while it was being read; nothing was sent. Run again once it is saved.`,
        ExitCode.usage,
      );
    }
    const report = new FailureReport(reportPath, layout);
    return await sendRows({
      source,
      shared,
      plan,
      pace,
      concurrency,
      maxRetries,
      journal,
      journalPath,
      report,
      options,
      globals,
      terminal,
      c,
    });
  } finally {
    await input.cleanup();
  }
}

/** A dry run: the plan, every problem (listed and in the report), and the bodies a real run would send. */
async function dryRunImport(run: {
  input: InputFile;
  source: RecordSource;
  context: DecisionContext;
  pace: Pace;
  preview: number;
  reportPath: string;
  layout: { header: string[] | undefined; delimiter: string };
  options: ImportOptions;
  terminal: Terminal;
}): Promise<number> {
  const { terminal } = run;
  const say = (line: string) => terminal.stderr.write(`${line}\n`);
  const started = Date.now();
  await rm(run.reportPath, { force: true });
  const report = new FailureReport(run.reportPath, run.layout);
  const problems: string[] = [];
  const samples: SendRow[] = [];
  // A first pass learns which emails and tenantIds repeat; the second one reports.
  await countRows(decisions(run.source, run.context), {});
  run.context.duplicates.settle();
  const counts = await countRows(decisions(run.source, run.context), {
    problem: (row) => {
      report.add({ line: row.line, raw: row.raw, ...row.failure });
      if (problems.length < LISTED_PROBLEMS) problems.push(`  line ${row.line}: ${row.failure.error}`);
    },
    send: (row) => {
      if (samples.length < run.preview) samples.push(row);
    },
  });
  await report.close();
  const plan = buildPlan(counts, run.pace);
  for (const line of formatPlan(plan, describeSource(run.input, run.source))) say(line);
  const problemCount = counts.invalid + counts.duplicates + counts.earlierFailures;
  if (problemCount > 0) {
    say(
      `Problems${problemCount > problems.length ? ` (first ${problems.length} of ${problemCount}; all in ${run.reportPath})` : ` (also in ${run.reportPath})`}:`,
    );
    for (const line of problems) say(line);
  }
  if (samples.length > 0) {
    say(
      `Would send${counts.toSend > samples.length ? ` (first ${samples.length} of ${counts.toSend}; --preview all shows every row)` : ""}:`,
    );
    for (const row of samples) say(`  line ${row.line}: ${JSON.stringify(row.body)}`);
  }
  const stats = newStats(counts.rows, started);
  stats.read = counts.rows;
  stats.skipped = counts.alreadyDone;
  stats.invalid = counts.invalid;
  stats.duplicates = counts.duplicates;
  stats.failed = problemCount;
  const summary: ImportSummary = {
    ...buildSummary(stats, {
      status: problemCount > 0 ? "partial" : "completed",
      dryRun: true,
      now: Date.now(),
      journal: undefined,
      report: report.count > 0 ? run.reportPath : undefined,
      plan,
    }),
    valid: counts.toSend + counts.alreadyDone,
    toSend: counts.toSend,
    preview: samples.map((row) => ({ line: row.line, body: row.body })),
  };
  // Rows a real run would not send are counted once: as to send, skipped or failed.
  summary.notSent = 0;
  if (run.options.json) terminal.stdout.write(`${JSON.stringify(summary)}\n`);
  for (const line of formatSummary(summary)) say(line);
  return problemCount > 0 ? ExitCode.usage : ExitCode.ok;
}

/** The real run: the rows that need sending, through the SDK with the import's limiter, then the summary. */
async function sendRows(run: {
  source: RecordSource;
  shared: DecisionContext;
  plan: ImportPlan;
  pace: Pace;
  concurrency: number;
  maxRetries: number;
  journal: Journal | undefined;
  journalPath: string | undefined;
  report: FailureReport;
  options: ImportOptions;
  globals: GlobalOptions;
  terminal: Terminal;
  c: ReturnType<typeof colorsFor>;
}): Promise<number> {
  const { terminal, journal, report, c } = run;
  const stats = newStats(run.plan.rows, Date.now());
  let progress: Progress = plainLog(terminal.stderr);
  const stop = new AbortController();
  const abandon = new AbortController();
  const limiter = new RateLimiter({
    ratePerMinute: run.pace.ratePerMinute,
    configured: run.pace.ratePerMinute !== undefined,
    stop: stop.signal,
    onLearn: (limit) =>
      progress.log(
        `Dub allows this key ${limit.toLocaleString("en-US")} requests a minute; pacing just under that.`,
      ),
  });
  let client: Awaited<ReturnType<typeof openApiClient>> | undefined;
  try {
    client = await openApiClient(run.globals, terminal, {
      limiter,
      retries: { strategy: "backoff", maxRetries: run.maxRetries },
    });
  } catch (error) {
    await journal?.close();
    throw error;
  }
  // Every request in flight listens on `abandon`, every limiter wait on `stop`; that is expected, not a leak.
  setMaxListeners(0, abandon.signal, stop.signal);
  const onSignal = () => {
    if (!stop.signal.aborted) {
      stop.abort();
      progress.log(`${c.yellow("Stopping")}: finishing requests in flight (Ctrl-C again to abandon them).`);
    } else {
      abandon.abort();
    }
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  progress = startProgress(stats, terminal.stderr, {
    tty: terminal.stderr.isTTY === true,
    intervalMs: Number(terminal.env.DUBKIT_PROGRESS_INTERVAL_MS) || 5000,
    pauseEndsAt: () => limiter.pauseEndsAt,
  });
  const dub = client.dub;
  let fatal: unknown;
  try {
    ({ fatal } = await runImport({
      rows: decisions(run.source, run.shared),
      send: (body, signal) =>
        dub.transport.request(importCreateOperation, body as { email: string }, { signal }),
      stats,
      concurrency: run.concurrency,
      ...(journal ? { journal } : {}),
      report,
      stop: stop.signal,
      abandon: abandon.signal,
    }));
  } catch (error) {
    fatal = error;
  } finally {
    // The limiter sees every attempt and answer, so it counts retries and 429s (no hooks on the hot path): the
    // attempts beyond each sent row's first one.
    stats.retries = Math.max(0, limiter.attempts - (stats.dispatched - stats.heldBack));
    stats.rateLimited = limiter.rateLimited;
    progress.stop();
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    await report.close();
    // Rows were counted only once durable; what close() flushes is `sent` notes, so a failure here
    // costs at most a resend and must not hide the summary.
    await journal?.close().catch(() => undefined);
    await client.close();
  }
  return finish({
    stats,
    fatal,
    stopped: stop.signal.aborted,
    plan: run.plan,
    journalPath: run.journalPath,
    report,
    options: run.options,
    terminal,
  });
}

/** Prints the summary of a real run and picks the exit code. */
function finish(run: {
  stats: ImportStats;
  fatal: unknown;
  stopped: boolean;
  plan: ImportPlan;
  journalPath: string | undefined;
  report: FailureReport;
  options: ImportOptions;
  terminal: Terminal;
}): number {
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
    status,
    dryRun: false,
    now: Date.now(),
    journal: run.journalPath,
    report: run.report.count > 0 ? run.report.path : undefined,
    plan: run.plan,
    ...(error ? { error: { message: error.message, hint: error.hint } } : {}),
  });
  if (run.options.json) terminal.stdout.write(`${JSON.stringify(summary)}\n`);
  for (const line of formatSummary(summary)) terminal.stderr.write(`${line}\n`);
  if (interrupted) return ExitCode.interrupted;
  if (fatal !== undefined) return exitCodeFor(fatal);
  return stats.failed === 0 ? ExitCode.ok : ExitCode.failure;
}
