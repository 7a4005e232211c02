// Writing to stdout at the pace the reader takes it: a large listing piped to a slow reader waits on
// `drain` instead of piling up in memory.

import { once } from "node:events";

/** Writes `text`; resolves once the stream can take more. */
export async function writeText(stream: NodeJS.WritableStream, text: string): Promise<void> {
  if (text === "") return;
  if (!stream.write(text)) await once(stream, "drain");
}
