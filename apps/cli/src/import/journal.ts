// The import journal: an append-only JSON Lines file that makes `partners import` resumable.
// Each row is keyed by its line number and a hash of its content; `sent` is written before the
// request, `done`/`failed` after, and a row counts as finished only once its line is on disk
// (fsync). A crash can tear only the last line, which is cut off when the journal is reopened.

import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { type FileHandle, open } from "node:fs/promises";
import { createInterface } from "node:readline";

/** How a row ended: a new enrollment, or the API returned one that already existed. */
export type RowOutcome = "created" | "existing";

/** What the journal says about a row from earlier runs. */
export type PriorState =
  | { state: "done"; outcome: RowOutcome }
  | { state: "failed"; error: string }
  | { state: "unknown"; sentAt: number };

const HEADER = `${JSON.stringify({ dubkit: "import-journal", v: 1 })}\n`;

// Row states, packed one byte per line so a million-row journal resumes in a few megabytes.
const NONE = 0;
const SENT = 1;
const CREATED = 2;
const EXISTING = 3;
const FAILED = 4;
const RETRYABLE = 5;

/** A short content hash of a row, so an edited row is not mistaken for the one that was journalled. */
export function rowHash(input: unknown): string {
  return createHash("sha1").update(JSON.stringify(input)).digest("hex").slice(0, 8);
}

/** What earlier runs finished, indexed by line number. */
export class ResumeSet {
  private states = new Uint8Array(1024);
  private hashes = new Uint32Array(1024);
  private readonly errors = new Map<number, string>();
  private readonly sentAt = new Map<number, number>();

  /** Records one journal entry; later entries for a line override earlier ones. */
  apply(entry: { l: number; h: string; s: string; o?: string; e?: string; r?: boolean; t?: number }): void {
    const { l: line } = entry;
    if (!Number.isInteger(line) || line < 1) return;
    this.ensure(line);
    this.hashes[line] = Number.parseInt(entry.h, 16) >>> 0;
    this.errors.delete(line);
    this.sentAt.delete(line);
    if (entry.s === "sent") {
      // A retry of an already finished row (e.g. a retryable failure) must not hide its result.
      if (this.states[line] === NONE || this.states[line] === RETRYABLE) {
        this.states[line] = SENT;
        this.sentAt.set(line, entry.t ?? 0);
      }
    } else if (entry.s === "done") {
      this.states[line] = entry.o === "existing" ? EXISTING : CREATED;
    } else if (entry.s === "failed") {
      this.states[line] = entry.r ? RETRYABLE : FAILED;
      if (!entry.r) this.errors.set(line, entry.e ?? "failed");
    }
  }

  /** The earlier state of `line`, if the journal has one for this exact content. */
  get(line: number, hash: string): PriorState | undefined {
    if (line >= this.states.length) return undefined;
    const state = this.states[line];
    if (state === NONE || this.hashes[line] !== Number.parseInt(hash, 16) >>> 0) return undefined;
    if (state === CREATED) return { state: "done", outcome: "created" };
    if (state === EXISTING) return { state: "done", outcome: "existing" };
    if (state === FAILED) return { state: "failed", error: this.errors.get(line) ?? "failed" };
    if (state === SENT) return { state: "unknown", sentAt: this.sentAt.get(line) ?? 0 };
    return undefined;
  }

  private ensure(line: number): void {
    if (line < this.states.length) return;
    let size = this.states.length;
    while (size <= line) size *= 2;
    const states = new Uint8Array(size);
    states.set(this.states);
    const hashes = new Uint32Array(size);
    hashes.set(this.hashes);
    this.states = states;
    this.hashes = hashes;
  }
}

async function readResumeSet(path: string): Promise<ResumeSet> {
  const set = new ResumeSet();
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Number.POSITIVE_INFINITY });
  for await (const text of lines) {
    if (text === "") continue;
    let entry: unknown;
    try {
      entry = JSON.parse(text);
    } catch {
      // Only a torn write can leave a broken line; that row is simply sent again.
      continue;
    }
    if (typeof entry === "object" && entry !== null && "l" in entry && "h" in entry && "s" in entry) {
      set.apply(entry as Parameters<ResumeSet["apply"]>[0]);
    }
  }
  return set;
}

