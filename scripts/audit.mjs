// The dependency audit run by `pnpm run check`: `pnpm audit --audit-level=moderate`, failing on any finding not
// listed in audit/exceptions.json. When the registry's audit endpoint cannot be reached (it answers 405 from some
// networks), it checks pnpm-lock.yaml offline against the advisories in audit/advisories.json instead, and says so:
// the audit is never skipped in silence. Flags: --offline, --lockfile F, --advisories F, --exceptions F.
import { readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { lockfilePackages } from "./audit/lockfile-packages.mjs";
import { applyExceptions, COUNTED_SEVERITIES, findAffected } from "./audit/match-advisories.mjs";
import { runPnpmAudit } from "./audit/pnpm-audit.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

function readJson(path, what) {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new Error(`Cannot read the ${what} ${path}: ${error.message}`);
  }
}

function line(finding) {
  const { advisory, version, exception } = finding;
  const fix = advisory.patched ? `; fixed in ${advisory.patched}` : "";
  const why = exception ? ` — excepted until ${exception.expires}: ${exception.reason}` : "";
  return `  ${advisory.package}@${version}: ${advisory.id} (${advisory.severity}) ${advisory.title}${fix}${why}`;
}

/** Runs the audit; returns the exit code (0 clean, 1 findings, 2 the audit could not run). */
export async function main(argv = process.argv.slice(2), log = console.log) {
  const { values } = parseArgs({
    args: argv,
    options: {
      offline: { type: "boolean", default: false },
      lockfile: { type: "string", default: join(root, "pnpm-lock.yaml") },
      advisories: { type: "string", default: join(root, "scripts/audit/advisories.json") },
      exceptions: { type: "string", default: join(root, "scripts/audit/exceptions.json") },
    },
  });
  const exceptions = readJson(values.exceptions, "audit exceptions file").exceptions ?? [];
  const today = new Date();

  let findings;
  const online = values.offline ? { ok: false, reason: "--offline" } : await runPnpmAudit(root);
  if (online.ok) {
    findings = online.findings
      .filter((f) => COUNTED_SEVERITIES.has(f.severity))
      .flatMap((f) =>
        f.versions.map((version) => ({
          advisory: { id: f.id, package: f.package, severity: f.severity, title: f.title, patched: "" },
          version,
        })),
      );
    log(`audit: pnpm audit answered: ${findings.length} finding(s) at moderate or above.`);
  } else {
    const database = readJson(values.advisories, "offline advisories file");
    const packages = lockfilePackages(readFileSync(values.lockfile, "utf8"));
    if (packages.length === 0)
      throw new Error(`${values.lockfile} lists no packages: the offline check cannot run.`);
    findings = findAffected(packages, database.advisories);
    log(
      `audit: the registry's audit endpoint could not be used (${online.reason}); checked ${packages.length} ` +
        `packages in ${relative(root, values.lockfile)} offline against ${database.advisories.length} advisories ` +
        `in ${relative(root, values.advisories)} (updated ${database.updated}).`,
    );
  }
  const { excepted, failing } = applyExceptions(findings, exceptions, today);
  if (excepted.length > 0)
    log(`audit: ${excepted.length} finding(s) excepted:\n${excepted.map(line).join("\n")}`);
  if (failing.length > 0) {
    log(
      `audit: ${failing.length} finding(s) to fix (upgrade the package, or add a documented exception with a reason ` +
        `and an expiry date to ${relative(root, values.exceptions)}):\n${failing.map(line).join("\n")}`,
    );
    return 1;
  }
  log("audit: no finding at moderate or above.");
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error(`audit: ${error.message}`);
      process.exit(2);
    },
  );
}
