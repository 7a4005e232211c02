// One process per data file: a lock file beside it (`<file>.lock`) naming its holder. The lock is written whole under
// a private name and hard-linked into place, which is atomic and fails when a lock exists, so no one ever reads half
// a lock. A lock whose process is gone (same host, pid not running, or the pid now belongs to a younger process) is
// taken over under a short-lived guard directory, so two processes cannot both take over the same stale lock.
import { randomUUID } from "node:crypto";
import {
  closeSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmdirSync,
  statSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import { hostname } from "node:os";
import { fsReason } from "./fs-error.js";

/** Who holds a data file, as its lock file says. */
export interface LockHolder {
  pid: number;
  hostname: string;
  /** When the holder took the data file (ISO 8601). */
  startedAt: string;
  /** The holder's command line, with tokens and keys masked. */
  command: string;
  /** The holder's emulator URL, once it is listening. */
  url?: string;
}

interface LockContent extends LockHolder {
  /** Tells this process's lock apart from a later one with the same pid. */
  id: string;
}

/** The data file is held by another process (or by another emulator in this one). */
export class DataFileLockedError extends Error {
  constructor(
    readonly file: string,
    readonly lockFile: string,
    /** The holder, or undefined when the lock file cannot be read. */
    readonly holder: LockHolder | undefined,
  ) {
    super(lockedMessage(file, lockFile, holder));
    this.name = "DataFileLockedError";
  }
}

function lockedMessage(file: string, lockFile: string, holder: LockHolder | undefined): string {
  if (!holder) {
    return (
      `Data file ${file} is locked by ${lockFile}, which cannot be read. If no emulator is using the data file, ` +
      "delete the lock file and start again."
    );
  }
  const who =
    holder.pid === process.pid && holder.hostname === hostname()
      ? `another emulator in this process (pid ${holder.pid})`
      : `process ${holder.pid}${holder.hostname === hostname() ? "" : ` on host ${holder.hostname}`}`;
  return (
    `Data file ${file} is in use by ${who}, since ${holder.startedAt}: \`${holder.command}\`` +
    `${holder.url ? `, serving ${holder.url}` : ""}. Only one emulator at a time may own a data file: stop that ` +
    `one or use another file. If that process is not an emulator any more, delete ${lockFile}.`
  );
}

const MASKED_FLAGS = new Set(["--token", "--api-key"]);

/** This process's command line, with secrets masked: a lock file and the refusal message are not secret. */
export function maskedCommand(argv: readonly string[]): string {
  const words = argv.map((word, index) => {
    if (MASKED_FLAGS.has(argv[index - 1] ?? "")) return "***";
    const flag = /^(--[a-z-]+)=/.exec(word)?.[1];
    if (flag && MASKED_FLAGS.has(flag)) return `${flag}=***`;
    return word.replace(/dub_[A-Za-z0-9_-]+/g, "dub_***");
  });
  const command = words.join(" ");
  return command.length > 300 ? `${command.slice(0, 299)}…` : command;
}

/** Whether the holder can still be running; a holder on another host cannot be checked, so it counts as alive. */
function holderAlive(holder: LockContent): boolean {
  if (holder.hostname !== hostname()) return true;
  // This process knows its own locks; one with its pid but not among them was left by an earlier process.
  if (holder.pid === process.pid) return [...held].some((lock) => lock.id === holder.id);
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    // EPERM: the pid runs under another user, so it exists.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
  return !startedAfter(holder.pid, Date.parse(holder.startedAt));
}

/**
 * True when `pid` is a process that started after `time` (Linux only): the holder took the lock after it started,
 * so a younger process is a reuse of a dead holder's pid, e.g. after a reboot.
 */
function startedAfter(pid: number, time: number): boolean {
  if (process.platform !== "linux" || Number.isNaN(time)) return false;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const ticks = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19]);
    const bootSeconds = Number(/^btime (\d+)$/m.exec(readFileSync("/proc/stat", "utf8"))?.[1]);
    // Clock ticks are 100/s on every Linux that Node supports; 5 s of slack covers btime's rounding and drift.
    const started = (bootSeconds + ticks / 100) * 1000;
    return Number.isFinite(started) && started > time + 5000;
  } catch {
    return false;
  }
}

