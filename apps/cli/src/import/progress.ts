// Progress of an import (or any bulk run) on stderr: a cli-progress bar on a terminal, a plain line every few seconds
// otherwise (logs, CI), both fed from the same counters. Messages go through `log`, which on a terminal prints them
// above the bar (the bar library's own MultiBar.log), so the bar never draws over a warning or the Ctrl-C notice.

import cliProgress from "cli-progress";
import { doneCount, type ImportStats, processed } from "./import-stats.js";

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
  /** Seconds left of a rate-limit wait, when one is running. */
  waitSeconds: number | undefined;
}

/** Computes the figures from the counters at time `now`; `pauseEndsAt` is the limiter's (0 when none). */
export function progressFigures(stats: ImportStats, now: number, pauseEndsAt = 0): ProgressFigures {
  const finished = processed(stats);
  const elapsed = Math.max(0.001, (now - stats.startedAt) / 1000);
  const rate = (finished - stats.skipped) / elapsed;
  const total = stats.total === undefined ? undefined : Math.max(stats.total, stats.read);
  const remaining = total === undefined ? undefined : Math.max(0, total - finished);
  const etaSeconds = remaining !== undefined && rate > 0 ? Math.ceil(remaining / rate) : undefined;
  return {
    done: doneCount(stats) + stats.skipped,
    failed: stats.failed,
    remaining,
    rate,
    etaSeconds,
    waitSeconds: pauseEndsAt > now ? Math.ceil((pauseEndsAt - now) / 1000) : undefined,
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

/** The ETA slot: the time to go, or the rate-limit wait while one runs (so a pause never looks like a hang). */
function etaText(f: ProgressFigures): string {
  if (f.waitSeconds !== undefined) return `rate limited by Dub, resuming in ${formatDuration(f.waitSeconds)}`;
  return `ETA ${formatDuration(f.etaSeconds)}`;
}

/** One plain progress line, as written on a non-terminal. */
export function progressLine(stats: ImportStats, now: number, pauseEndsAt = 0): string {
  const f = progressFigures(stats, now, pauseEndsAt);
  const of = stats.total === undefined ? "" : `/${Math.max(stats.total, stats.read)}`;
  const remaining = f.remaining === undefined ? "" : `, ${f.remaining} remaining`;
  return `progress: ${processed(stats)}${of} rows (${f.done} done, ${f.failed} failed${remaining}), ${f.rate.toFixed(1)} rows/s, ${etaText(f)}`;
}

/** A running progress display. */
export interface Progress {
  /** Prints a message line (no newline needed) without disturbing the display. */
  log(line: string): void;
  /** Stops it, leaving the last state visible; later `log`s print plainly. */
  stop(): void;
}

/** Plain messages, for when no progress runs. */
export function plainLog(stream: NodeJS.WritableStream): Progress {
  return { log: (line) => void stream.write(`${line}\n`), stop: () => undefined };
}

/** Starts the progress display for `stats` on `stream`; `pauseEndsAt` reads the limiter's pause. */
export function startProgress(
  stats: ImportStats,
  stream: NodeJS.WriteStream,
  options: { tty: boolean; intervalMs: number; pauseEndsAt: () => number },
): Progress {
  if (!options.tty) {
    const timer = setInterval(
      () => stream.write(`${progressLine(stats, Date.now(), options.pauseEndsAt())}\n`),
      options.intervalMs,
    );
    timer.unref();
    return { log: (line) => void stream.write(`${line}\n`), stop: () => clearInterval(timer) };
  }
  const known = stats.total !== undefined;
  const bars = new cliProgress.MultiBar(
    {
      stream,
      format: known
        ? "{bar} {percentage}% | {done} done, {failed} failed, {remaining} left | {rowRate} rows/s | {eta_text}"
        : "{value} rows | {done} done, {failed} failed | {rowRate} rows/s | {eta_text}",
      barsize: 30,
      hideCursor: true,
      clearOnComplete: false,
      gracefulExit: false,
      fps: 10,
    },
    cliProgress.Presets.shades_classic,
  );
  const payload = () => {
    const f = progressFigures(stats, Date.now(), options.pauseEndsAt());
    return {
      done: f.done,
      failed: f.failed,
      remaining: f.remaining ?? "?",
      rowRate: f.rate.toFixed(1),
      eta_text: etaText(f),
    };
  };
  const total = () => Math.max(stats.total ?? 0, stats.read, 1);
  const bar = bars.create(known ? total() : 0, 0, payload());
  const refresh = () => {
    if (known) bar.setTotal(total());
    bar.update(processed(stats), payload());
  };
  const timer = setInterval(refresh, 100);
  timer.unref();
  let stopped = false;
  return {
    log: (line) => {
      if (stopped) stream.write(`${line}\n`);
      else bars.log(`${line}\n`);
    },
    stop: () => {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      refresh();
      // MultiBar prints its log buffer on a redraw only; one more redraw flushes it before the final state.
      bars.update();
      bars.stop();
    },
  };
}
