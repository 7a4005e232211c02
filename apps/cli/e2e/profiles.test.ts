// Where the token and base URL come from (flag > environment > profile), profiles, login's checks,
// whoami, and the config file's format and permissions, on the built bin against the emulator.

import { chmod, mkdir, readFile, stat, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { join } from "node:path";
import { type Emulator, startEmulator } from "@dubkit/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isolatedEnv, runCli, startCli } from "./run-cli.js";

const PRO_KEY = "dub_proproproproproproproproprop";
const NO_PROGRAM_KEY = "dub_noprognoprognoprognoprog";
const OTHER_KEY = "dub_otherotherotherotherother";
let emulator: Emulator;
let closedPort: number;

beforeAll(async () => {
  emulator = await startEmulator({
    port: 0,
    rateLimit: false,
    workspaces: [
      { apiKeys: [PRO_KEY], plan: "pro" },
      { apiKeys: [NO_PROGRAM_KEY], program: null },
      { apiKeys: [OTHER_KEY] },
    ],
  });
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  closedPort = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
});
afterAll(async () => {
  await emulator.stop();
});

const spawning = { timeout: 60_000 };
const configPath = (env: Record<string, string>) =>
  join(env.XDG_CONFIG_HOME as string, "dubkit", "config.json");
const programOf = (index: number) => emulator.workspaces()[index]?.programId;

async function withPartner(key: string) {
  const env = await isolatedEnv({ DUB_API_KEY: key, DUB_API_URL: emulator.url });
  const result = await runCli(["partners", "create", "--email", `p-${key.slice(4, 10)}@example.com`], env);
  expect(result.code, result.stderr).toBe(0);
}

describe("DUB_API_URL", spawning, () => {
  it("is read like DUB_API_KEY: with both exported and no flag, the CLI talks to the emulator", async () => {
    const env = await isolatedEnv({ DUB_API_KEY: emulator.apiKey, DUB_API_URL: emulator.url });
    const before = emulator.stats().requests;
    const list = await runCli(["partners", "list", "--json"], env);
    expect(list.code, list.stderr).toBe(0);
    expect(Array.isArray(JSON.parse(list.stdout))).toBe(true);
    expect(emulator.stats().requests).toBeGreaterThan(before);

    const whoami = await runCli(["whoami", "--json"], env);
    expect(JSON.parse(whoami.stdout)).toMatchObject({
      baseUrl: emulator.url,
      baseUrlSource: "DUB_API_URL",
      tokenSource: "DUB_API_KEY",
      ok: true,
    });
    // The flag still wins over the environment.
    const flag = await runCli(
      ["--base-url", `http://127.0.0.1:${closedPort}`, "--retries", "0", "whoami", "--json"],
      env,
    );
    expect(flag.code).toBe(8);
    expect(JSON.parse(flag.stdout)).toMatchObject({ baseUrlSource: "--base-url", ok: false });
  });

  it("is what the emulator prints: its two lines, exported, are all the CLI needs", async () => {
    const env = await isolatedEnv();
    const child = startCli(["emulator", "--port", "0", "--quiet"], env);
    const printed = await new Promise<Record<string, string>>((resolve, reject) => {
      let out = "";
      child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
        out += chunk;
        const vars = Object.fromEntries(
          out
            .split("\n")
            .filter((l) => l.includes("="))
            .map((l) => l.split("=", 2)),
        );
        if (vars.DUB_API_URL && vars.DUB_API_KEY) resolve(vars as Record<string, string>);
      });
      child.on("exit", () => reject(new Error(`emulator exited: ${out}`)));
    });
    try {
      expect(Object.keys(printed).sort()).toEqual(["DUB_API_KEY", "DUB_API_URL"]);
      const created = await runCli(["partners", "create", "--email", "env@example.com", "--json"], {
        ...env,
        ...printed,
      });
      expect(created.code, created.stderr).toBe(0);
      expect(JSON.parse(created.stdout)).toMatchObject({ email: "env@example.com" });
    } finally {
      const exited = new Promise((resolve) => child.on("exit", resolve));
      child.kill("SIGINT");
      await exited;
    }
  });
});

