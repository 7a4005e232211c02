// One run at a time per journal: two runs appending to one journal would each send the other's rows. The lock is
// a file beside the journal (`<journal>.lock`) created exclusively with the holder's pid; a lock whose process is
// gone (kill -9, a crash) is taken over. Released when the run ends, and on process exit.

import { mkdirSync, readFileSync, rmdirSync, unlinkSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { CliError } from "../cli-error.js";
import { ExitCode } from "../exit-codes.js";

interface Holder {
  pid: number;
  hostname: string;
  startedAt: string;
}

function readHolder(path: string): Holder | undefined | "unreadable" {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    return "unreadable";
  }
  try {
    const holder = JSON.parse(text) as Holder;
    return Number.isInteger(holder.pid) && typeof holder.hostname === "string" ? holder : "unreadable";
  } catch {
    // A holder killed between creating and writing the file leaves it empty.
    return "unreadable";
  }
}

/** Locks this process holds, by path: a lock with this process's pid and not among them was left by an earlier one. */
const held = new Set<string>();

/** Whether the holder may still run; one on another host cannot be checked, so it counts as running. */
function alive(holder: Holder, path: string): boolean {
  if (holder.hostname !== hostname()) return true;
  if (holder.pid === process.pid) return held.has(path);
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Removes the stale lock, under a guard directory so that two runs taking over at once cannot remove each other's
 * fresh lock: only the one holding the guard removes it, and only if it is still the stale one.
 */
function removeStale(path: string, stale: string): void {
  const guard = `${path}.takeover`;
  try {
    mkdirSync(guard);
  } catch {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
    return;
  }
  try {
    if (JSON.stringify(readHolder(path)) === stale) unlinkSync(path);
  } catch {
    // Removed meanwhile.
  } finally {
    rmdirSync(guard);
  }
}

/** A held journal lock. */
export class JournalLock {
  private released = false;
  private readonly onExit = () => this.release();

  private constructor(readonly path: string) {
    held.add(path);
    process.on("exit", this.onExit);
  }

  /** Takes the lock of `journal`, or throws naming the run (`noun`: "import", …) that holds it. */
  static acquire(journal: string, noun: string): JournalLock {
    const path = `${journal}.lock`;
    const content = JSON.stringify({
      pid: process.pid,
      hostname: hostname(),
      startedAt: new Date().toISOString(),
    });
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        writeFileSync(path, content, { flag: "wx", mode: 0o600 });
        return new JournalLock(path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") {
          throw new CliError(
            `Cannot lock the journal ${journal}: ${(error as Error).message}`,
            ExitCode.usage,
          );
        }
      }
      const holder = readHolder(path);
      if (holder === undefined) continue;
      if (holder !== "unreadable" && alive(holder, path)) {
        throw new CliError(
          `Another ${noun} is using the journal ${journal} (process ${holder.pid}${holder.hostname === hostname() ? "" : ` on ${holder.hostname}`}, since ${holder.startedAt}).`,
          ExitCode.usage,
          {
            code: "journal_locked",
            hint: `Wait for it to finish, or stop it. If no ${noun} is running, delete ${path}.`,
          },
        );
      }
      if (holder === "unreadable" && attempt < 4) {
        // Possibly a holder between creating and writing its lock: look again before calling it stale.
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
        if (readHolder(path) !== "unreadable") continue;
      }
      removeStale(path, JSON.stringify(holder));
    }
    throw new CliError(
      `Cannot lock the journal ${journal}: the lock kept changing hands. Try again.`,
      ExitCode.usage,
    );
  }

  /** Removes the lock; safe to call twice. */
  release(): void {
    if (this.released) return;
    this.released = true;
    held.delete(this.path);
    process.off("exit", this.onExit);
    try {
      unlinkSync(this.path);
    } catch {
      // Already gone.
    }
  }
}
