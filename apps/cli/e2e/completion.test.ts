// Shell completion in a real bash: the script `dubkit completion bash` prints is sourced, registered
// with `complete`, and asked for candidates the way bash asks (COMP_WORDS/COMP_CWORD), then once more
// by pressing TAB in an interactive bash inside tmux.

import { execFileSync } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { expect, it } from "vitest";
import { withDubkitOnPath } from "./dubkit-on-path.js";
import { isolatedEnv, runCli } from "./run-cli.js";
import { killTmux, tmux, waitForScreen } from "./tmux.js";

const spawning = { timeout: 60_000 };

/** An environment whose PATH has a `dubkit` that runs the built bin, as an installed one would. */
async function shellEnv() {
  const env = await isolatedEnv();
  const script = join(env.HOME as string, "dubkit.bash");
  await writeFile(script, (await runCli(["completion", "bash"], env)).stdout);
  return { env: await withDubkitOnPath(env), script };
}

/** The candidates bash's completion function offers for `line` (the cursor at its end). */
function complete(shell: { env: Record<string, string>; script: string }, line: string): string[] {
  // bash's own word splitting for completion breaks at COMP_WORDBREAKS, which includes "=".
  const words = line.replace(/=/g, " = ").split(/ +/);
  if (line.endsWith(" ")) words[words.length - 1] = "";
  const program = `source ${JSON.stringify(shell.script)}
COMP_WORDS=(${words.map((word) => `'${word}'`).join(" ")})
COMP_CWORD=${words.length - 1}
COMP_LINE=${JSON.stringify(line)}
_dubkit
printf '%s\\n' "\${COMPREPLY[@]}"`;
  const output = execFileSync("bash", ["--norc", "-c", program], {
    env: shell.env,
    cwd: shell.env.HOME,
    encoding: "utf8",
  });
  return output.split("\n").filter(Boolean).sort();
}

it("registers a completion function for dubkit in bash", spawning, async () => {
  const shell = await shellEnv();
  const registered = execFileSync(
    "bash",
    ["--norc", "-c", `source ${JSON.stringify(shell.script)}; complete -p dubkit`],
    {
      env: shell.env,
      encoding: "utf8",
    },
  );
  expect(registered.trim()).toBe("complete -F _dubkit dubkit");
});

it("completes commands, subcommands, flags, and the values of flags and arguments", spawning, async () => {
  const shell = await shellEnv();
  expect(complete(shell, "dubkit ")).toEqual(
    ["completion", "emulator", "login", "logout", "partners", "profiles", "whoami"].sort(),
  );
  expect(complete(shell, "dubkit partners ")).toEqual(
    ["analytics", "applications", "ban", "create", "deactivate", "get", "import", "links", "list"].sort(),
  );
  expect(complete(shell, "dubkit partners applications ")).toEqual(["approve", "list", "reject"]);
  expect(complete(shell, "dubkit partners ban --reason f")).toEqual(["fake_traffic", "fraud"]);
  expect(complete(shell, "dubkit partners analytics --group-by ")).toEqual([
    "count",
    "timeseries",
    "top_links",
  ]);
  expect(complete(shell, "dubkit partners links create --l")).toEqual(["--link-props", "--local"]);
  expect(complete(shell, "dubkit partners links list --pa")).toEqual(["--partner-id"]);
  expect(complete(shell, "dubkit partners li")).toEqual(["links", "list"]);
  expect(complete(shell, "dubkit partners lis")).toEqual(["list"]);
  expect(complete(shell, "dubkit partners list --st")).toEqual(["--status"]);
  expect(complete(shell, "dubkit partners list --status ap")).toEqual(["approved"]);
  expect(complete(shell, "dubkit partners list --format j")).toEqual(["json", "jsonl"]);
  expect(complete(shell, "dubkit partners list --format=c")).toEqual(["csv"]);
  // Flags that take a value are skipped with it: `work` is --profile's value, not a command.
  expect(complete(shell, "dubkit --profile work partners list --sort-order ")).toEqual(["asc", "desc"]);
  // The program's flags work after any command.
  expect(complete(shell, "dubkit partners import --deb")).toEqual(["--debug"]);
  expect(complete(shell, "dubkit completion ")).toEqual(["bash", "fish", "zsh"]);
  expect(complete(shell, "dubkit partners import --plan ")).toEqual([
    "advanced",
    "business",
    "enterprise",
    "free",
    "pro",
  ]);
});

it("completes file names for file arguments and profile names from the config", spawning, async () => {
  const shell = await shellEnv();
  await writeFile(join(shell.env.HOME as string, "partners.csv"), "email\n");
  expect(complete(shell, "dubkit partners import part")).toEqual(["partners.csv"]);
  expect(complete(shell, "dubkit partners create --data part")).toEqual(["partners.csv"]);
  for (const name of ["work", "staging"]) {
    const login = await runCli(
      ["login", "--no-verify", "--profile", name],
      shell.env,
      "dub_abcdefghijklmnopqrstuvwx",
    );
    expect(login.code, login.stderr).toBe(0);
  }
  expect(complete(shell, "dubkit profiles use ")).toEqual(["staging", "work"]);
  expect(complete(shell, "dubkit --profile w")).toEqual(["work"]);
});

it("completes on TAB in an interactive bash", spawning, async () => {
  const shell = await shellEnv();
  const socket = `dubkit-e2e-completion-${process.pid}`;
  const rc = join(shell.env.HOME as string, "bashrc");
  await writeFile(rc, `PS1='$ '\nsource ${JSON.stringify(shell.script)}\n`);
  const envArgs = Object.entries({ ...shell.env, TERM: "xterm-256color" }).map(
    ([key, value]) => `${key}='${value.replace(/'/g, "'\\''")}'`,
  );
  try {
    tmux(
      socket,
      "new-session",
      "-d",
      "-s",
      "dubkit",
      "-x",
      "120",
      "-y",
      "20",
      `env -i ${envArgs.join(" ")} bash --rcfile ${rc} -i`,
    );
    // capture-pane drops trailing spaces: the prompt "$ " shows as "$".
    await waitForScreen(socket, (screen) => screen.startsWith("$"));
    tmux(socket, "send-keys", "-t", "dubkit", "-l", "dubkit partners lis");
    tmux(socket, "send-keys", "-t", "dubkit", "Tab");
    tmux(socket, "send-keys", "-t", "dubkit", "-l", "--", "--status app");
    tmux(socket, "send-keys", "-t", "dubkit", "Tab");
    const screen = await waitForScreen(socket, (s) => s.includes("dubkit partners list --status approved"));
    expect(screen.split("\n")[0]).toBe("$ dubkit partners list --status approved");
  } finally {
    killTmux(socket);
  }
});
