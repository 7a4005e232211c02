// Turns an input file's bytes into text: UTF-8 (with or without a BOM) and UTF-16 are recognised, anything else
// must be named with --encoding (decoded by iconv-lite), and bytes that are not UTF-8 stop the import at the line
// they are on, before anything is sent, instead of becoming U+FFFD in a partner's name. Workbooks are refused.

import { isUtf8 } from "node:buffer";
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { pipeline, type Readable, Transform, type TransformCallback } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import { CliError } from "../cli-error.js";
import { ExitCode } from "../exit-codes.js";

/** How a file's bytes become text. */
export interface TextEncoding {
  /** The encoding's name as iconv-lite knows it (`utf-8`, `utf-16le`, `windows-1252`, …). */
  name: string;
  /** Bytes of byte-order mark to skip. */
  bomBytes: number;
  /** How the encoding was chosen, for the plan. */
  source: "bom" | "detected" | "--encoding" | "mapping file" | "default";
}

const SNIFF_BYTES = 64 * 1024;

/** The first bytes of a file (at most 64 KB). */
export async function sniff(path: string): Promise<Buffer> {
  const handle = await open(path, "r");
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Refuses spreadsheets saved in Excel's own formats: they are zip or OLE containers, not text. */
export function refuseWorkbook(head: Buffer, file: string): void {
  const zip = head.length >= 4 && head.readUInt32BE(0) === 0x504b0304;
  const ole = head.length >= 8 && head.readUInt32BE(0) === 0xd0cf11e0 && head.readUInt32BE(4) === 0xa1b11ae1;
  if (!zip && !ole) return;
  throw new CliError(
    `${file} is ${zip ? "an Excel workbook (.xlsx) or another zip file" : "an Excel 97-2003 workbook (.xls)"}, not CSV text.`,
    ExitCode.usage,
    {
      code: "unsupported_file",
      hint: 'In Excel choose File → Save As → "CSV UTF-8 (Comma delimited) (*.csv)", then import that file.',
    },
  );
}

type Iconv = typeof import("iconv-lite");

async function loadIconv(): Promise<Iconv> {
  return (await import("iconv-lite")).default as unknown as Iconv;
}

/** UTF-16 without a BOM shows as a zero byte beside nearly every ASCII character. */
function utf16WithoutBom(head: Buffer): "utf-16le" | "utf-16be" | undefined {
  const pairs = Math.min(head.length >> 1, 512);
  if (pairs < 2) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < pairs; i++) {
    if (head[2 * i] === 0) evenZeros++;
    if (head[2 * i + 1] === 0) oddZeros++;
  }
  if (oddZeros > pairs * 0.6 && evenZeros < pairs * 0.1) return "utf-16le";
  if (evenZeros > pairs * 0.6 && oddZeros < pairs * 0.1) return "utf-16be";
  return undefined;
}

/**
 * Picks the encoding: a BOM wins (the file says what it is), then `--encoding` or the mapping file's, then UTF-16
 * told apart by its zero bytes, else UTF-8 (checked as it is read).
 */
export async function chooseEncoding(
  head: Buffer,
  requested: { name: string; source: "--encoding" | "mapping file" } | undefined,
): Promise<TextEncoding> {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf)
    return { name: "utf-8", bomBytes: 3, source: "bom" };
  if (head[0] === 0xff && head[1] === 0xfe) return { name: "utf-16le", bomBytes: 2, source: "bom" };
  if (head[0] === 0xfe && head[1] === 0xff) return { name: "utf-16be", bomBytes: 2, source: "bom" };
  if (requested) {
    const name = requested.name.trim().toLowerCase();
    const iconv = await loadIconv();
    if (!iconv.encodingExists(name)) {
      throw new CliError(
        `${requested.source} names an encoding dubkit does not know: "${requested.name}".`,
        ExitCode.usage,
        {
          field: "--encoding",
          hint: "Common ones: utf-8, windows-1252, latin1, iso-8859-15, utf-16le, macroman.",
        },
      );
    }
    return { name: name === "utf8" ? "utf-8" : name, bomBytes: 0, source: requested.source };
  }
  const utf16 = utf16WithoutBom(head);
  if (utf16) return { name: utf16, bomBytes: 0, source: "detected" };
  return { name: "utf-8", bomBytes: 0, source: "default" };
}

