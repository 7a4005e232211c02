// The counters of one import run, shared by the runner, the progress display and the summary.

/** Counts of what happened to the rows of one run. */
export interface ImportStats {
  /** Rows read so far (valid or not). */
  read: number;
  /** An estimate of the total row count, when the input is a file. */
  total: number | undefined;
  /** New enrollments. */
  created: number;
  /** The API returned an enrollment that already existed. */
  alreadyEnrolled: number;
  /** Rows that failed: invalid input or an API error (includes `invalid`). */
  failed: number;
  /** Of `failed`, rows that failed validation before anything was sent. */
  invalid: number;
  /** Rows finished by an earlier run, according to the journal. */
  skipped: number;
  /** Rows sent but not answered when the run stopped; the next run sends them again. */
  unknown: number;
  /** Requests answered 429 (each one was retried after a pause). */
  rateLimited: number;
  /** Retried requests of any cause. */
  retries: number;
  /** When the run started (epoch ms). */
  startedAt: number;
}

/** Fresh counters. */
export function newStats(total: number | undefined, startedAt: number): ImportStats {
  return {
    read: 0,
    total,
    created: 0,
    alreadyEnrolled: 0,
    failed: 0,
    invalid: 0,
    skipped: 0,
    unknown: 0,
    rateLimited: 0,
    retries: 0,
    startedAt,
  };
}

/** Rows that are finished one way or another. */
export function processed(stats: ImportStats): number {
  return stats.created + stats.alreadyEnrolled + stats.failed + stats.skipped;
}
