// Driving a real terminal for the e2e tests: tmux gives the CLI a TTY, shows what it draws and delivers keys the way
// a keyboard does. Each test uses its own tmux server (socket), killed at the end.

import { execFileSync } from "node:child_process";
import { BIN } from "./run-cli.js";

/** Runs `tmux -L socket args…` and returns its output. */
export function tmux(socket: string, ...args: string[]): string {
  return execFileSync("tmux", ["-L", socket, ...args], { encoding: "utf8" });
}

/** The pane's text once `test` accepts it (checked every 50 ms, for up to 15 s). */
export async function waitForScreen(socket: string, test: (screen: string) => boolean): Promise<string> {
  for (let i = 0; i < 300; i++) {
    const screen = tmux(socket, "capture-pane", "-p", "-t", "dubkit");
    if (test(screen)) return screen;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the screen never matched:\n${tmux(socket, "capture-pane", "-p", "-t", "dubkit")}`);
}

/** `value` quoted for sh. */
export const quote = (value: string) => `'${value.replace(/'/g, "'\\''")}'`;

/**
 * Starts `dubkit args…` in a new tmux session `dubkit` with exactly `env`, printing `EXIT=<code>` when it ends (and
 * keeping the pane open a while so the test can read it).
 */
export function startInTmux(socket: string, env: Record<string, string>, args: string[], width = 160): void {
  const envArgs = Object.entries(env).map(([key, value]) => `${key}=${quote(value)}`);
  const command = `env -i ${envArgs.join(" ")} ${quote(process.execPath)} ${quote(BIN)} ${args.map(quote).join(" ")}; echo "EXIT=$?"; sleep 30`;
  tmux(socket, "new-session", "-d", "-s", "dubkit", "-x", String(width), "-y", "20", command);
}

/** Kills the tmux server of `socket`, if it still runs. */
export function killTmux(socket: string): void {
  try {
    tmux(socket, "kill-server");
  } catch {
    // The server is gone already.
  }
}