describe("dubkit login", spawning, () => {
  it("refuses what cannot be a key, saving nothing, and says what a key looks like", async () => {
    const env = await isolatedEnv();
    const result = await runCli(["--base-url", emulator.url, "login"], env, "hello\n");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("not a Dub API key; nothing was saved");
    expect(result.stderr).toContain("dub_ followed by 24 letters and digits");
    expect(result.stderr).toContain("Settings → API Keys");
    await expect(stat(configPath(env))).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("checks the key first: rejected, no plan access, no program, unreachable; nothing saved", async () => {
    const env = await isolatedEnv();
    const cases = [
      {
        key: "dub_wrongwrongwrongwrongwrong",
        url: emulator.url,
        code: 3,
        text: "Dub rejected this key (Invalid API key.)",
      },
      { key: PRO_KEY, url: emulator.url, code: 3, text: "no access to the partners API (Need higher plan)" },
      { key: NO_PROGRAM_KEY, url: emulator.url, code: 4, text: "no partner program yet (Program not found)" },
      { key: emulator.apiKey, url: `http://127.0.0.1:${closedPort}`, code: 8, text: "Could not reach" },
    ];
    for (const { key, url, code, text } of cases) {
      const result = await runCli(["--base-url", url, "--retries", "0", "login"], env, `${key}\n`);
      expect(result.code, result.stderr).toBe(code);
      expect(result.stderr).toContain(text);
      expect(result.stderr).toContain("nothing was saved");
      expect(result.stderr).not.toContain(key);
    }
    await expect(stat(configPath(env))).rejects.toMatchObject({ code: "ENOENT" });
    const offline = await runCli(
      ["--base-url", `http://127.0.0.1:${closedPort}`, "login", "--no-verify"],
      env,
      `${emulator.apiKey}\n`,
    );
    expect(offline.code, offline.stderr).toBe(0);
    expect(offline.stderr).toContain("not checked");
  });

  it("saves a checked key with its base URL, mode 0600 in a 0700 directory, trimming a CRLF", async () => {
    await withPartner(emulator.apiKey);
    const env = await isolatedEnv();
    const result = await runCli(["--base-url", emulator.url, "login"], env, `${emulator.apiKey}\r\n`);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(
      `as profile "default" (${emulator.url}; program ${programOf(0)}; can write)`,
    );
    expect(result.stderr).not.toContain(emulator.apiKey);
    const file = configPath(env);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(join(file, ".."))).mode & 0o777).toBe(0o700);
    expect(JSON.parse(await readFile(file, "utf8"))).toEqual({
      profiles: { default: { token: emulator.apiKey, baseUrl: emulator.url } },
    });
    // Later commands need neither the key nor the URL.
    const list = await runCli(["partners", "list", "--json"], env);
    expect(list.code, list.stderr).toBe(0);
  });
});

