// Every published package passes publint on the tarball `pnpm pack` produced (the files that would ship, with
// `workspace:` ranges already replaced), with warnings counted as errors.
import { readFile } from "node:fs/promises";
import { publint } from "publint";
import { formatMessage } from "publint/utils";
import { describe, expect, inject, test } from "vitest";

describe.concurrent.each(inject("packed"))("$name", ({ name, tarball }) => {
  test("passes publint (strict) on its packed tarball", async () => {
    const bytes = await readFile(tarball);
    const tarballBuffer = bytes.buffer.slice(
      bytes.byteOffset,
      bytes.byteOffset + bytes.byteLength,
    ) as ArrayBuffer;
    const { messages, pkg } = await publint({
      pack: { tarball: tarballBuffer },
      level: "warning",
      strict: true,
    });
    const problems = messages.map(
      (m) => `${m.type} ${m.code}: ${formatMessage(m, pkg, { color: false }) ?? ""}`,
    );
    expect(problems, `publint found problems in ${name}`).toEqual([]);
  });
});
