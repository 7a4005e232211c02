// Keeps a long bulk run's memory near what it really holds. A run's live heap is small and flat (about 25 MB on a
// million rows), but V8 lets the old generation grow between major collections, and that swing, not the rows, is
// what took a million-row import to 172 MB. While a run lasts, a timer looks at the process's resident size every
// quarter second and, above the limit, asks V8 for a full collection, then waits until the process has grown 8 MB
// more before asking again. Measured (BENCHMARKS.md, "Import memory"): a million rows peak at 154 MB, and the CPU per
// row did not move in an interleaved comparison with the guard off.
//
// V8's heap limits cannot be lowered from inside a running process; exposing `gc` can. The flag is set once, for
// this process only, and `gc` is fetched from a fresh context, as V8 installs it there once the flag is on.

import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/** Above this resident size a full collection is asked for. */
export const MEMORY_LIMIT_BYTES = 125 * 1024 * 1024;

/** How much the process must grow after a collection before the next one. */
const REGROWTH_BYTES = 8 * 1024 * 1024;

let collect: (() => void) | undefined;

/** V8's full collection, exposed for this process on first use; undefined where the runtime does not allow it. */
function fullCollection(): (() => void) | undefined {
  if (collect) return collect;
  try {
    setFlagsFromString("--expose-gc");
    const gc: unknown = runInNewContext("typeof gc === 'function' ? gc : undefined");
    if (typeof gc === "function") collect = gc as () => void;
  } catch {
    // Not V8, or flags are locked: the run goes on without the guard.
  }
  return collect;
}

/** A running guard. */
export interface MemoryGuard {
  /** Full collections it asked for so far. */
  readonly collections: number;
  stop(): void;
}

/** Starts watching the resident size; `stop()` ends it (the timer never keeps the process alive). */
export function startMemoryGuard(limitBytes = MEMORY_LIMIT_BYTES, everyMs = 250): MemoryGuard {
  const gc = fullCollection();
  let collections = 0;
  // What a collection left: the next one waits until the process has grown again, so a live set that keeps the
  // resident size over the limit does not get a collection every tick.
  let floor = 0;
  const timer =
    gc === undefined
      ? undefined
      : setInterval(() => {
          const rss = process.memoryUsage.rss();
          if (rss > limitBytes && rss > floor + REGROWTH_BYTES) {
            gc();
            collections++;
            floor = process.memoryUsage.rss();
          }
        }, everyMs);
  timer?.unref();
  return {
    get collections() {
      return collections;
    },
    stop: () => clearInterval(timer),
  };
}
