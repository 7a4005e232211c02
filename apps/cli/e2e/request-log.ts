// Counts the requests an emulator served, from its log (one `METHOD /path STATUS …` line each), so a test can tell
// what a run sent: nothing on a re-run, one approval per applicant.

/** A log sink for `startEmulator({ log })`, and the counts read from it. */
export interface RequestLog {
  log: (line: string) => void;
  /** Requests served for `method path`, with `status` when given (e.g. 200). */
  count(method: string, path: string, status?: number): number;
  /** Forgets what was logged so far. */
  clear(): void;
}

export function requestLog(): RequestLog {
  let lines: string[] = [];
  return {
    log: (line) => {
      lines.push(line);
    },
    count: (method, path, status) => {
      const prefix = `${method} ${path} ${status ?? ""}`;
      return lines.filter((line) =>
        status === undefined ? line.startsWith(`${method} ${path} `) : line.startsWith(prefix),
      ).length;
    },
    clear: () => {
      lines = [];
    },
  };
}
