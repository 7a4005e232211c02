// The journal of a bulk run: an append-only JSON Lines file that makes `partners import` (and every bulk command)
// resumable. Each row is keyed by its identity (for the import, the normalised email), never by its line, and each
// record carries the hash of the content it was recorded for, so editing, inserting, reordering or fixing rows
// between runs sends exactly the rows that need it. The header names the command whose journal it is.
// `sent` is written before the request, `done`/`failed` after; a record counts once its line is on disk (fsync,
// group-committed). A crash can tear only the last line, which is cut off when the journal is reopened.

import { createReadStream, fdatasync, write } from "node:fs";
import { type FileHandle, open, rm } from "node:fs/promises";
import { createInterface } from "node:readline";
import { CliError } from "../cli-error.js";
import { ExitCode } from "../exit-codes.js";
import { grown, HashIndex } from "./hash-index.js";
import { JournalLock } from "./journal-lock.js";
import { keyHash } from "./row-identity.js";

/** How a row ended, as its command labels it (the import: `created`, or `existing` for an enrollment found). */
export type RowOutcome = string;

/** Whose journal a file is, and the outcomes its rows may end with. */
export interface JournalKind {
  /** The header's `dubkit` value. */
  name: string;
  /** What one run of the command is called in messages ("import"). */
  noun: string;
  /** The command, for messages. */
  command: string;
  /** The outcomes a finished row may record (`o`); the first is the default of a record without one. */
  outcomes: readonly RowOutcome[];
}

/** The journal of `partners import` (its header predates the other kinds, so it stays as it was). */
export const IMPORT_JOURNAL: JournalKind = {
  name: "import-journal",
  noun: "import",
  command: "dubkit partners import",
  outcomes: ["created", "existing"],
};

/** The journal of `partners links upsert FILE`. */
export const LINKS_UPSERT_JOURNAL: JournalKind = {
  name: "links-upsert-journal",
  noun: "links upsert",
  command: "dubkit partners links upsert FILE",
  outcomes: ["created", "updated", "unchanged"],
};

/** The journal of `partners applications approve --all-pending|--file`. */
export const APPROVE_JOURNAL: JournalKind = {
  name: "approve-journal",
  noun: "bulk approval",
  command: "dubkit partners applications approve --all-pending|--file",
  outcomes: ["approved", "existing"],
};

/** Every kind, so a journal of one command given to another is named as such. */
const KINDS = new Map(
  [IMPORT_JOURNAL, LINKS_UPSERT_JOURNAL, APPROVE_JOURNAL].map((kind) => [kind.name, kind] as const),
);

/** A failure as recorded, so a later run reports it with the same status and reason. */
export interface RecordedFailure {
  error: string;
  status?: number;
  field?: string;
}

/** What the journal says about a row (its key and content) from earlier runs. */
export type PriorState =
  /** Nothing recorded, or only a retryable failure: send it. `sentAt` is the earliest unanswered send. */
  | { state: "new"; sentAt: number | undefined }
  /** Finished with this very content: skip it. */
  | { state: "done"; outcome: RowOutcome }
  /** Finished, but with other content (the row was edited): send it; what it made exists already. */
  | { state: "changed"; outcome: RowOutcome }
  /** Refused for this very content in an earlier run: report it again, do not send it. */
  | { state: "failed"; failure: RecordedFailure };

const VERSION = 2;

// Row states, one byte per key; a finished row is DONE plus the index of its outcome.
const SENT = 1;
const FAILED = 2;
const RETRYABLE = 3;
const DONE = 8;

/** One journal line. */
interface Entry {
  k: string;
  h: string;
  s: "sent" | "done" | "failed";
  t?: number;
  o?: string;
  id?: string;
  e?: string;
  c?: number;
  f?: string;
  r?: boolean;
}

/** What earlier runs recorded, by key; a few bytes per key. */
export class ResumeSet {
  private readonly index = new HashIndex();
  private readonly outcomes: readonly RowOutcome[];
  private states = new Uint8Array(1024);
  private hashes = new Uint32Array(1024);
  /** The earliest unanswered send, in whole seconds (the created/existing test allows a second anyway). */
  private sentAt = new Uint32Array(1024);
  private readonly failures = new Map<number, RecordedFailure>();
  /** Keys whose last record is a finished row. */
  finished = 0;

  /** `outcomes`: the labels a finished row may record, as the journal's kind lists them. */
  constructor(outcomes: readonly RowOutcome[]) {
    this.outcomes = outcomes;
  }

