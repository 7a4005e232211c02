// Reading a whole small input (a JSON body, a token) from a file or stdin.

import { readFile } from "node:fs/promises";
import { text } from "node:stream/consumers";
import { CliError } from "./cli-error.js";
import { ExitCode } from "./exit-codes.js";

/** Reads `file`, or stdin for `-`. */
export async function readTextInput(file: string, stdin: NodeJS.ReadableStream): Promise<string> {
  if (file === "-") return text(stdin);
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    throw new CliError(`Cannot read ${file}: ${(error as Error).message}`, ExitCode.usage);
  }
}

/** Parses JSON that must be an object, naming `what` in the error. */
export function parseJsonObject(source: string, what: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(source.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new CliError(`${what} is not valid JSON: ${(error as Error).message}`, ExitCode.usage);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new CliError(`${what} must be a JSON object.`, ExitCode.usage);
  }
  return value as Record<string, unknown>;
}
