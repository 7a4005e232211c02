// The pacing and stopping of one bulk run: the limiter every request of the run goes through (a listing the run
// walks first included), the Ctrl-C signals (the first stops taking rows, the second abandons requests in flight),
// and the progress display the limiter's notices print above.

import { setMaxListeners } from "node:events";
import { type ApiClient, openApiClient } from "../api-client.js";
import type { GlobalOptions } from "../global-options.js";
import { colorsFor, type Terminal } from "../terminal.js";
import type { ImportStats } from "./import-stats.js";
import { type Progress, plainLog, startProgress } from "./progress.js";
import { RateLimiter } from "./rate-limiter.js";
import type { Pace } from "./rate-option.js";

/** One run's limiter, signals and progress. */
export class BulkSession {
  /** Aborted by the first Ctrl-C (or SIGTERM): no new rows are taken. */
  readonly stop = new AbortController();
  /** Aborted by the second: requests in flight are abandoned. */
  readonly abandon = new AbortController();
  readonly limiter: RateLimiter;
  private progress: Progress;
  /** Requests the limiter had paced when sending began (a listing walked first). */
  private before = 0;
  private readonly onSignal = () => {
    if (!this.stop.signal.aborted) {
      this.stop.abort();
      const c = colorsFor(this.globals.color, this.terminal.env, this.terminal.stderr);
      this.progress.log(
        `${c.yellow("Stopping")}: finishing requests in flight (Ctrl-C again to abandon them).`,
      );
    } else {
      this.abandon.abort();
    }
  };

  constructor(
    pace: Pace,
    private readonly globals: GlobalOptions,
    private readonly terminal: Terminal,
  ) {
    this.progress = plainLog(terminal.stderr);
    this.limiter = new RateLimiter({
      ratePerMinute: pace.ratePerMinute,
      configured: pace.ratePerMinute !== undefined,
      stop: this.stop.signal,
      onLearn: (limit) =>
        this.progress.log(
          `Dub allows this key ${limit.toLocaleString("en-US")} requests a minute; pacing just under that.`,
        ),
    });
    // Every request in flight listens on `abandon`, every limiter wait on `stop`; that is expected, not a leak.
    setMaxListeners(0, this.abandon.signal, this.stop.signal);
  }

  /** Opens the API client whose every request (retries included, `maxRetries` of them) the limiter paces. */
  openClient(maxRetries: number): Promise<ApiClient> {
    return openApiClient(this.globals, this.terminal, {
      limiter: this.limiter,
      retries: { strategy: "backoff", maxRetries },
    });
  }

  /** Shows progress for `stats` and takes Ctrl-C over, until {@link BulkSession.end}. */
  begin(stats: ImportStats): void {
    this.before = this.limiter.attempts;
    process.on("SIGINT", this.onSignal);
    process.on("SIGTERM", this.onSignal);
    this.progress = startProgress(stats, this.terminal.stderr, {
      tty: this.terminal.stderr.isTTY === true,
      intervalMs: Number(this.terminal.env.DUBKIT_PROGRESS_INTERVAL_MS) || 5000,
      pauseEndsAt: () => this.limiter.pauseEndsAt,
    });
  }

  /**
   * Stops the progress and gives Ctrl-C back; the counters get the retries and 429s the limiter saw. `lookups`:
   * requests the job made besides each row's own (finding a partner by tenantId), which are not retries.
   */
  end(stats: ImportStats, lookups = 0): void {
    // The limiter sees every attempt and answer, so it counts retries and 429s (no hooks on the hot path): the
    // attempts beyond each sent row's first one.
    const attempts = this.limiter.attempts - this.before - lookups;
    stats.retries = Math.max(0, attempts - (stats.dispatched - stats.heldBack));
    stats.rateLimited = this.limiter.rateLimited;
    this.progress.stop();
    process.off("SIGINT", this.onSignal);
    process.off("SIGTERM", this.onSignal);
  }
}