  /** Records one journal entry; later entries for a key override earlier ones. */
  apply(entry: Entry): void {
    const id = this.index.add(keyHash(entry.k));
    this.ensure(id);
    const hash = Number.parseInt(entry.h, 16) >>> 0;
    const before = this.states[id] as number;
    const wasFinished = before >= DONE || before === FAILED;
    let state = before;
    if (entry.s === "sent") {
      // Sending again what is finished for this content never happens; a `sent` only starts a row anew.
      if (!wasFinished || this.hashes[id] !== hash) {
        state = SENT;
        if (!(this.sentAt[id] as number) && entry.t) this.sentAt[id] = Math.floor(entry.t / 1000);
      }
    } else if (entry.s === "done") {
      state = DONE + Math.max(0, entry.o === undefined ? 0 : this.outcomes.indexOf(entry.o));
      this.sentAt[id] = 0;
      this.failures.delete(id);
    } else if (entry.s === "failed") {
      state = entry.r ? RETRYABLE : FAILED;
      if (entry.r) this.failures.delete(id);
      else {
        this.sentAt[id] = 0;
        this.failures.set(id, {
          error: entry.e ?? "failed",
          ...(entry.c === undefined ? {} : { status: entry.c }),
          ...(entry.f === undefined ? {} : { field: entry.f }),
        });
      }
    }
    const isFinished = state >= DONE || state === FAILED;
    this.finished += (isFinished ? 1 : 0) - (wasFinished ? 1 : 0);
    this.states[id] = state;
    this.hashes[id] = hash;
  }

  /** What earlier runs say about the row with `key` and content `hash`. */
  get(key: string, hash: string): PriorState {
    const id = this.index.get(keyHash(key));
    if (id === -1) return { state: "new", sentAt: undefined };
    const state = this.states[id] as number;
    const same = this.hashes[id] === Number.parseInt(hash, 16) >>> 0;
    if (state >= DONE) {
      const outcome = this.outcomes[state - DONE] as RowOutcome;
      return same ? { state: "done", outcome } : { state: "changed", outcome };
    }
    if (state === FAILED && same)
      return { state: "failed", failure: this.failures.get(id) as RecordedFailure };
    const sentAt = this.sentAt[id] as number;
    return { state: "new", sentAt: sentAt > 0 ? sentAt * 1000 : undefined };
  }

  private ensure(id: number): void {
    if (id < this.states.length) return;
    const size = this.states.length * 2;
    this.states = grown(this.states, size);
    this.hashes = grown(this.hashes, size);
    this.sentAt = grown(this.sentAt, size);
  }
}

function isEntry(value: unknown): value is Entry {
  if (typeof value !== "object" || value === null) return false;
  const entry = value as Record<string, unknown>;
  return typeof entry.k === "string" && typeof entry.h === "string" && typeof entry.s === "string";
}

/** Throws unless `header` is the first line of a journal of `kind` in the current format. */
function checkHeader(
  header: { dubkit?: unknown; v?: unknown } | null,
  path: string,
  kind: JournalKind,
): void {
  const other = typeof header?.dubkit === "string" ? KINDS.get(header.dubkit) : undefined;
  if (other === undefined) {
    const what = kind === IMPORT_JOURNAL ? "an import journal" : `a journal of \`${kind.command}\``;
    throw new CliError(`${path} is not ${what}.`, ExitCode.usage, {
      code: "journal",
      hint: "Pass another --journal path, or move that file away.",
    });
  }
  if (other !== kind) {
    throw new CliError(
      `${path} is the journal of \`${other.command}\`, not of \`${kind.command}\`.`,
      ExitCode.usage,
      { code: "journal", hint: "Pass another --journal path, or move that file away." },
    );
  }
  if (header?.v !== VERSION) {
    throw new CliError(
      `${path} is a journal of an older dubkit (it recorded rows by line number, which an edited file breaks).`,
      ExitCode.usage,
      {
        code: "journal",
        hint: "Move it away and run again: rows it finished are sent once more and Dub answers them with the existing partner.",
      },
    );
  }
}

async function readResumeSet(path: string, kind: JournalKind): Promise<ResumeSet> {
  const set = new ResumeSet(kind.outcomes);
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Number.POSITIVE_INFINITY });
  let first = true;
  for await (const text of lines) {
    if (text === "") continue;
    let entry: unknown;
    try {
      entry = JSON.parse(text);
    } catch {
      // Only a torn write can leave a broken line; that row is simply sent again.
      continue;
    }
    if (first) {
      first = false;
      checkHeader(entry as { dubkit?: unknown; v?: unknown } | null, path, kind);
      continue;
    }
    if (isEntry(entry)) set.apply(entry);
  }
  return set;
}

/**
 * What the journal of `kind` at `path` records, read without locking or writing it (for a dry run); none when it
 * is missing.
 */
export async function readResume(path: string, kind: JournalKind): Promise<ResumeSet | undefined> {
  try {
    return await readResumeSet(path, kind);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
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

/** Told once a record is on disk, or with the error that kept it off. */
export type Settled = (error?: unknown) => void;

/** How long records wait to be written together: a row's request slot never waits for the disk, so this costs nothing. */
const COMMIT_INTERVAL_MS = 20;

function writeAll(fd: number, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const bytes = Buffer.from(text);
    const next = (offset: number) =>
      write(fd, bytes, offset, bytes.length - offset, null, (error, written) => {
        if (error) reject(error);
        else if (offset + written < bytes.length) next(offset + written);
        else resolve();
      });
    next(0);
  });
}

