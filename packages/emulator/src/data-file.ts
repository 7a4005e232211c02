// Opens the emulator's data file: refuses paths that are not regular files, takes the file's lock, checks that the
// file is the emulator's own, cuts a torn last line (and nothing else), and writes the header into a new or empty
// file. Whatever it refuses, it leaves untouched.
import {
  closeSync,
  constants,
  fdatasyncSync,
  fstatSync,
  fsyncSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  type Stats,
  statSync,
  writeSync,
} from "node:fs";
import { dirname } from "node:path";
import { DataFileLock } from "./data-file-lock.js";
import { fsReason } from "./fs-error.js";
import { Journal, type JournalOptions } from "./journal.js";
import { HEADER_LINE } from "./journal-line.js";
import { readJournal } from "./journal-reader.js";
import type { StoreEvent } from "./records.js";

/** An open data file, its lock, and what it held. */
export interface OpenedDataFile {
  journal: Journal;
  /** Release it after closing the journal. */
  lock: DataFileLock;
  changes: StoreEvent[][];
  /** Bytes of a torn last line that were cut off (0 when the file was clean). */
  cutBytes: number;
}

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return "a directory";
  if (stats.isFIFO()) return "a FIFO (named pipe)";
  if (stats.isSocket()) return "a socket";
  if (stats.isCharacterDevice()) return "a character device";
  if (stats.isBlockDevice()) return "a block device";
  return "not a regular file";
}

/** Throws unless `file` is missing or a regular file; true when it exists. */
function checkPath(file: string): boolean {
  let stats: Stats;
  try {
    stats = statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return false;
    if (code === "ENOTDIR")
      throw new Error(`Data file ${file}: a part of that path is a file, not a directory.`);
    throw new Error(`Cannot open data file ${file} (${fsReason(error)}).`);
  }
  if (stats.isFile()) return true;
  throw new Error(
    `Data file ${file} is ${kindOf(stats)}; the emulator keeps its state in a regular file. Pass the path of a ` +
      `new or existing data file${stats.isDirectory() ? `, e.g. ${file.replace(/\/+$/, "")}/emulator.log` : ""}.`,
  );
}

/** Opens the file for reading and writing; owner-only when created, because the file keeps the API key. */
function openFile(file: string): number {
  try {
    return openSync(file, constants.O_RDWR | constants.O_CREAT, 0o600);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const advice =
      code === "EACCES" || code === "EPERM"
        ? " Check its permissions (it must be readable and writable)."
        : "";
    throw new Error(`Cannot open data file ${file} for reading and writing (${fsReason(error)}).${advice}`);
  }
}

/** Makes a new file's directory entry durable; some platforms cannot open directories, which is fine. */
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

/** Reads the file, cuts a torn tail and writes a missing header; returns the changes and the good length. */
function prepare(fd: number, file: string, log: (line: string) => void) {
  const stats = fstatSync(fd);
  if (!stats.isFile()) throw new Error(`Data file ${file} is ${kindOf(stats)}, not a regular file.`);
  let contents: ReturnType<typeof readJournal>;
  try {
    contents = readJournal(fd, file, stats.size);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code) {
      throw new Error(`Cannot read data file ${file} (${fsReason(error)}).`);
    }
    throw error;
  }
  try {
    if (contents.uninitialised) {
      // Empty, or only the start of a header a crash cut off: safe to (re)write, nothing else is in it.
      ftruncateSync(fd, 0);
      let written = 0;
      while (written < HEADER_LINE.length) written += writeSync(fd, HEADER_LINE, written, undefined, written);
      fdatasyncSync(fd);
      return { changes: [], goodBytes: HEADER_LINE.length, cutBytes: 0 };
    }
    const cutBytes = contents.totalBytes - contents.goodBytes;
    if (cutBytes > 0) {
      ftruncateSync(fd, contents.goodBytes);
      fdatasyncSync(fd);
      log(`data file ${file}: dropped a torn last write (${cutBytes} bytes) left by a crash`);
    }
    return { changes: contents.changes, goodBytes: contents.goodBytes, cutBytes };
  } catch (error) {
    throw new Error(`Cannot write data file ${file} (${fsReason(error)}).`);
  }
}

/** Opens (or creates) `file` for one emulator; throws an Error naming the file when it cannot or must not. */
export async function openDataFile(file: string, options: JournalOptions): Promise<OpenedDataFile> {
  const existed = checkPath(file);
  if (!existed) {
    try {
      mkdirSync(dirname(file), { recursive: true });
    } catch (error) {
      throw new Error(`Cannot create the folder of data file ${file} (${fsReason(error)}).`);
    }
  }
  const lock = await DataFileLock.acquire(file);
  let fd: number | undefined;
  try {
    fd = openFile(file);
    const { changes, goodBytes, cutBytes } = prepare(fd, file, options.log);
    if (!existed) syncDirectory(dirname(file));
    return { journal: new Journal(file, fd, goodBytes, options), lock, changes, cutBytes };
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    lock.release();
    throw error;
  }
}
