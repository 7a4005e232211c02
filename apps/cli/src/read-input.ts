// Reading a whole small input (a JSON body, a token) from a file or stdin.

import { readFile } from "node:fs/promises";
import { text } from "node:stream/consumers";
import { CliError } from "./cli-error.js";
import { ExitCode } from "./exit-codes.js";
import { redact } from "./redact.js";

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
  const text = source.replace(/^\uFEFF/, "");
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    // V8 says where: "… in JSON at position 12" (Node 20) or "… (line 2 column 3)".
    const position = /at position (\d+)/.exec(message);
    const line =
      /line (\d+)/.exec(message)?.[1] ??
      (position ? String(text.slice(0, Number(position[1])).split("\n").length) : undefined);
    throw new CliError(`${what} is not valid JSON: ${redact(message)}`, ExitCode.usage, {
      ...(line === undefined ? {} : { line: Number(line) }),
    });
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new CliError(`${what} must be a JSON object.`, ExitCode.usage);
  }
  return value as Record<string, unknown>;
}
