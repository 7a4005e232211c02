// Matches resolved package versions against advisories (package, vulnerable semver range), minus the documented
// exceptions. Used offline, when the registry's audit endpoint cannot be reached.
import semver from "semver";

/** Severities at or above the check's level (`--audit-level=moderate`). */
export const COUNTED_SEVERITIES = new Set(["moderate", "high", "critical"]);

/**
 * @typedef {{ id: string, package: string, vulnerable: string, patched: string, severity: string, title: string }} Advisory
 * @typedef {{ id: string, package: string, reason: string, expires: string }} AuditException
 * @typedef {{ advisory: Advisory, version: string }} Finding
 */

/**
 * @param {{ name: string, version: string }[]} packages
 * @param {Advisory[]} advisories
 * @returns {Finding[]} every package version inside an advisory's range, at moderate or above
 */
export function findAffected(packages, advisories) {
  const findings = [];
  for (const advisory of advisories) {
    if (!COUNTED_SEVERITIES.has(advisory.severity)) continue;
    if (!semver.validRange(advisory.vulnerable)) {
      throw new Error(`Advisory ${advisory.id}: "${advisory.vulnerable}" is not a semver range.`);
    }
    for (const { name, version } of packages) {
      if (name !== advisory.package || !semver.valid(version)) continue;
      if (semver.satisfies(version, advisory.vulnerable, { includePrerelease: true }))
        findings.push({ advisory, version });
    }
  }
  return findings;
}

/**
 * Splits findings into those an exception covers and those that fail the check. An exception matches by advisory
 * id and package, and only until its `expires` date (then it must be renewed, with its reason, or the fix applied).
 * @param {Finding[]} findings
 * @param {AuditException[]} exceptions
 * @param {Date} today
 */
export function applyExceptions(findings, exceptions, today) {
  const excepted = [];
  const failing = [];
  for (const finding of findings) {
    const exception = exceptions.find(
      (e) =>
        e.id === finding.advisory.id &&
        e.package === finding.advisory.package &&
        new Date(e.expires) >= today,
    );
    (exception ? excepted : failing).push({ ...finding, exception });
  }
  return { excepted, failing };
}
