// The data file's line format: `<crc32 of the JSON, 8 lowercase hex digits> <json>\n`. The first line is a header
// that marks the file as the emulator's own; every later line is one change.
import { crc32 } from "node:zlib";

/** The header's JSON: which format and version the file holds. */
export const HEADER = { format: "dubkit-emulator", version: 1 } as const;

/** One line, newline included. */
export function encodeLine(value: unknown): string {
  const json = JSON.stringify(value);
  return `${crc32(json).toString(16).padStart(8, "0")} ${json}\n`;
}

/** The header line, as written at the start of every data file. */
export const HEADER_LINE = Buffer.from(encodeLine(HEADER));

const HEX = /^[0-9a-f]{8}$/;

/**
 * Parses a line (without its newline) whose checksum matches; undefined when it does not match (a torn or damaged
 * line). A matching checksum over text that is not JSON throws the parser's SyntaxError.
 */
export function decodeLine(line: Buffer): { value: unknown } | undefined {
  if (line.length < 10 || line[8] !== 0x20) return undefined;
  const hex = line.toString("latin1", 0, 8);
  const json = line.subarray(9);
  if (!HEX.test(hex) || Number.parseInt(hex, 16) !== crc32(json)) return undefined;
  return { value: JSON.parse(json.toString("utf8")) };
}
