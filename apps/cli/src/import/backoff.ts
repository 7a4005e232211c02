// The import's own wait before resending a row: from 500 ms doubling to at most 8 s, jittered to 80–100%.
// (It goes away when the import hands its retries to the SDK's transport through the limiter hook.)

/** The wait before retry number `retry` (1-based), capped at `max`, jittered by `random`. */
export function backoffDelay(
  retry: number,
  initial = 500,
  max = 8000,
  random: () => number = Math.random,
): number {
  const base = Math.min(max, initial * 2 ** (retry - 1));
  return Math.round(base * (0.8 + 0.2 * random()));
}
