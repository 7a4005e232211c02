// Installs the Debian packages the test suite drives (Chromium for the browser runtime test, tmux for the CLI's
// terminal tests, zsh and fish for its completion tests) when they are missing. CI and a fresh machine run as root;
// elsewhere it only says what to install.
import { execFileSync, spawnSync } from "node:child_process";

const needed = [
  { bin: "/usr/bin/chromium", pkg: "chromium" },
  { bin: "/usr/bin/tmux", pkg: "tmux" },
  { bin: "/usr/bin/zsh", pkg: "zsh" },
  { bin: "/usr/bin/fish", pkg: "fish" },
].filter(({ bin }) => spawnSync("test", ["-x", bin]).status !== 0);

if (needed.length > 0) {
  const pkgs = needed.map((n) => n.pkg);
  if (process.getuid?.() !== 0) {
    console.error(
      `Missing system packages: ${pkgs.join(", ")}. Install them with: sudo apt-get install -y ${pkgs.join(" ")}`,
    );
    process.exit(1);
  }
  console.log(`Installing system packages: ${pkgs.join(", ")}`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
  execFileSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", ...pkgs], {
    stdio: "inherit",
    env,
  });
}
