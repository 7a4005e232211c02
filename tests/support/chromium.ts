// The browser runtime: Debian's Chromium driven by playwright-core. It is not on a fresh machine, so the suite
// installs it when it is missing and it runs as root (as CI does); otherwise it fails saying what to run.
import { execFileSync } from "node:child_process";
import { accessSync, constants } from "node:fs";

/** Where Debian's `chromium` package puts the browser. */
export const chromiumPath = "/usr/bin/chromium";

/** The commands that install Chromium; `.ci/run` (through `scripts/ensure-system-deps.mjs`) runs the same. */
export const chromiumInstallCommands = [
  "apt-get update",
  "apt-get install -y --no-install-recommends chromium",
];

/** Flags for a quiet, reproducible headless run: no sandbox (CI runs as root), no GPU, no background traffic. */
export const chromiumArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

function isInstalled(): boolean {
  try {
    accessSync(chromiumPath, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Makes sure Chromium is installed, installing it with apt-get when running as root; throws a clear error otherwise. */
export function ensureChromium(): string {
  if (isInstalled()) return chromiumPath;
  if (process.getuid?.() !== 0) {
    throw new Error(
      `Chromium: ${chromiumPath} is missing and the tests are not running as root, so they cannot install it. Run: sudo ${chromiumInstallCommands.join(" && sudo ")}`,
    );
  }
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
  execFileSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", "chromium"], {
    stdio: "inherit",
    env,
  });
  if (!isInstalled())
    throw new Error(
      `Chromium: \`${chromiumInstallCommands.join(" && ")}\` ran but ${chromiumPath} is still missing.`,
    );
  return chromiumPath;
}
