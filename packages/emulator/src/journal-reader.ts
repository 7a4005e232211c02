// Reads a data file back: checks the header, every line's checksum and every change's shape, finds a torn last
// line, and says what a file that is not the emulator's own looks like. It reads in chunks, so a file larger than
// the biggest string V8 can hold still replays.
import { readSync } from "node:fs";
import { decodeLine, HEADER, HEADER_LINE } from "./journal-line.js";
import type { StoreEvent } from "./records.js";
import { changeProblem } from "./stored-change.js";

/** What a data file holds. */
export interface JournalContents {
  /** No header yet: the file is empty, or holds only the start of a header whose writing a crash cut off. */
  uninitialised: boolean;
  changes: StoreEvent[][];
  /** Bytes up to the end of the last good line, the header included (0 when uninitialised). */
  goodBytes: number;
  /** Bytes read. */
  totalBytes: number;
}

const CHUNK_BYTES = 1 << 20;

interface Line {
  /** The line without its newline; only valid until the next line is read. */
  bytes: Buffer;
  /** Offset of its first byte in the file. */
  start: number;
  /** False for a last line with no newline. */
  terminated: boolean;
}

/** The file's lines, read from `fd` up to `length` bytes. */
function* linesOf(fd: number, length: number): Generator<Line> {
  const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  let carry = Buffer.alloc(0);
  let carryStart = 0;
  let position = 0;
  while (position < length) {
    const read = readSync(fd, chunk, 0, Math.min(CHUNK_BYTES, length - position), position);
    if (read === 0) break;
    position += read;
    const data = carry.length > 0 ? Buffer.concat([carry, chunk.subarray(0, read)]) : chunk.subarray(0, read);
    let lineStart = 0;
    for (let newline = data.indexOf(0x0a); newline !== -1; newline = data.indexOf(0x0a, lineStart)) {
      yield { bytes: data.subarray(lineStart, newline), start: carryStart + lineStart, terminated: true };
      lineStart = newline + 1;
    }
    // Copied: `chunk` is reused by the next read.
    carry = Buffer.from(data.subarray(lineStart));
    carryStart += lineStart;
  }
  if (carry.length > 0) yield { bytes: carry, start: carryStart, terminated: false };
}

/** Reads and checks the first `length` bytes of the data file open as `fd`; throws when it cannot be trusted. */
export function readJournal(fd: number, file: string, length: number): JournalContents {
  const changes: StoreEvent[][] = [];
  let goodBytes = 0;
  let lineNumber = 0;
  for (const line of linesOf(fd, length)) {
    lineNumber += 1;
    const end = line.start + line.bytes.length + (line.terminated ? 1 : 0);
    let decoded: { value: unknown } | undefined;
    try {
      decoded = line.terminated ? decodeLine(line.bytes) : undefined;
    } catch {
      throw damaged(file, lineNumber, "its checksum matches but it is not JSON");
    }
    if (lineNumber === 1) {
      if (decoded === undefined && !line.terminated && isTornHeader(line.bytes)) {
        return { uninitialised: true, changes, goodBytes: 0, totalBytes: length };
      }
      checkHeader(file, line.bytes, decoded);
    } else if (decoded === undefined) {
      // Only the last line can be torn by a crash; anything else was changed after it was written.
      if (end >= length) break;
      throw damaged(
        file,
        lineNumber,
        "its checksum does not match (the line was changed after it was written)",
      );
    } else {
      const problem = changeProblem(decoded.value);
      if (problem) throw damaged(file, lineNumber, problem);
      changes.push(decoded.value as StoreEvent[]);
    }
    goodBytes = end;
  }
  return { uninitialised: lineNumber === 0, changes, goodBytes, totalBytes: length };
}

function damaged(file: string, lineNumber: number, what: string): Error {
  return new Error(
    `Data file ${file} is damaged at line ${lineNumber}: ${what}. The emulator refuses to start on it and left it ` +
      "untouched; restore it from a copy, or move it away to start empty.",
  );
}

/** The start of the header line as a crash may leave it: a prefix of it, with pages that never reached the disk as NULs. */
function isTornHeader(bytes: Buffer): boolean {
  if (bytes.length >= HEADER_LINE.length) return false;
  return bytes.every((byte, index) => byte === HEADER_LINE[index] || byte === 0);
}

/** Throws unless the first line is a valid header of the version this emulator writes. */
function checkHeader(file: string, firstLine: Buffer, decoded: { value: unknown } | undefined): void {
  const header = decoded?.value as { format?: unknown; version?: unknown } | undefined;
  if (header?.format === HEADER.format) {
    if (header.version === HEADER.version) return;
    throw new Error(
      `Data file ${file} was written by another version of the emulator (data format ${String(header.version)}; ` +
        `this one reads ${HEADER.version}). It was left untouched: open it with that version, or point the ` +
        "emulator at a new file.",
    );
  }
  throw new Error(
    `Data file ${file} is not a dubkit-emulator data file: its first line ${lookOf(firstLine, decoded !== undefined)}. The emulator only ` +
      "opens files it wrote (or empty ones) and left this one untouched; point --data (dataFile) at a new or " +
      "empty file.",
  );
}

/** Says what a foreign first line looks like, without echoing it (it may be a token file). */
function lookOf(line: Buffer, checksumMatches: boolean): string {
  if (line.length === 0) return "is blank";
  if (line.every((byte) => byte === 0)) return "holds only NUL bytes";
  if (checksumMatches) return "is an emulator record but not the header (the start of the file is missing)";
  if (/^[0-9a-f]{8} /.test(line.toString("latin1", 0, 9))) {
    return "has the emulator's layout but a bad checksum (a damaged header)";
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(line.subarray(0, 4096), { stream: true });
  } catch {
    return "is binary data";
  }
  if (text.includes("\u0000")) return "is binary data";
  const start = text.trimStart();
  if (start.startsWith("{") || start.startsWith("[")) return "is JSON (a token or configuration file?)";
  if (/^(export\s+)?[A-Za-z_][A-Za-z0-9_.-]*\s*=/.test(start))
    return "is a KEY=VALUE line (an .env or configuration file?)";
  return "is text that is not the emulator's header";
}
