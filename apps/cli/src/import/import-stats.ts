// The counters of one import run, shared by the runner, the progress display and the summary. Every row read ends
// in exactly one bucket, so the buckets add up to the rows: in flight until it settles, then created, already
// enrolled, failed, skipped, unknown (sent, never answered) or not sent (the run stopped first).

/** Counts of what happened to the rows of one run. */
export interface ImportStats {
  /** Rows in the input, from the plan. */
  total: number | undefined;
  /** Rows taken up by this run so far. */
  read: number;
  /** New enrollments. */
  created: number;
  /** The API returned this row's partner, enrolled before. */
  alreadyEnrolled: number;
  /** Rows that failed for any reason (includes `invalid`, `duplicates`, `conflicts`). */
  failed: number;
  /** Of `failed`: rows that failed validation before anything was sent. */
  invalid: number;
  /** Of `failed`: rows repeating an earlier row's email or tenantId. */
  duplicates: number;
  /** Of `failed`: rows whose tenantId belongs to another partner (the API returned that partner, or 409). */
  conflicts: number;
  /** Rows finished by an earlier run, according to the journal. */
  skipped: number;
  /** Rows sent whose answer never came (abandoned); the next run sends them again. */
  unknown: number;
  /** Rows not sent because the run stopped first. */
  notSent: number;
  /** Rows sent and not settled yet. */
  inFlight: number;
  /** Rows handed to the SDK to send (whatever came of them). */
  dispatched: number;
  /** Of `notSent`: rows handed to the SDK that the limiter then held back because the run was stopping. */
  heldBack: number;
  /** Requests answered 429 (each retried after the server's wait). */
  rateLimited: number;
  /** Retried requests of any cause. */
  retries: number;
  /** When the run started (epoch ms). */
  startedAt: number;
}

/** Fresh counters. */
export function newStats(total: number | undefined, startedAt: number): ImportStats {
  return {
    total,
    read: 0,
    created: 0,
    alreadyEnrolled: 0,
    failed: 0,
    invalid: 0,
    duplicates: 0,
    conflicts: 0,
    skipped: 0,
    unknown: 0,
    notSent: 0,
    inFlight: 0,
    dispatched: 0,
    heldBack: 0,
    rateLimited: 0,
    retries: 0,
    startedAt,
  };
}

/** Rows that are finished one way or another. */
export function processed(stats: ImportStats): number {
  return stats.created + stats.alreadyEnrolled + stats.failed + stats.skipped + stats.unknown + stats.notSent;
}
