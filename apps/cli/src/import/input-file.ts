// The input as a file the import can read twice (once for the plan, once to send): a path is used as it is, and
// stdin is copied to a private temporary file first, removed when the import ends.

import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import { CliError } from "../cli-error.js";
import { ExitCode } from "../exit-codes.js";

/** A readable copy of the input. */
export interface InputFile {
  /** Where to read it. */
  path: string;
  /** The name to show: the path given, or "stdin". */
  name: string;
  /** Size and modification time, to notice a file changed between the plan and the run. */
  version(): Promise<string>;
  /** Removes a temporary copy. */
  cleanup(): Promise<void>;
}

/** Counts the file's line breaks, fast (no decoding): an upper bound on its rows, to size the import's arrays. */
export async function countLines(path: string): Promise<number> {
  let lines = 1;
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(0x0a); i !== -1; i = chunk.indexOf(0x0a, i + 1)) lines++;
  }
  return lines;
}

/** Opens `file` (or stdin for `-`). */
export async function openInputFile(file: string, stdin: NodeJS.ReadableStream): Promise<InputFile> {
  if (file !== "-") {
    try {
      if (!(await stat(file)).isFile()) throw new Error("not a file");
    } catch {
      throw new CliError(`Cannot read ${file}: no such file.`, ExitCode.usage);
    }
    return {
      path: file,
      name: file,
      version: async () => {
        const info = await stat(file);
        return `${info.size}:${info.mtimeMs}`;
      },
      cleanup: async () => undefined,
    };
  }
  const dir = await mkdtemp(join(tmpdir(), "dubkit-import-"));
  const path = join(dir, "stdin");
  try {
    await pipeline(stdin, createWriteStream(path, { mode: 0o600 }));
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    path,
    name: "stdin",
    version: async () => "stdin",
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}
