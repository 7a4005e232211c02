// Durable state as an append-only log (line format in journal-line.ts): a change is acknowledged only once it is
// written and fdatasync'd, and changes that arrive during a write share the next one (group commit), which keeps
// thousands of creates per second possible. A failed write changes nothing: the file is cut back to its last
// durable byte, the store reloads its state from that file, and every request that saw a lost change gets an error.
import { closeSync, fdatasync, fdatasyncSync, ftruncateSync, write } from "node:fs";
import { fsReason } from "./fs-error.js";
import { encodeLine } from "./journal-line.js";
import { readJournal } from "./journal-reader.js";
import type { StoreEvent } from "./records.js";

/** Writes all of `data` at `position` of `fd`. */
export type WriteAt = (fd: number, data: Buffer, position: number) => Promise<void>;

/** How a journal reports and does its I/O. */
export interface JournalOptions {
  /** Receives one line per failed write (and per write refused afterwards). */
  log: (line: string) => void;
  /** The write; tests wrap it to fail the way a full disk does (the disk is not what they test). */
  writeAt?: WriteAt;
  /** Cuts the file back after a failed write; tests replace it to fail. */
  truncate?: (fd: number, length: number) => void;
}

const writeAll: WriteAt = (fd, data, position) =>
  new Promise((resolve, reject) => {
    const step = (done: number) => {
      if (done >= data.length) return resolve();
      write(fd, data, done, data.length - done, position + done, (error, written) =>
        error ? reject(error) : step(done + written),
      );
    };
    step(0);
  });

const datasync = (fd: number) =>
  new Promise<void>((resolve, reject) => fdatasync(fd, (error) => (error ? reject(error) : resolve())));

interface Waiter {
  /** Settles once every change up to this sequence number is durable or rolled back. */
  seq: number;
  resolve: () => void;
  reject: (error: Error) => void;
}

/** An open data file accepting appends; made by `openDataFile`. */
export class Journal {
  readonly #fd: number;
  readonly #log: (line: string) => void;
  readonly #writeAt: WriteAt;
  readonly #truncate: (fd: number, length: number) => void;
  /** Bytes of the file known durable: where the next write goes, and what a failed one is cut back to. */
  #durableBytes: number;
  #pending: string[] = [];
  /** Sequence number of the last change appended (applied in memory). */
  #appended = 0;
  /** Every change up to this sequence number is durable or was rolled back. */
  #settled = 0;
  #waiters: Waiter[] = [];
  #flushing = false;
  #closed = false;
  /** Set when the file could not be cut back after a failed write: every later write is refused. */
  #outOfService: Error | undefined;
  /** Set when the state could not be reloaded either: reads are refused too. */
  #stateLost: Error | undefined;
  #onRollback: (changes: StoreEvent[][]) => void = () => {};

  constructor(
    readonly file: string,
    fd: number,
    durableBytes: number,
    options: JournalOptions,
  ) {
    this.#fd = fd;
    this.#durableBytes = durableBytes;
    this.#log = options.log;
    this.#writeAt = options.writeAt ?? writeAll;
    this.#truncate = options.truncate ?? ftruncateSync;
  }

  /** Registers who rebuilds the in-memory state from the file's changes after a failed write. */
  onRollback(handler: (changes: StoreEvent[][]) => void): void {
    this.#onRollback = handler;
  }

  /** Why an append would be refused now (closed, or out of service), or undefined. */
  get refusal(): Error | undefined {
    if (this.#closed) return new Error(`The emulator's data file ${this.file} is closed.`);
    return this.#outOfService;
  }

  /** Appends one change; settles when it (and everything before it) is on disk, rejects when it was rolled back. */
  append(change: StoreEvent[]): Promise<void> {
    const refusal = this.refusal;
    if (refusal) {
      if (this.#outOfService) this.#log(`data file ${this.file}: write refused: ${refusal.message}`);
      return Promise.reject(refusal);
    }
    this.#pending.push(encodeLine(change));
    this.#appended += 1;
    return this.#waitFor(this.#appended);
  }

  /** Settles when everything appended so far is on disk; rejects when some of it was rolled back. */
  synced(): Promise<void> {
    if (this.#stateLost) return Promise.reject(this.#stateLost);
    return this.#waitFor(this.#appended);
  }

  #waitFor(seq: number): Promise<void> {
    if (seq <= this.#settled) return Promise.resolve();
    const settled = new Promise<void>((resolve, reject) => this.#waiters.push({ seq, resolve, reject }));
    if (!this.#flushing) void this.#flush();
    return settled;
  }

  async #flush(): Promise<void> {
    this.#flushing = true;
    while (this.#pending.length > 0) {
      const data = Buffer.from(this.#pending.join(""));
      const upTo = this.#appended;
      this.#pending = [];
      try {
        await this.#writeAt(this.#fd, data, this.#durableBytes);
        await datasync(this.#fd);
      } catch (error) {
        this.#rollBack(error);
        break;
      }
      this.#durableBytes += data.length;
      this.#settled = upTo;
      // Waiters are in sequence order: every append and every `synced()` waits for the latest number.
      const done = this.#waiters.findIndex((waiter) => waiter.seq > upTo);
      const resolved = done === -1 ? this.#waiters : this.#waiters.slice(0, done);
      this.#waiters = done === -1 ? [] : this.#waiters.slice(done);
      for (const waiter of resolved) waiter.resolve();
    }
    this.#flushing = false;
  }

  /**
   * Undoes every change not yet durable, synchronously so no request runs in between: cuts the file back to its
   * last durable byte, reloads the state from it, and fails every waiting request (each may have seen a lost change).
   */
  #rollBack(error: unknown): void {
    const lost = this.#appended - this.#settled;
    const reason = fsReason(error);
    let cutBack: unknown;
    try {
      this.#truncate(this.#fd, this.#durableBytes);
      fdatasyncSync(this.#fd);
    } catch (truncateError) {
      cutBack = truncateError;
      this.#outOfService = new Error(
        `writing failed (${reason}) and the file could not be cut back to its last durable line ` +
          `(${fsReason(truncateError)}), so the emulator accepts no more writes; restart it once the disk is fixed`,
      );
    }
    try {
      this.#onRollback(readJournal(this.#fd, this.file, this.#durableBytes).changes);
    } catch (readError) {
      this.#stateLost = new Error(
        `writing failed (${reason}) and the state could not be reloaded from the file (${fsReason(readError)}), ` +
          "so the emulator answers no more requests that read or write it; restart it once the disk is fixed",
      );
      this.#outOfService ??= this.#stateLost;
    }
    this.#pending = [];
    this.#settled = this.#appended;
    const failure = new Error(`data file write failed (${reason}); the change was not applied`);
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const waiter of waiters) waiter.reject(failure);
    this.#log(
      cutBack === undefined && !this.#stateLost
        ? `data file ${this.file}: write failed (${reason}); ${lost} change(s) not applied: the file was cut back ` +
            "to its last durable line and the state reloaded from it; their requests get a 500"
        : `data file ${this.file}: ${this.#outOfService?.message}${this.#stateLost ? "; reads fail too" : ""}`,
    );
  }

  /** Flushes what is pending and closes the file. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    try {
      await this.#waitFor(this.#appended);
    } catch {
      // Those changes were rolled back and their requests told; the file holds what was acknowledged.
    }
    closeSync(this.#fd);
  }
}
