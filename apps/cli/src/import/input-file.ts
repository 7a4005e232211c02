// The input as a file the import can read twice (once for the plan, once to send): a path is used as it is, and
// stdin is copied to a private temporary file first, removed when the import ends.

import { constants, createReadStream, createWriteStream } from "node:fs";
import { access, mkdtemp, rm, stat } from "node:fs/promises";
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

/** What keeps `file` from being imported, said plainly, or undefined when it is a readable regular file. */
async function whyUnreadable(file: string): Promise<string | undefined> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return "no such file.";
    if (code === "EACCES") return "permission denied.";
    return `${(error as Error).message}.`;
  }
  if (info.isDirectory()) return "it is a directory; give the export file inside it.";
  if (info.isFIFO()) {
    return "it is a pipe, which can be read only once; the import reads its file twice (the plan, then the run): pipe it to stdin instead (`… | dubkit partners import -`).";
  }
  if (!info.isFile()) return "it is not a regular file (a device or socket).";
  try {
    await access(file, constants.R_OK);
  } catch {
    return "permission denied.";
  }
  return undefined;
}

/** Refuses, with what is wrong said plainly (exit 2), a path that is not a readable regular file. */
export async function checkInputPath(file: string): Promise<void> {
  if (file === "-") return;
  const problem = await whyUnreadable(file);
  if (problem) throw new CliError(`Cannot read ${file}: ${problem}`, ExitCode.usage);
}

/** Opens `file` (or stdin for `-`). */
export async function openInputFile(file: string, stdin: NodeJS.ReadableStream): Promise<InputFile> {
  if (file !== "-") {
    await checkInputPath(file);
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
