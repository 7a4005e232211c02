// RELIABILITY.md holds, for each part of the suite, a block the suite generates from what it ran. Each part renders
// its block and checks that the committed one is the same, so a stale figure fails the suite; with
// RELIABILITY_WRITE=1 it writes its block into the file instead. Only figures a seeded run reproduces exactly go
// in a block (no durations, no counts that depend on the machine's speed).
import { mkdirSync, readFileSync, rmdirSync, writeFileSync } from "node:fs";
import { reliabilityMd } from "./paths.js";

const begin = (id: string) => `<!-- generated:${id} (by the suite; RELIABILITY_WRITE=1 rewrites it) -->`;
const end = (id: string) => `<!-- /generated:${id} -->`;

/** The committed block `id` of RELIABILITY.md, or undefined when the file or the block is missing. */
export function committedBlock(id: string, text = readReport()): string | undefined {
  const start = text.indexOf(begin(id));
  const stop = text.indexOf(end(id));
  if (start === -1 || stop === -1 || stop < start) return undefined;
  return text
    .slice(start + begin(id).length, stop)
    .replace(/^\n/, "")
    .replace(/\n$/, "");
}

function readReport(): string {
  try {
    return readFileSync(reliabilityMd, "utf8");
  } catch {
    return "";
  }
}

/** Runs `write` while holding a lock beside the file, so parts writing their blocks at once do not race. */
function withLock(write: () => void): void {
  const lock = `${reliabilityMd}.lock`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST" || Date.now() > deadline) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
    }
  }
  try {
    write();
  } finally {
    rmdirSync(lock);
  }
}

/** Puts `markdown` into block `id`, appending the block when the file does not have it yet. */
function writeBlock(id: string, markdown: string): void {
  withLock(() => {
    const text = readReport();
    const block = `${begin(id)}\n${markdown}\n${end(id)}`;
    const start = text.indexOf(begin(id));
    const stop = text.indexOf(end(id));
    const next =
      start === -1 || stop === -1
        ? `${text.trimEnd()}\n\n${block}\n`
        : text.slice(0, start) + block + text.slice(stop + end(id).length);
    writeFileSync(reliabilityMd, next);
  });
}

/** Whether this run rewrites RELIABILITY.md's blocks instead of checking them. */
export const writingReport = process.env.RELIABILITY_WRITE === "1";

/**
 * Checks (or, with RELIABILITY_WRITE=1, writes) block `id`. Returns the problem when the committed block differs,
 * undefined when it matches; the caller asserts on it so the failure names the block.
 */
export function reportBlock(id: string, markdown: string): string | undefined {
  const rendered = markdown.trimEnd();
  if (writingReport) {
    writeBlock(id, rendered);
    return undefined;
  }
  const committed = committedBlock(id);
  if (committed === rendered) return undefined;
  return (
    `RELIABILITY.md's block "${id}" is ${committed === undefined ? "missing" : "stale"}: the suite computed\n\n` +
    `${rendered}\n\nRun RELIABILITY_WRITE=1 npx -y pnpm@10.34.9 --filter @dubkit/reliability test and commit the file.`
  );
}

/**
 * One markdown table from a header and rows, with its columns padded to one width, as biome formats markdown (so
 * `biome check --write` leaves the generated blocks as they are). Cells are ASCII, so length is width.
 */
export function markdownTable(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows].map((row) => row.map((cell) => String(cell)));
  const widths = header.map((_, column) => Math.max(3, ...cells.map((row) => (row[column] ?? "").length)));
  const line = (row: string[]) =>
    `| ${row.map((cell, column) => cell.padEnd(widths[column] ?? 3)).join(" | ")} |`;
  const [head = [], ...body] = cells;
  return [line(head), line(widths.map((width) => "-".repeat(width))), ...body.map(line)].join("\n");
}

/** The command that reproduces the test named `name`. */
export function reproduce(name: string): string {
  return `\`npx -y pnpm@10.34.9 --filter @dubkit/reliability test -t "${name}"\``;
}
