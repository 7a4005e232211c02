// Shell completion in a real zsh and a real fish: each shell runs interactively in tmux with the script
// `dubkit completion zsh|fish` prints, installed the two ways its help gives (a file where the shell autoloads it, or
// sourced), and TAB must complete a command, a flag and an enum value, as a person types them. Fish is then asked
// for its candidates (`complete -C`) over the same cases as the bash test.

import { execFileSync } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { withDubkitOnPath } from "./dubkit-on-path.js";
import { isolatedEnv, runCli } from "./run-cli.js";
import { killTmux, quote, tmux, waitForScreen } from "./tmux.js";

const spawning = { timeout: 60_000 };
let sessions = 0;

/** A private HOME with `dubkit` on PATH, and the completion script for `shell`. */
async function shellHome(shell: "zsh" | "fish") {
  const env = await withDubkitOnPath(await isolatedEnv());
  const home = env.HOME as string;
  const completion = await runCli(["completion", shell], env);
  expect(completion.code, completion.stderr).toBe(0);
  return { env, home, script: completion.stdout };
}

/** Starts `command` (a shell) in a new tmux session `dubkit` with exactly `env`; returns the socket. */
function startShell(env: Record<string, string>, command: string): string {
  const socket = `dubkit-e2e-shells-${process.pid}-${++sessions}`;
  const envArgs = Object.entries({ ...env, TERM: "xterm-256color" }).map(
    ([key, value]) => `${key}=${quote(value)}`,
  );
  tmux(
    socket,
    "new-session",
    "-d",
    "-s",
    "dubkit",
    "-x",
    "160",
    "-y",
    "24",
    `env -i ${envArgs.join(" ")} ${command}`,
  );
  return socket;
}

/** Types `text`, presses TAB, and waits until the prompt line reads `expected` (capture-pane drops trailing spaces). */
async function tab(socket: string, text: string, expected: string): Promise<string> {
  tmux(socket, "send-keys", "-t", "dubkit", "-l", "--", text);
  tmux(socket, "send-keys", "-t", "dubkit", "Tab");
  return waitForScreen(socket, (screen) => screen.split("\n")[0] === expected);
}

/** Completes a command, then a flag, then an enum value, each on one TAB, in the shell on `socket`. */
async function completesCommandFlagAndValue(socket: string): Promise<void> {
  // capture-pane drops trailing spaces: the prompt "$ " shows as "$".
  await waitForScreen(socket, (screen) => screen.startsWith("$"));
  await tab(socket, "dubkit partners lis", "$ dubkit partners list");
  await tab(socket, "--sta", "$ dubkit partners list --status");
  const screen = await tab(socket, "app", "$ dubkit partners list --status approved");
  expect(screen.split("\n")[0]).toBe("$ dubkit partners list --status approved");
}

/** A zsh whose .zshrc runs `lines` (and nothing else: no global rc files). */
async function zsh(env: Record<string, string>, home: string, lines: string[]): Promise<string> {
  const zdotdir = join(home, "zdot");
  await mkdir(zdotdir, { recursive: true });
  await writeFile(join(zdotdir, ".zshrc"), `PS1='$ '\n${lines.join("\n")}\n`);
  return startShell({ ...env, ZDOTDIR: zdotdir }, "zsh --no-globalrcs -i");
}

/** A fish whose config.fish sets a plain prompt, no greeting and no autosuggestions, then runs `lines`. */
async function fish(env: Record<string, string>, lines: string[]): Promise<string> {
  const config = join(env.XDG_CONFIG_HOME as string, "fish");
  await mkdir(config, { recursive: true });
  const settings = [
    "set -g fish_greeting",
    "set -g fish_autosuggestion_enabled 0",
    "function fish_prompt; echo -n '$ '; end",
  ];
  await writeFile(join(config, "config.fish"), `${[...settings, ...lines].join("\n")}\n`);
  return startShell(env, "fish -i");
}