/** The length of the UTF-8 sequence a lead byte starts (0 for a byte that cannot lead one). */
function sequenceLength(byte: number): number {
  if (byte < 0x80) return 1;
  if (byte >= 0xc2 && byte <= 0xdf) return 2;
  if (byte >= 0xe0 && byte <= 0xef) return 3;
  if (byte >= 0xf0 && byte <= 0xf4) return 4;
  return 0;
}

/** Where the first invalid UTF-8 sequence of `bytes` starts (bytes are known to hold one). */
function firstInvalid(bytes: Buffer): number {
  let i = 0;
  while (i < bytes.length) {
    const length = sequenceLength(bytes[i] as number);
    if (length === 0) return i;
    if (length > 1 && !isUtf8(bytes.subarray(i, i + length))) return i;
    i += length;
  }
  return i;
}

/** How many bytes at the end of `bytes` are an unfinished UTF-8 sequence (to be completed by the next chunk). */
function unfinishedTail(bytes: Buffer): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back] as number;
    if ((byte & 0xc0) !== 0x80) {
      const length = sequenceLength(byte);
      return length > back ? back : 0;
    }
  }
  return 0;
}

/** A file that is not valid UTF-8, with the line and byte, and what to do. */
export function notUtf8Error(file: string, line: number, byte: number): CliError {
  return new CliError(
    `${file} is not UTF-8: line ${line} has the byte 0x${byte.toString(16).toUpperCase().padStart(2, "0")}, which UTF-8 does not allow there. The file looks like Windows-1252 or Latin-1, as Excel saves "CSV (Comma delimited)".`,
    ExitCode.usage,
    {
      code: "encoding",
      line,
      hint: 'Re-run with --encoding windows-1252 (or the file\'s encoding), or save it from Excel as "CSV UTF-8 (Comma delimited)".',
    },
  );
}

/** Decodes UTF-8, refusing invalid bytes with their line number (counted here, as the reader never sees them). */
class Utf8Checker extends Transform {
  private readonly decoder = new StringDecoder("utf8");
  private carry: Buffer | undefined;
  private line = 1;

  constructor(private readonly file: string) {
    super({ readableObjectMode: false, decodeStrings: true, encoding: "utf8" });
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    let bytes = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    this.carry = undefined;
    const tail = unfinishedTail(bytes);
    if (tail > 0) {
      this.carry = Buffer.from(bytes.subarray(bytes.length - tail));
      bytes = bytes.subarray(0, bytes.length - tail);
    }
    if (!isUtf8(bytes)) {
      const at = firstInvalid(bytes);
      callback(notUtf8Error(this.file, this.line + countNewlines(bytes, at), bytes[at] as number));
      return;
    }
    this.line += countNewlines(bytes, bytes.length);
    callback(null, this.decoder.write(bytes));
  }

  override _flush(callback: TransformCallback): void {
    if (this.carry) {
      callback(notUtf8Error(this.file, this.line, this.carry[0] as number));
      return;
    }
    callback(null, this.decoder.end());
  }
}

function countNewlines(bytes: Buffer, end: number): number {
  let count = 0;
  for (let i = bytes.indexOf(0x0a); i !== -1 && i < end; i = bytes.indexOf(0x0a, i + 1)) count++;
  return count;
}

/** Opens `path` as a stream of text in `encoding` (strings), the BOM left out. */
export async function openText(path: string, encoding: TextEncoding, file: string): Promise<Readable> {
  const bytes = createReadStream(path, { start: encoding.bomBytes, highWaterMark: 64 * 1024 });
  // pipeline() hands a read error of the file on to the stream the reader iterates.
  const ignore = () => undefined;
  if (encoding.name === "utf-8") return pipeline(bytes, new Utf8Checker(file), ignore);
  const iconv = await loadIconv();
  return pipeline(bytes, iconv.decodeStream(encoding.name) as unknown as Transform, ignore);
}
