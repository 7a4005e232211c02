// Reads every package version pnpm-lock.yaml resolves (the keys of its `packages:` section), without a YAML parser:
// in lockfile v9 each key is one line, two spaces in, `name@version:` (scoped names quoted).

/**
 * @param {string} text the lockfile's content
 * @returns {{ name: string, version: string }[]} each resolved package once, sorted by name then version
 */
export function lockfilePackages(text) {
  if (!/^lockfileVersion: '?9\./m.test(text)) {
    throw new Error(
      "pnpm-lock.yaml is not lockfile version 9: teach scripts/audit/lockfile-packages.mjs its format.",
    );
  }
  const seen = new Map();
  let inPackages = false;
  for (const line of text.split("\n")) {
    if (/^\S/.test(line)) inPackages = line === "packages:";
    if (!inPackages) continue;
    const match = /^ {2}'?((?:@[^@/\s']+\/)?[^@\s']+)@([^(\s':]+)(?:\([^']*\))?'?:/.exec(line);
    if (match) seen.set(`${match[1]}@${match[2]}`, { name: match[1], version: match[2] });
  }
  return [...seen.values()].sort(
    (a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version),
  );
}
