// Import progress on stderr: a cli-progress bar on a terminal, a plain line every few seconds
// otherwise (logs, CI), both fed from the same counters.

import cliProgress from "cli-progress";
import { type ImportStats, processed } from "./import-stats.js";

/** The figures both renderers show. */
export interface ProgressFigures {
  done: number;
  failed: number;
  /** Rows left, when the total is known. */
  remaining: number | undefined;
  /** Rows per second finished by this run. */
  rate: number;
  /** Seconds to go at the current rate, when it can be estimated. */
  etaSeconds: number | undefined;
}

/** Computes the figures from the counters at time `now`. */
export function progressFigures(stats: ImportStats, now: number): ProgressFigures {
  const finished = processed(stats);
  const elapsed = Math.max(0.001, (now - stats.startedAt) / 1000);
  const rate = (finished - stats.skipped) / elapsed;
  const total = stats.total === undefined ? undefined : Math.max(stats.total, stats.read);
  const remaining = total === undefined ? undefined : Math.max(0, total - finished);
  const etaSeconds = remaining !== undefined && rate > 0 ? Math.ceil(remaining / rate) : undefined;
  return {
    done: stats.created + stats.alreadyEnrolled + stats.skipped,
    failed: stats.failed,
    remaining,
    rate,
    etaSeconds,
  };
}

/** `1h02m`, `3m05s`, `42s`. */
export function formatDuration(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds)) return "?";
  const s = Math.max(0, Math.round(seconds));
  if (s >= 3600) return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, "0")}m`;
  if (s >= 60) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, "0")}s`;
  return `${s}s`;
}

/** One plain progress line, as written on a non-terminal. */
export function progressLine(stats: ImportStats, now: number): string {
  const f = progressFigures(stats, now);
  const of = stats.total === undefined ? "" : `/${Math.max(stats.total, stats.read)}`;
  const remaining = f.remaining === undefined ? "" : `, ${f.remaining} remaining`;
  return `progress: ${processed(stats)}${of} rows (${f.done} done, ${f.failed} failed${remaining}), ${f.rate.toFixed(1)} rows/s, ETA ${formatDuration(f.etaSeconds)}`;
}

/** A running progress display. */
export interface Progress {
  /** Stops it, leaving the last state visible. */
  stop(): void;
}

/** Starts the progress display for `stats` on `stream`. */
export function startProgress(
  stats: ImportStats,
  stream: NodeJS.WriteStream,
  options: { tty: boolean; intervalMs: number },
): Progress {
  if (!options.tty) {
    const timer = setInterval(() => stream.write(`${progressLine(stats, Date.now())}\n`), options.intervalMs);
    timer.unref();
    return { stop: () => clearInterval(timer) };
  }
  const known = stats.total !== undefined;
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: known
        ? "{bar} {percentage}% | {done} done, {failed} failed, {remaining} left | {rowRate} rows/s | ETA {eta_text}"
        : "{value} rows | {done} done, {failed} failed | {rowRate} rows/s",
      barsize: 30,
      hideCursor: true,
      clearOnComplete: false,
      fps: 10,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  const payload = () => {
    const f = progressFigures(stats, Date.now());
    return {
      done: f.done,
      failed: f.failed,
      remaining: f.remaining ?? "?",
      rowRate: f.rate.toFixed(1),
      eta_text: formatDuration(f.etaSeconds),
    };
  };
  bar.start(known ? Math.max(stats.total ?? 0, 1) : 0, 0, payload());
  const timer = setInterval(() => {
    if (known) bar.setTotal(Math.max(stats.total ?? 0, stats.read, 1));
    bar.update(processed(stats), payload());
  }, 100);
  timer.unref();
  return {
    stop: () => {
      clearInterval(timer);
      if (known) bar.setTotal(Math.max(stats.total ?? 0, stats.read, 1));
      bar.update(processed(stats), payload());
      bar.stop();
    },
  };
}
