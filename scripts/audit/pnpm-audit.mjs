// Runs `pnpm audit --audit-level=moderate --json` and reads its report, or says why there is none (the registry's
// audit endpoint unreachable, e.g. answering 405), so the caller can fall back to the offline check.
import { execFile } from "node:child_process";

/**
 * @param {string} cwd the workspace root
 * @returns {Promise<{ ok: true, findings: { id: string, package: string, severity: string, title: string, versions: string[] }[] } | { ok: false, reason: string }>}
 */
export function runPnpmAudit(cwd) {
  // The pnpm version the repository pins, whichever pnpm (if any) started this script.
  const [command, args] = ["npx", ["-y", "pnpm@10.34.9", "audit", "--audit-level=moderate", "--json"]];
  return new Promise((resolve) => {
    execFile(command, args, { cwd, maxBuffer: 64 * 1024 * 1024, timeout: 120_000 }, (error, stdout) => {
      let report;
      try {
        report = JSON.parse(stdout);
      } catch {
        resolve({ ok: false, reason: `pnpm audit printed no report (${error?.message ?? "no output"})` });
        return;
      }
      if (report?.error) {
        resolve({ ok: false, reason: `${report.error.code}: ${report.error.message}` });
        return;
      }
      if (typeof report?.advisories !== "object" || report.advisories === null) {
        resolve({ ok: false, reason: "pnpm audit's report has no advisories section" });
        return;
      }
      const findings = Object.values(report.advisories).map((advisory) => ({
        id: advisory.github_advisory_id ?? String(advisory.id),
        package: advisory.module_name,
        severity: advisory.severity,
        title: advisory.title,
        versions: [...new Set((advisory.findings ?? []).map((finding) => finding.version))],
      }));
      resolve({ ok: true, findings });
    });
  });
}