describe("profiles", spawning, () => {
  it("keeps one token and base URL per profile; --profile and DUBKIT_PROFILE choose; `use` sets the default", async () => {
    await withPartner(OTHER_KEY);
    const env = await isolatedEnv();
    const base = ["--base-url", emulator.url];
    expect((await runCli([...base, "login", "--profile", "main"], env, emulator.apiKey)).code).toBe(0);
    expect((await runCli([...base, "login", "--profile", "other"], env, OTHER_KEY)).code).toBe(0);

    const list = await runCli(["profiles", "list", "--json"], env);
    expect(JSON.parse(list.stdout)).toEqual([
      { name: "main", default: true, token: `dub_…${emulator.apiKey.slice(-4)}`, baseUrl: emulator.url },
      { name: "other", default: false, token: `dub_…${OTHER_KEY.slice(-4)}`, baseUrl: emulator.url },
    ]);
    const table = await runCli(["profiles", "list", "--format", "table"], env);
    expect(table.stdout.split("\n")[1]).toMatch(/^\*\s+main\s+dub_…/);

    const program = async (args: string[], extra: Record<string, string> = {}) =>
      JSON.parse((await runCli([...args, "whoami", "--json"], { ...env, ...extra })).stdout).program;
    expect(await program([])).toBe(programOf(0));
    expect(await program(["--profile", "other"])).toBe(programOf(3));
    expect(await program([], { DUBKIT_PROFILE: "other" })).toBe(programOf(3));
    const use = await runCli(["profiles", "use", "other"], env);
    expect(use.stderr).toBe('Default profile is now "other".\n');
    expect(await program([])).toBe(programOf(3));
    expect(await program(["--profile", "main"])).toBe(programOf(0));

    const removed = await runCli(["profiles", "remove", "main"], env);
    expect(removed.code).toBe(0);
    const unknown = await runCli(["--profile", "main", "whoami"], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('No profile named "main"');
    expect(unknown.stderr).toContain("(profiles: other)");
    const logout = await runCli(["logout"], env);
    expect(logout.code).toBe(0);
    expect((await runCli(["whoami"], env)).code).toBe(3);
    for (const result of [list, table, use, removed, unknown, logout]) {
      expect(result.stdout + result.stderr).not.toContain(emulator.apiKey);
      expect(result.stdout + result.stderr).not.toContain(OTHER_KEY);
    }
  });

  it("reads the first config format ({ token }) as profile `default`, and keeps it when rewriting", async () => {
    const env = await isolatedEnv();
    await mkdir(join(configPath(env), ".."), { recursive: true, mode: 0o700 });
    await writeFile(configPath(env), JSON.stringify({ token: emulator.apiKey }), { mode: 0o600 });
    const whoami = await runCli(["--base-url", emulator.url, "whoami", "--json"], env);
    expect(JSON.parse(whoami.stdout)).toMatchObject({ profile: "default", tokenSource: "profile", ok: true });
    expect(
      (await runCli(["--base-url", emulator.url, "login", "--profile", "second"], env, OTHER_KEY)).code,
    ).toBe(0);
    expect(JSON.parse(await readFile(configPath(env), "utf8"))).toEqual({
      profiles: { default: { token: emulator.apiKey }, second: { token: OTHER_KEY, baseUrl: emulator.url } },
    });
  });

  it("fixes a config file and directory others can read, with a warning", async () => {
    const env = await isolatedEnv();
    const dir = join(configPath(env), "..");
    await mkdir(dir, { recursive: true });
    await writeFile(configPath(env), JSON.stringify({ token: emulator.apiKey }));
    await chmod(dir, 0o777);
    await chmod(configPath(env), 0o644);
    const result = await runCli(["--base-url", emulator.url, "login", "--profile", "x"], env, OTHER_KEY);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(
      `dubkit: warning: ${dir} was readable by others (mode 0777); changed it to 0700.`,
    );
    expect(result.stderr).toContain("(mode 0644); changed it to 0600.");
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    expect((await stat(configPath(env))).mode & 0o777).toBe(0o600);
  });
});

describe("tokens", spawning, () => {
  it("trims a token's CR, and refuses one a header cannot carry before sending anything (exit 2)", async () => {
    const env = await isolatedEnv({ DUB_API_URL: emulator.url });
    const crlf = await runCli(["partners", "list", "--json"], {
      ...env,
      DUB_API_KEY: `${emulator.apiKey}\r\n`,
    });
    expect(crlf.code, crlf.stderr).toBe(0);
    const before = emulator.stats().requests;
    const space = await runCli(["--token", "dub_abc def", "partners", "list"], env);
    expect(space.code).toBe(2);
    expect(space.stderr).toContain("The token from --token contains a character an HTTP header cannot carry");
    const accent = await runCli(["partners", "list"], { ...env, DUB_API_KEY: "dub_abcdéfghijklmnopqrstuvw" });
    expect(accent.code).toBe(2);
    expect(accent.stderr).toContain("The token from DUB_API_KEY contains");
    expect(accent.stderr).not.toContain("dub_abcdéf");
    expect(emulator.stats().requests).toBe(before);
  });

  it("never quotes a token back, even one passed where the URL goes", async () => {
    const env = await isolatedEnv({ DUB_API_KEY: emulator.apiKey });
    const result = await runCli(["--base-url", emulator.apiKey, "partners", "list"], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      '--base-url must be an http(s) URL such as https://api.dub.co, got "dub_[REDACTED]".',
    );
    expect(result.stderr).not.toContain(emulator.apiKey);
  });
});

describe("dubkit whoami", spawning, () => {
  it("shows each value's source, the masked token and the program it reaches", async () => {
    await withPartner(emulator.apiKey);
    const env = await isolatedEnv({ DUB_API_KEY: emulator.apiKey });
    const result = await runCli(["--base-url", emulator.url, "whoami"], env);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(
      [
        "Profile   default (default)",
        `Token     dub_…${emulator.apiKey.slice(-4)} (DUB_API_KEY)`,
        `Base URL  ${emulator.url} (--base-url)`,
        `Program   ${programOf(0)}`,
        "Role      can write",
        `Config    ${configPath(env)}`,
        "",
      ].join("\n"),
    );
  });

  it("says when the workspace has no partners yet, and fails with the API's answer when the token does not work", async () => {
    const emptyKey = "dub_emptyemptyemptyemptyempty";
    emulator.addWorkspace({ apiKeys: [emptyKey] });
    const env = await isolatedEnv({ DUB_API_URL: emulator.url });
    const empty = await runCli(["--token", emptyKey, "whoami", "--json"], env);
    expect(JSON.parse(empty.stdout)).toMatchObject({ ok: true, program: null, tokenSource: "--token" });
    const text = await runCli(["--token", emptyKey, "whoami"], env);
    expect(text.stdout).toContain("Program   no partners yet");
    const wrong = await runCli(["--token", "dub_wrongwrongwrongwrongwrong", "whoami", "--json"], env);
    expect(wrong.code).toBe(3);
    expect(JSON.parse(wrong.stdout)).toMatchObject({ ok: false, token: "dub_…rong" });
    expect(JSON.parse(wrong.stderr)).toMatchObject({ error: { code: "unauthorized", status: 401 } });
  });
});
