// A JSON array built on disk, for listings that walk every page: stdout gets the whole array once the
// last page is in, or nothing if a page fails, so a half-written array is never taken for a whole
// one; and memory stays flat however many items there are. The file is unlinked as soon as it is
// open, so nothing is left behind even when the process is killed or the reader closes the pipe.

import { type FileHandle, mkdtemp, open, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeText } from "./stream-write.js";

/** An array of JSON values spooled to a private temporary file. */
export class JsonArraySpool {
  private count = 0;

  private constructor(
    private readonly dir: string,
    private readonly handle: FileHandle,
  ) {}

  /** Creates the spool in a fresh 0700 directory under the system's temporary directory. */
  static async open(): Promise<JsonArraySpool> {
    const dir = await mkdtemp(join(tmpdir(), "dubkit-list-"));
    const handle = await open(join(dir, "items.json"), "w+", 0o600);
    // Windows cannot delete an open file; there the directory goes when the spool is done with.
    if (process.platform !== "win32") await rm(dir, { recursive: true, force: true });
    return new JsonArraySpool(dir, handle);
  }

  /** Appends items, one JSON value a line. */
  async add(items: readonly unknown[]): Promise<void> {
    if (items.length === 0) return;
    const lines = items.map((item) => JSON.stringify(item)).join(",\n");
    await this.handle.write(`${this.count === 0 ? "" : ",\n"}${lines}`);
    this.count += items.length;
  }

  /** Writes the whole array to `out`, then deletes the spool. */
  async copyTo(out: NodeJS.WritableStream): Promise<void> {
    try {
      if (this.count === 0) {
        await writeText(out, "[]\n");
        return;
      }
      await writeText(out, "[\n");
      for await (const chunk of this.handle.createReadStream({
        start: 0,
        encoding: "utf8",
        autoClose: false,
      })) {
        await writeText(out, chunk as string);
      }
      await writeText(out, "\n]\n");
    } finally {
      await this.discard();
    }
  }

  /** Deletes the spool without writing anything. */
  async discard(): Promise<void> {
    await this.handle.close().catch(() => undefined);
    await rm(this.dir, { recursive: true, force: true });
  }
}
