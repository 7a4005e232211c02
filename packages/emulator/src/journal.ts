// Durable state as an append-only log: one line per committed change, `<crc32 hex> <json>\n`, fdatasync'd before
// the change is acknowledged. Concurrent commits share one write + sync (group commit), which keeps thousands of
// creates per second possible. On open, a torn last line (no newline or a bad checksum: the process died mid-write)
// is cut off; damage anywhere before the last line stops the start with an error naming the line.
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, truncateSync, writeSync } from "node:fs";
import { type FileHandle, open } from "node:fs/promises";
import { dirname } from "node:path";
import { crc32 } from "node:zlib";
import type { StoreEvent } from "./records.js";

const HEADER = { format: "dubkit-emulator", version: 1 };

/** What opening a data file found. */
export interface JournalReplay {
  changes: StoreEvent[][];
  /** Bytes of a torn last line that were cut off (0 when the file was clean). */
  truncatedBytes: number;
}

function encodeLine(value: unknown): string {
  const json = JSON.stringify(value);
  return `${crc32(json).toString(16).padStart(8, "0")} ${json}\n`;
}

function decodeLine(line: string): unknown | undefined {
  const json = line.slice(9);
  if (line[8] !== " " || crc32(json).toString(16).padStart(8, "0") !== line.slice(0, 8)) return undefined;
  try {
    return JSON.parse(json);
  } catch {
    return undefined;
  }
}

/** Reads and verifies the file, cutting a torn tail; creates it (with a header line) when missing. */
export function replayJournal(file: string): JournalReplay {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    text = "";
  }
  const changes: StoreEvent[][] = [];
  let offset = 0;
  let lineNumber = 0;
  let sawHeader = false;
  while (offset < text.length) {
    lineNumber += 1;
    const end = text.indexOf("\n", offset);
    const line = end === -1 ? undefined : text.slice(offset, end);
    const value = line === undefined ? undefined : decodeLine(line);
    if (value === undefined) {
      const isLast = end === -1 || end === text.length - 1;
      if (!isLast) {
        throw new Error(
          `Data file ${file} is damaged at line ${lineNumber} (bad checksum before the end of the file); refusing to start. Move the file away to start empty.`,
        );
      }
      break;
    }
    if (!sawHeader) {
      const header = value as typeof HEADER;
      if (header.format !== HEADER.format || header.version !== HEADER.version) {
        throw new Error(`${file} is not a dubkit-emulator data file (version ${HEADER.version}).`);
      }
      sawHeader = true;
    } else {
      changes.push(value as StoreEvent[]);
    }
    offset = end + 1;
  }
  const validBytes = Buffer.byteLength(text.slice(0, offset), "utf8");
  const totalBytes = Buffer.byteLength(text, "utf8");
  if (validBytes < totalBytes) truncateSync(file, validBytes);
  if (!sawHeader) {
    // No valid line at all: a new file, or one whose only line (the header) was torn. Owner-only, because the
    // file keeps the generated API key.
    mkdirSync(dirname(file), { recursive: true });
    const fd = openSync(file, "w", 0o600);
    try {
      const header = Buffer.from(encodeLine(HEADER));
      let written = 0;
      while (written < header.length) written += writeSync(fd, header, written, header.length - written);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    syncDirectory(dirname(file));
  }
  return { changes, truncatedBytes: totalBytes - validBytes };
}

/** Makes a newly created file's directory entry durable; some platforms cannot open directories, which is fine. */
function syncDirectory(directory: string): void {
  try {
    const fd = openSync(directory, "r");
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Directory fsync is unsupported on some platforms (Windows); the file data itself was synced.
  }
}

/** An open journal accepting appends. */
export class Journal {
  #pending: string[] = [];
  #waiters: Array<{ resolve: () => void; reject: (error: unknown) => void }> = [];
  #flushing: Promise<void> | undefined;
  #closed = false;

  private constructor(private readonly handle: FileHandle) {}

  /** Opens `file` for appending; call `replayJournal` first. */
  static async open(file: string): Promise<Journal> {
    return new Journal(await open(file, "a"));
  }

  /** Appends one change; settles when it (and everything before it) is on disk. */
  append(change: StoreEvent[]): Promise<void> {
    if (this.#closed) return Promise.reject(new Error("The emulator's data file is closed."));
    this.#pending.push(encodeLine(change));
    return this.synced();
  }

  /** Settles when everything appended so far is on disk. */
  synced(): Promise<void> {
    if (this.#pending.length === 0 && !this.#flushing) return Promise.resolve();
    const promise = new Promise<void>((resolve, reject) => this.#waiters.push({ resolve, reject }));
    this.#schedule();
    return promise;
  }

  #schedule(): void {
    if (this.#flushing) return;
    this.#flushing = this.#flush().finally(() => {
      this.#flushing = undefined;
      if (this.#waiters.length > 0) this.#schedule();
    });
  }

  async #flush(): Promise<void> {
    const lines = this.#pending;
    const waiters = this.#waiters;
    this.#pending = [];
    this.#waiters = [];
    try {
      if (lines.length > 0) {
        await this.handle.appendFile(lines.join(""));
        await this.handle.datasync();
      }
      for (const waiter of waiters) waiter.resolve();
    } catch (error) {
      for (const waiter of waiters) waiter.reject(error);
    }
  }

  /** Flushes what is pending and closes the file. */
  async close(): Promise<void> {
    await this.synced();
    this.#closed = true;
    await this.handle.close();
  }
}