describe("zsh", () => {
  it(
    "completes a command, a flag and an enum value on TAB, with the script in fpath as installed",
    spawning,
    async () => {
      const { env, home, script } = await shellHome("zsh");
      const zfunc = join(home, ".zfunc");
      await mkdir(zfunc);
      await writeFile(join(zfunc, "_dubkit"), script);
      const socket = await zsh(env, home, [
        `fpath=(${quote(zfunc)} $fpath)`,
        "autoload -Uz compinit && compinit -u -D",
      ]);
      try {
        await completesCommandFlagAndValue(socket);
      } finally {
        killTmux(socket);
      }
    },
  );

  it(
    "completes on TAB with the script sourced after compinit, and lists subcommands, values and profiles",
    spawning,
    async () => {
      const { env, home, script } = await shellHome("zsh");
      await writeFile(join(home, "dubkit.zsh"), script);
      for (const name of ["work", "staging"]) {
        const login = await runCli(
          ["login", "--no-verify", "--profile", name],
          env,
          "dub_abcdefghijklmnopqrstuvwx",
        );
        expect(login.code, login.stderr).toBe(0);
      }
      const socket = await zsh(env, home, [
        "autoload -Uz compinit && compinit -u -D",
        `source ${quote(join(home, "dubkit.zsh"))}`,
      ]);
      try {
        await completesCommandFlagAndValue(socket);
        // A new line; TAB on a word with several candidates lists them under the prompt.
        tmux(socket, "send-keys", "-t", "dubkit", "C-u");
        let screen = await tab(socket, "dubkit partners applications ", "$ dubkit partners applications");
        screen = await waitForScreen(socket, (s) => s.includes("reject"));
        expect(screen).toMatch(/^approve +-- approve a pending/m);
        expect(screen).toMatch(/^list +-- list the pending applications/m);
        expect(screen).toMatch(/^reject +-- reject a pending application/m);
        tmux(socket, "send-keys", "-t", "dubkit", "C-u");
        await tab(socket, "dubkit partners ban --reason f", "$ dubkit partners ban --reason f");
        screen = await waitForScreen(socket, (s) => /fake_traffic +fraud/.test(s));
        expect(screen).not.toMatch(/spam/);
        tmux(socket, "send-keys", "-t", "dubkit", "C-u");
        await tab(socket, "dubkit --profile ", "$ dubkit --profile");
        screen = await waitForScreen(socket, (s) => /staging +work/.test(s));
        tmux(socket, "send-keys", "-t", "dubkit", "C-u");
        await tab(socket, "dubkit --profile w", "$ dubkit --profile work");
        await tab(
          socket,
          "partners list --sort-order d",
          "$ dubkit --profile work partners list --sort-order desc",
        );
      } finally {
        killTmux(socket);
      }
    },
  );
});

describe("fish", () => {
  it(
    "completes a command, a flag and an enum value on TAB, with the script in ~/.config/fish/completions",
    spawning,
    async () => {
      const { env, script } = await shellHome("fish");
      const completions = join(env.XDG_CONFIG_HOME as string, "fish", "completions");
      await mkdir(completions, { recursive: true });
      await writeFile(join(completions, "dubkit.fish"), script);
      const socket = await fish(env, []);
      try {
        await completesCommandFlagAndValue(socket);
      } finally {
        killTmux(socket);
      }
    },
  );

  it("completes on TAB with the script piped to source, as its help says", spawning, async () => {
    const { env } = await shellHome("fish");
    const socket = await fish(env, ["dubkit completion fish | source"]);
    try {
      await completesCommandFlagAndValue(socket);
    } finally {
      killTmux(socket);
    }
  });

  it(
    "offers the same candidates as bash: commands, flags, values of flags and arguments, files and profiles",
    spawning,
    async () => {
      const { env, home, script } = await shellHome("fish");
      const path = join(home, "dubkit.fish");
      await writeFile(path, script);
      await writeFile(join(home, "partners.csv"), "email\n");
      for (const name of ["work", "staging"]) {
        const login = await runCli(
          ["login", "--no-verify", "--profile", name],
          env,
          "dub_abcdefghijklmnopqrstuvwx",
        );
        expect(login.code, login.stderr).toBe(0);
      }
      /** fish's candidates for `line` (the cursor at its end), without their descriptions. */
      const complete = (line: string): string[] =>
        execFileSync("fish", ["--no-config", "-c", `source ${quote(path)}; complete -C ${quote(line)}`], {
          env,
          cwd: home,
          encoding: "utf8",
        })
          .split("\n")
          .filter(Boolean)
          .map((candidate) => candidate.split("\t")[0] as string)
          .sort();
      expect(complete("dubkit ")).toEqual(
        ["completion", "emulator", "login", "logout", "partners", "profiles", "whoami"].sort(),
      );
      expect(complete("dubkit partners ")).toEqual(
        ["analytics", "applications", "ban", "create", "deactivate", "get", "import", "links", "list"].sort(),
      );
      expect(complete("dubkit partners applications ")).toEqual(["approve", "list", "reject"]);
      expect(complete("dubkit partners ban --reason f")).toEqual(["fake_traffic", "fraud"]);
      expect(complete("dubkit partners analytics --group-by ")).toEqual(["count", "timeseries", "top_links"]);
      expect(complete("dubkit partners links create --l")).toEqual(["--link-props", "--local"]);
      expect(complete("dubkit partners li")).toEqual(["links", "list"]);
      expect(complete("dubkit partners list --status ap")).toEqual(["approved"]);
      expect(complete("dubkit partners list --format j")).toEqual(["json", "jsonl"]);
      expect(complete("dubkit partners list --format=c")).toEqual(["--format=csv"]);
      expect(complete("dubkit --profile work partners list --sort-order ")).toEqual(["asc", "desc"]);
      expect(complete("dubkit partners import --deb")).toEqual(["--debug"]);
      expect(complete("dubkit completion ")).toEqual(["bash", "fish", "zsh"]);
      expect(complete("dubkit partners import --plan ")).toEqual([
        "advanced",
        "business",
        "enterprise",
        "free",
        "pro",
      ]);
      expect(complete("dubkit partners import part")).toEqual(["partners.csv"]);
      expect(complete("dubkit partners create --data part")).toEqual(["partners.csv"]);
      expect(complete("dubkit profiles use ")).toEqual(["staging", "work"]);
      expect(complete("dubkit --profile w")).toEqual(["work"]);
    },
  );
});
