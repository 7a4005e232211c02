// The CLI as a person sees it in a real terminal: tmux gives it a TTY, shows what it draws (the
// import's progress bar, tables of wide characters) and delivers keys the way a keyboard does.

import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { type Emulator, startEmulator } from "@dubkit/emulator";
import { Dub } from "@dubkit/partners";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeCsv } from "./fixtures.js";
import { BIN, isolatedEnv } from "./run-cli.js";
import { killTmux, quote, tmux, waitForScreen } from "./tmux.js";

it("draws a progress bar on a terminal, keeps messages above it, and Ctrl-C stops with a summary and exit code 130", async () => {
  // A rate limit the import learns from its first 429: the message about it comes while the bar is drawn.
  const emulator = await startEmulator({ port: 0, rateLimit: { windowMs: 1000, limit: 300 } });
  const socket = `dubkit-e2e-${process.pid}`;
  try {
    const e = await isolatedEnv({ DUB_API_KEY: emulator.apiKey, TERM: "xterm-256color" });
    const file = join(e.HOME as string, "partners.csv");
    await writeCsv(file, 1000, 1000);
    const envArgs = Object.entries(e).map(([key, value]) => `${key}=${quote(value)}`);
    const command = `env -i ${envArgs.join(" ")} ${quote(process.execPath)} ${quote(BIN)} --base-url ${emulator.url} partners import ${quote(file)}; echo "EXIT=$?"; sleep 30`;
    tmux(socket, "new-session", "-d", "-s", "dubkit", "-x", "160", "-y", "20", command);

    const bar = /█*░* \d+% \| \d+ done, 0 failed, \d+ left \| [\d.]+ rows\/s \| (ETA|rate limited)/;
    const withBar = await waitForScreen(
      socket,
      (screen) => bar.test(screen) && screen.includes("Dub allows this key 300 requests a minute"),
    );
    expect(withBar).toMatch(/^Plan: 1,000 rows in /m);
    tmux(socket, "send-keys", "-t", "dubkit", "C-c");
    const after = await waitForScreen(socket, (screen) => screen.includes("EXIT="));
    expect(after).toContain("EXIT=130");
    // What was said while the bar ran is still on screen, each on its own line, above the bar's last state.
    const lines = after.split("\n");
    const learnt = lines.findIndex((line) => line.startsWith("Dub allows this key 300 requests a minute"));
    const stopping = lines.findIndex((line) => line.startsWith("Stopping: finishing requests in flight"));
    const lastBar = lines.reduce((last, line, i) => (bar.test(line) ? i : last), -1);
    const summary = lines.findIndex((line) =>
      /^Import interrupted: \d+ created, 0 already enrolled, 0 failed/.test(line),
    );
    expect(learnt).toBeGreaterThan(-1);
    expect(stopping).toBeGreaterThan(learnt);
    expect(lastBar).toBeGreaterThan(stopping);
    expect(summary).toBeGreaterThan(lastBar);
  } finally {
    killTmux(socket);
    await emulator.stop();
  }
}, 30_000);

it("asks for the login token at a hidden prompt and never echoes it", async () => {
  const emulator = await startEmulator({ port: 0, rateLimit: false });
  const socket = `dubkit-e2e-login-${process.pid}`;
  try {
    const e = await isolatedEnv({ TERM: "xterm-256color" });
    const envArgs = Object.entries(e).map(([key, value]) => `${key}=${quote(value)}`);
    const command = `env -i ${envArgs.join(" ")} ${quote(process.execPath)} ${quote(BIN)} --base-url ${emulator.url} login; echo "EXIT=$?"; sleep 30`;
    tmux(socket, "new-session", "-d", "-s", "dubkit", "-x", "160", "-y", "20", command);
    await waitForScreen(socket, (screen) => screen.includes("Dub API token (input hidden):"));
    const token = emulator.apiKey;
    tmux(socket, "send-keys", "-t", "dubkit", "-l", token);
    tmux(socket, "send-keys", "-t", "dubkit", "Enter");
    const after = await waitForScreen(socket, (screen) => screen.includes("EXIT="));
    expect(after).toContain("EXIT=0");
    expect(after).toContain(`Saved dub_…${token.slice(-4)} as profile "default"`);
    expect(after).not.toContain(token);
    const file = join(e.XDG_CONFIG_HOME as string, "dubkit", "config.json");
    expect(JSON.parse(await readFile(file, "utf8"))).toEqual({
      profiles: { default: { token, baseUrl: emulator.url } },
    });
  } finally {
    killTmux(socket);
    await emulator.stop();
  }
}, 30_000);

