// A JSON array built on disk, for listings that walk every page: stdout gets the whole array once the
// last page is in, or nothing if a page fails, so a half-written array is never taken for a whole
// one; and memory stays flat however many items there are.

import { createReadStream } from "node:fs";
import { type FileHandle, mkdtemp, open, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeText } from "./stream-write.js";

/** An array of JSON values spooled to a private temporary file. */
export class JsonArraySpool {
  private count = 0;

  private constructor(
    private readonly dir: string,
    private readonly file: string,
    private readonly handle: FileHandle,
  ) {}

  /** Creates the spool in a fresh 0700 directory under the system's temporary directory. */
  static async open(): Promise<JsonArraySpool> {
    const dir = await mkdtemp(join(tmpdir(), "dubkit-list-"));
    const file = join(dir, "items.json");
    return new JsonArraySpool(dir, file, await open(file, "w", 0o600));
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
    await this.handle.close();
    try {
      if (this.count === 0) {
        await writeText(out, "[]\n");
        return;
      }
      await writeText(out, "[\n");
      for await (const chunk of createReadStream(this.file, { encoding: "utf8" })) {
        await writeText(out, chunk as string);
      }
      await writeText(out, "\n]\n");
    } finally {
      await rm(this.dir, { recursive: true, force: true });
    }
  }

  /** Deletes the spool without writing anything. */
  async discard(): Promise<void> {
    await this.handle.close().catch(() => undefined);
    await rm(this.dir, { recursive: true, force: true });
  }
}