function readLock(lockFile: string): { text: string; content: LockContent | undefined } | undefined {
  let text: string;
  try {
    text = readFileSync(lockFile, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new Error(`Cannot read the lock file ${lockFile} (${fsReason(error)}).`);
  }
  try {
    const content = JSON.parse(text) as LockContent;
    const valid = Number.isInteger(content.pid) && typeof content.hostname === "string";
    return { text, content: valid ? content : undefined };
  } catch {
    return { text, content: undefined };
  }
}

/** Writes `text` to a new private file and syncs it, so it is whole before it is linked or renamed into place. */
function writePrivate(path: string, text: string): void {
  const fd = openSync(path, "wx", 0o600);
  try {
    const bytes = Buffer.from(text);
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Errors of file systems without hard links (FAT, some network shares). */
const NO_HARD_LINKS = new Set(["EPERM", "ENOTSUP", "EOPNOTSUPP", "ENOSYS"]);

/** Puts the lock in place, failing with EEXIST when one exists. */
function place(draft: string, lockFile: string, text: string): void {
  try {
    linkSync(draft, lockFile);
  } catch (error) {
    if (!NO_HARD_LINKS.has((error as NodeJS.ErrnoException).code ?? "")) throw error;
    // Exclusive create instead: still atomic, but a reader may see it before it is written (and so refuses).
    writePrivate(lockFile, text);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A takeover guard older than this was left by a process that died taking over (which takes milliseconds). */
const GUARD_STALE_MS = 10_000;

/** Removes the stale lock whose text is `staleText`, unless someone replaced it meanwhile; false when busy. */
function removeStale(lockFile: string, staleText: string): boolean {
  const guard = `${lockFile}.takeover`;
  try {
    mkdirSync(guard);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    try {
      if (Date.now() - statSync(guard).mtimeMs > GUARD_STALE_MS) rmdirSync(guard);
    } catch {
      // Gone already: the other process finished its takeover.
    }
    return false;
  }
  try {
    if (readLock(lockFile)?.text === staleText) unlinkSync(lockFile);
  } finally {
    rmdirSync(guard);
  }
  return true;
}

/** Locks held by this process, released if it exits without stopping its emulators. */
const held = new Set<DataFileLock>();
function releaseAllOnExit(): void {
  for (const lock of held) lock.release();
}

/** A held data-file lock. */
export class DataFileLock {
  readonly #lockFile: string;
  #content: LockContent;

  private constructor(lockFile: string, content: LockContent) {
    this.#lockFile = lockFile;
    this.#content = content;
    if (held.size === 0) process.on("exit", releaseAllOnExit);
    held.add(this);
  }

  /** Takes the lock of `file`; throws {@link DataFileLockedError} when a live process holds it. */
  static async acquire(file: string): Promise<DataFileLock> {
    const lockFile = `${file}.lock`;
    const content: LockContent = {
      pid: process.pid,
      hostname: hostname(),
      startedAt: new Date().toISOString(),
      command: maskedCommand(process.argv),
      id: randomUUID(),
    };
    const draft = `${lockFile}.${process.pid}.${content.id}`;
    try {
      writePrivate(draft, JSON.stringify(content));
    } catch (error) {
      throw new Error(`Cannot create the lock file beside data file ${file} (${fsReason(error)}).`);
    }
    try {
      // Bounded: each round either takes the lock, finds a live holder, or removes a stale lock (or waits for a
      // takeover in progress); only a storm of processes dying as they take the lock could use every round.
      for (let attempt = 0; attempt < 50; attempt++) {
        try {
          place(draft, lockFile, JSON.stringify(content));
          return new DataFileLock(lockFile, content);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== "EEXIST") {
            throw new Error(`Cannot create the lock file ${lockFile} (${fsReason(error)}).`);
          }
        }
        const existing = readLock(lockFile);
        if (!existing) continue;
        if (!existing.content) throw new DataFileLockedError(file, lockFile, undefined);
        if (holderAlive(existing.content)) {
          const { id: _, ...holder } = existing.content;
          throw new DataFileLockedError(file, lockFile, holder);
        }
        if (!removeStale(lockFile, existing.text)) await sleep(20);
      }
      throw new Error(`Cannot take the lock ${lockFile}: it kept changing hands. Try again.`);
    } finally {
      try {
        unlinkSync(draft);
      } catch {
        // Already gone; nothing else refers to the draft.
      }
    }
  }

  /** Adds what the holder serves (its URL) to the lock, replacing it atomically; best effort, it only informs. */
  update(fields: Pick<LockHolder, "url">): void {
    const content = { ...this.#content, ...fields };
    const draft = `${this.#lockFile}.${process.pid}.${randomUUID()}`;
    try {
      if (!this.#owned()) return;
      writePrivate(draft, JSON.stringify(content));
      renameSync(draft, this.#lockFile);
      this.#content = content;
    } catch {
      try {
        unlinkSync(draft);
      } catch {
        // Never written, or already renamed into place.
      }
    }
  }

  /** Removes the lock if it is still this one; safe to call more than once. */
  release(): void {
    if (!held.delete(this)) return;
    if (held.size === 0) process.off("exit", releaseAllOnExit);
    try {
      if (this.#owned()) unlinkSync(this.#lockFile);
    } catch {
      // Removed meanwhile, or unreadable: either way it is not ours to delete any more.
    }
  }

  /** Tells this lock apart from any other, even one with the same pid. */
  get id(): string {
    return this.#content.id;
  }

  #owned(): boolean {
    return readLock(this.#lockFile)?.content?.id === this.#content.id;
  }
}