/** The screen column where tmux drew the start of each match of `text`, by row, found with copy-mode search. */
function columnsOf(socket: string, text: string, rows: number): Map<number, number> {
  tmux(socket, "copy-mode", "-t", "dubkit");
  tmux(socket, "send-keys", "-t", "dubkit", "-X", "history-top");
  const found = new Map<number, number>();
  for (let i = 0; i < rows; i++) {
    tmux(socket, "send-keys", "-t", "dubkit", "-X", "search-forward", text);
    // tmux leaves the cursor on the match's last character.
    const [x, y] = tmux(socket, "display", "-p", "-t", "dubkit", "#{copy_cursor_x} #{copy_cursor_y}")
      .trim()
      .split(" ")
      .map(Number);
    found.set(y as number, (x as number) - (text.length - 1));
  }
  tmux(socket, "send-keys", "-t", "dubkit", "-X", "cancel");
  return found;
}

describe("a table of CJK, Devanagari and Thai names on a terminal", () => {
  const names = ["李小龙", "प्रिया शर्मा", "สมชาย ใจดี", "Ada Lovelace", "山田 太郎"];
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, rateLimit: false });
    await using dub = new Dub({ token: emulator.apiKey, serverURL: emulator.url });
    // Emails of one length, so each row's email starts where the column does.
    for (const [i, name] of names.entries()) await dub.partners.create({ email: `p${i}@example.com`, name });
  });
  afterAll(async () => {
    await emulator.stop();
  });

  async function showTable(socket: string, width: number): Promise<string> {
    const e = await isolatedEnv({ DUB_API_KEY: emulator.apiKey, TERM: "xterm-256color" });
    const envArgs = Object.entries(e).map(([key, value]) => `${key}=${quote(value)}`);
    const command = `env -i ${envArgs.join(" ")} ${quote(process.execPath)} ${quote(BIN)} --base-url ${emulator.url} partners list --sort-by createdAt --sort-order asc; echo "EXIT=$?"; sleep 30`;
    tmux(socket, "new-session", "-d", "-s", "dubkit", "-x", String(width), "-y", "20", command);
    return waitForScreen(socket, (screen) => screen.includes("EXIT="));
  }

  it("keeps every column aligned on screen, as tmux draws it", async () => {
    const socket = `dubkit-e2e-table-${process.pid}`;
    try {
      const screen = await showTable(socket, 160);
      expect(screen).toContain("EXIT=0");
      expect(screen.split("\n")[0]).toMatch(/^id\s+name\s+email\s+status\s+tenantId\s+createdAt$/);
      for (const name of names) expect(screen).toContain(name);
      const emails = columnsOf(socket, "@example.com", names.length);
      const statuses = columnsOf(socket, "approved", names.length);
      expect([...emails.keys()].sort()).toEqual([1, 2, 3, 4, 5]);
      expect(new Set(emails.values()).size, JSON.stringify([...emails])).toBe(1);
      expect([...statuses.keys()].sort()).toEqual([1, 2, 3, 4, 5]);
      expect(new Set(statuses.values()).size, JSON.stringify([...statuses])).toBe(1);
    } finally {
      killTmux(socket);
    }
  }, 30_000);

  it("fits a narrow terminal: rows are cut, not wrapped, and stay aligned", async () => {
    const socket = `dubkit-e2e-narrow-${process.pid}`;
    try {
      const screen = await showTable(socket, 72);
      const lines = screen.split("\n");
      // One line per row: nothing wrapped onto a second line.
      expect(lines.slice(0, 6).every((line) => line !== "" && !line.startsWith("EXIT"))).toBe(true);
      expect(lines[6]).toBe("EXIT=0");
      expect(screen).toContain("…");
      const statuses = columnsOf(socket, "approved", names.length);
      expect(new Set(statuses.values()).size, JSON.stringify([...statuses])).toBe(1);
    } finally {
      killTmux(socket);
    }
  }, 30_000);
});
