// Whether a failed command line asked for JSON, decided from the words typed: the error may come
// before commander has parsed any option (an unknown flag, a bad choice).

import type { Command } from "commander";

/**
 * True when the command line has `--json`, or `--format json|jsonl` on a command whose `--format`
 * is an output format (not `partners import`, where it names the input's format).
 */
export function wantsJsonErrors(argv: readonly string[], command: Command | undefined): boolean {
  const end = argv.indexOf("--");
  const words = end === -1 ? argv : argv.slice(0, end);
  if (words.includes("--json")) return true;
  if (command?.name() === "import") return false;
  return words.some(
    (word, i) =>
      word === "--format=json" ||
      word === "--format=jsonl" ||
      (word === "--format" && (words[i + 1] === "json" || words[i + 1] === "jsonl")),
  );
}

/** `dubkit partners list`, for a command (or `dubkit` for none). */
export function commandPath(command: Command | undefined): string {
  const names: string[] = [];
  for (let current = command; current; current = current.parent ?? undefined) names.unshift(current.name());
  return names.length === 0 ? "dubkit" : names.join(" ");
}
