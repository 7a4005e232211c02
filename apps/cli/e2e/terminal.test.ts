// The import as a person sees it in a real terminal: tmux gives the CLI a TTY, shows what it draws,
// and delivers Ctrl-C the way a keyboard does.

import { execFileSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { startEmulator } from "@dubkit/emulator";
import { expect, it } from "vitest";
import { writeCsv } from "./fixtures.js";
import { BIN, isolatedEnv } from "./run-cli.js";

function tmux(socket: string, ...args: string[]): string {
  return execFileSync("tmux", ["-L", socket, ...args], { encoding: "utf8" });
}

async function waitForScreen(socket: string, test: (screen: string) => boolean): Promise<string> {
  for (let i = 0; i < 300; i++) {
    const screen = tmux(socket, "capture-pane", "-p", "-t", "dubkit");
    if (test(screen)) return screen;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the screen never matched:\n${tmux(socket, "capture-pane", "-p", "-t", "dubkit")}`);
}

const quote = (value: string) => `'${value.replace(/'/g, "'\\''")}'`;

it("draws a progress bar on a terminal, and Ctrl-C stops with a summary and exit code 130", async () => {
  const emulator = await startEmulator({ port: 0, rateLimit: false });
  const socket = `dubkit-e2e-${process.pid}`;
  try {
    const e = await isolatedEnv({ DUB_API_KEY: emulator.apiKey, TERM: "xterm-256color" });
    const file = join(e.HOME as string, "partners.csv");
    await writeCsv(file, 1000, 1000);
    const envArgs = Object.entries(e).map(([key, value]) => `${key}=${quote(value)}`);
    const command = `env -i ${envArgs.join(" ")} ${quote(process.execPath)} ${quote(BIN)} --base-url ${emulator.url} partners import ${quote(file)} --rate 20/s; echo "EXIT=$?"; sleep 30`;
    tmux(socket, "new-session", "-d", "-s", "dubkit", "-x", "160", "-y", "20", command);

    const withBar = await waitForScreen(socket, (screen) =>
      /█+░* \d+% \| \d+ done, 0 failed, \d+ left \| [\d.]+ rows\/s \| ETA/.test(screen),
    );
    expect(withBar).toMatch(/\d+% \| \d+ done/);
    tmux(socket, "send-keys", "-t", "dubkit", "C-c");
    const after = await waitForScreen(socket, (screen) => screen.includes("EXIT="));
    expect(after).toContain("EXIT=130");
    expect(after).toMatch(/Import interrupted: \d+ created, 0 already enrolled, 0 failed/);
  } finally {
    try {
      tmux(socket, "kill-server");
    } catch {
      // The server is gone already.
    }
    await emulator.stop();
  }
}, 30_000);

it("asks for the login token at a hidden prompt and never echoes it", async () => {
  const socket = `dubkit-e2e-login-${process.pid}`;
  try {
    const e = await isolatedEnv({ TERM: "xterm-256color" });
    const envArgs = Object.entries(e).map(([key, value]) => `${key}=${quote(value)}`);
    const command = `env -i ${envArgs.join(" ")} ${quote(process.execPath)} ${quote(BIN)} login; echo "EXIT=$?"; sleep 30`;
    tmux(socket, "new-session", "-d", "-s", "dubkit", "-x", "160", "-y", "20", command);
    await waitForScreen(socket, (screen) => screen.includes("Dub API token (input hidden):"));
    const token = "dub_typedtypedtypedtypedtyped";
    tmux(socket, "send-keys", "-t", "dubkit", "-l", token);
    tmux(socket, "send-keys", "-t", "dubkit", "Enter");
    const after = await waitForScreen(socket, (screen) => screen.includes("EXIT="));
    expect(after).toContain("EXIT=0");
    expect(after).toContain("Saved dub_…yped");
    expect(after).not.toContain(token);
    const file = join(e.XDG_CONFIG_HOME as string, "dubkit", "config.json");
    expect(JSON.parse(await readFile(file, "utf8"))).toEqual({ token });
  } finally {
    try {
      tmux(socket, "kill-server");
    } catch {
      // The server is gone already.
    }
  }
}, 30_000);