function datasync(fd: number): Promise<void> {
  return new Promise((resolve, reject) => fdatasync(fd, (error) => (error ? reject(error) : resolve())));
}

/** The open journal of one bulk run; holds the journal's lock until closed. */
export class Journal {
  private pending: string[] = [];
  private waiters: Settled[] = [];
  private flushing: Promise<void> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private failure: unknown;

  private constructor(
    private readonly handle: FileHandle,
    private readonly lock: JournalLock,
    /** What earlier runs left in this journal. */
    readonly resume: ResumeSet,
    /** The journal's path. */
    readonly path: string,
    /** Whether this run created the file (so a run that stops before sending can take it away again). */
    readonly created: boolean,
  ) {}

  /** Locks and opens (creating if needed) the journal of `kind` at `path`, and reads what earlier runs recorded. */
  static async open(path: string, kind: JournalKind): Promise<Journal> {
    const lock = JournalLock.acquire(path, kind.noun);
    let handle: FileHandle | undefined;
    try {
      handle = await open(path, "a+", 0o600);
      const size = await truncateTornTail(handle);
      const resume = size === 0 ? new ResumeSet(kind.outcomes) : await readResumeSet(path, kind);
      const journal = new Journal(handle, lock, resume, path, size === 0);
      if (size === 0) {
        journal.append(`${JSON.stringify({ dubkit: kind.name, v: VERSION })}\n`, undefined);
        await journal.durable();
      }
      return journal;
    } catch (error) {
      await handle?.close();
      lock.release();
      throw error;
    }
  }

  /** Notes that a row's request is about to be sent. Not waited for: losing it only means a resend. */
  sent(key: string, hash: string, at: number): void {
    this.append(`{"k":${JSON.stringify(key)},"h":"${hash}","s":"sent","t":${at}}\n`, undefined);
  }

  /** Records a finished row; `settled` is called once the record is on disk (with the error, if it cannot be). */
  done(key: string, hash: string, outcome: RowOutcome, id: string | undefined, settled?: Settled): void {
    const partner = id === undefined ? "" : `,"id":${JSON.stringify(id)}`;
    this.append(
      `{"k":${JSON.stringify(key)},"h":"${hash}","s":"done","o":"${outcome}"${partner}}\n`,
      settled,
    );
  }

  /**
   * Records a failed row; `settled` is called once it is on disk. A `retryable` failure (rate limit, server or
   * network error after the retries, a tenantId conflict that depends on the program's state) is sent again by the
   * next run; a permanent one (the row's own content) is reported again with the same status and reason.
   */
  failed(key: string, hash: string, failure: RecordedFailure, retryable: boolean, settled?: Settled): void {
    const entry: Entry = { k: key, h: hash, s: "failed", e: failure.error };
    if (failure.status !== undefined) entry.c = failure.status;
    if (failure.field !== undefined) entry.f = failure.field;
    if (retryable) entry.r = true;
    this.append(`${JSON.stringify(entry)}\n`, settled);
  }

  /** Resolves once everything recorded so far is on disk. */
  durable(): Promise<void> {
    return new Promise((resolve, reject) => this.append("", (error) => (error ? reject(error) : resolve())));
  }

  /** Closes a journal nothing was recorded in, removing the file when this run created it. */
  async discard(): Promise<void> {
    await this.close();
    if (this.created) await rm(this.path, { force: true });
  }

  /** Writes everything pending, closes the file and releases the lock. */
  async close(): Promise<void> {
    try {
      clearTimeout(this.timer);
      this.timer = undefined;
      await this.flushing;
      if (this.pending.length > 0 || this.waiters.length > 0) await this.flush();
    } finally {
      await this.handle.close();
      this.lock.release();
    }
  }

  // Callbacks rather than a promise per record: a million rows would make a million promises that outlive the
  // young generation while they wait for the group commit.
  private append(text: string, settled: Settled | undefined): void {
    if (this.failure) {
      settled?.(this.failure);
      return;
    }
    if (text !== "") this.pending.push(text);
    if (settled) this.waiters.push(settled);
    this.schedule();
  }

  private schedule(): void {
    if (this.timer || this.flushing) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, COMMIT_INTERVAL_MS);
  }

  // Group commit: whatever accumulated during the interval goes out in one write + fdatasync, so rows share the
  // cost while each is acknowledged only once durable.
  private flush(): Promise<void> {
    const batch = this.pending.join("");
    const waiters = this.waiters;
    this.pending = [];
    this.waiters = [];
    this.flushing = (async () => {
      try {
        if (batch !== "") {
          await writeAll(this.handle.fd, batch);
          await datasync(this.handle.fd);
        }
        for (const settled of waiters) settled();
      } catch (error) {
        this.failure = error;
        for (const settled of [...waiters, ...this.waiters]) settled(error);
        this.waiters = [];
      } finally {
        this.flushing = undefined;
        if (this.pending.length > 0 && !this.failure) this.schedule();
      }
    })();
    return this.flushing;
  }
}