/** Cuts a torn last line off, so the next append starts on a line of its own. */
async function truncateTornTail(handle: FileHandle): Promise<number> {
  const { size } = await handle.stat();
  if (size === 0) return 0;
  const chunk = Buffer.alloc(Math.min(size, 64 * 1024));
  let end = size;
  while (end > 0) {
    const start = Math.max(0, end - chunk.length);
    const { bytesRead } = await handle.read(chunk, 0, end - start, start);
    const newline = chunk.subarray(0, bytesRead).lastIndexOf(0x0a);
    if (newline !== -1) {
      const keep = start + newline + 1;
      if (keep !== size) await handle.truncate(keep);
      return keep;
    }
    end = start;
  }
  await handle.truncate(0);
  return 0;
}

/** The open journal of one import run. */
export class Journal {
  private pending: string[] = [];
  private waiters: Array<{ resolve: () => void; reject: (error: unknown) => void }> = [];
  private flushing: Promise<void> | undefined;
  private failure: unknown;

  private constructor(
    private readonly handle: FileHandle,
    /** What earlier runs left in this journal. */
    readonly resume: ResumeSet,
    /** The journal's path. */
    readonly path: string,
  ) {}

  /** Opens (creating if needed) the journal at `path` and reads what earlier runs finished. */
  static async open(path: string): Promise<Journal> {
    const handle = await open(path, "a+", 0o600);
    try {
      const size = await truncateTornTail(handle);
      const resume = size === 0 ? new ResumeSet() : await readResumeSet(path);
      const journal = new Journal(handle, resume, path);
      if (size === 0) await journal.append(HEADER, true);
      return journal;
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  /** Notes that a row's request is about to be sent. Not waited for: losing it only means a resend. */
  sent(line: number, hash: string, at: number): void {
    void this.append(`${JSON.stringify({ l: line, h: hash, s: "sent", t: at })}\n`, false);
  }

  /** Records a finished row; resolves once the record is on disk. */
  done(line: number, hash: string, outcome: RowOutcome, id: string | undefined): Promise<void> {
    return this.append(`${JSON.stringify({ l: line, h: hash, s: "done", o: outcome, id })}\n`, true);
  }

  /**
   * Records a failed row; resolves once it is on disk. A `retryable` failure (rate limit, server or
   * network error after the retries) is sent again by the next run; a permanent one is not.
   */
  failed(line: number, hash: string, error: string, retryable: boolean): Promise<void> {
    const entry = retryable
      ? { l: line, h: hash, s: "failed", e: error, r: true }
      : { l: line, h: hash, s: "failed", e: error };
    return this.append(`${JSON.stringify(entry)}\n`, true);
  }

  /** Writes everything pending and closes the file. */
  async close(): Promise<void> {
    try {
      if (this.pending.length > 0 || this.flushing) await this.append("", true);
    } finally {
      await this.handle.close();
    }
  }

  private append(text: string, wait: boolean): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (text !== "") this.pending.push(text);
    const durable = wait
      ? new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }))
      : Promise.resolve();
    this.flushing ??= this.flushLoop();
    return durable;
  }

  // Group commit: whatever accumulated while the previous fsync ran goes out in one write + fsync,
  // so concurrent completions share the cost while each is acknowledged only once durable.
  private async flushLoop(): Promise<void> {
    let waiters: typeof this.waiters = [];
    try {
      while (this.pending.length > 0 || this.waiters.length > 0) {
        const batch = this.pending.join("");
        waiters = this.waiters;
        this.pending = [];
        this.waiters = [];
        if (batch !== "") {
          await this.handle.write(batch);
          await this.handle.datasync();
        }
        for (const waiter of waiters) waiter.resolve();
        waiters = [];
      }
    } catch (error) {
      this.failure = error;
      for (const waiter of [...waiters, ...this.waiters]) waiter.reject(error);
      this.waiters = [];
    } finally {
      this.flushing = undefined;
    }
  }
}
