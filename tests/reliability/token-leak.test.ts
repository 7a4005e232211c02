// The token-leak sweep: every CLI command (create, get, list in every format, import with its report and journal,
// links create/list/upsert (one and a FILE), analytics, ban, deactivate, applications list/approve (one, --file,
// --all-pending)/reject, login/whoami/profiles/
// logout, --local), each plain, with --debug and with --json, and in its error paths (bad input, the token given as a
// value, 404, 401, server faults, bad base URLs), plus SDK calls with a debug log and hooks, all with one recognisable
// token. Every stdout, stderr, SDK message and every file written is swept for it; the only place it may be is the
// config file, whose mode must be 0600 in a 0700 directory.
import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { inspect } from "node:util";
import { type Emulator, startEmulator } from "@dubkit/emulator";
import { Dub, type Hooks } from "@dubkit/partners";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CANARY_TOKEN, leaksCanary } from "./support/canary.js";
import { killLeftoverChildren } from "./support/child-processes.js";
import { isolatedEnv, runDubkit, startDubkit } from "./support/dubkit-cli.js";
import { runEmulatorBin, startEmulatorBin } from "./support/emulator-bin.js";
import { writeImportCsv } from "./support/import-file.js";
import { markdownTable, reportBlock, reproduce } from "./support/reliability-report.js";

/** Everything swept: a name and the text. */
const outputs: { name: string; text: string }[] = [];
const files: string[] = [];
const leaks: string[] = [];

function sweep(name: string, text: string): void {
  outputs.push({ name, text });
  if (leaksCanary(text)) leaks.push(`${name}: ${text.slice(0, 400)}`);
}

/** The canary's emulator (it accepts the token), one that rejects it, and one that fails on purpose. */
let accepting: Emulator;
let rejecting: Emulator;
let faulty: Emulator;
/** The request logs of the three emulators, swept as one output each once the runs are done. */
const emulatorLogs: Record<string, string[]> = { accepting: [], rejecting: [], faulty: [] };
beforeAll(async () => {
  const log = (line: string) => void emulatorLogs.accepting?.push(line);
  accepting = await startEmulator({ apiKey: CANARY_TOKEN, seed: 8, rateLimit: false, log });
  rejecting = await startEmulator({
    seed: 9,
    rateLimit: false,
    log: (line) => void emulatorLogs.rejecting?.push(line),
  });
  faulty = await startEmulator({
    apiKey: CANARY_TOKEN,
    seed: 10,
    rateLimit: false,
    faults: "500@1;reset-after@3;503@5;html@7;truncate@9;reset-before@11",
    log: (line) => void emulatorLogs.faulty?.push(line),
  });
});
afterAll(async () => {
  killLeftoverChildren();
  await Promise.all([accepting?.stop(), rejecting?.stop(), faulty?.stop()]);
});

/** Runs dubkit and sweeps what it printed. */
async function cli(name: string, args: string[], env: Record<string, string>, input?: string) {
  const result = await runDubkit(args, env, input);
  sweep(`dubkit ${name} (stdout)`, result.stdout);
  sweep(`dubkit ${name} (stderr)`, result.stderr);
  return result;
}

/** Runs `tasks`, at most `limit` at a time. */
async function inParallel(limit: number, tasks: (() => Promise<void>)[]): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) await tasks[next++]?.();
  };
  await Promise.all(Array.from({ length: limit }, worker));
}

/** Every file under `dir`, recursively. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

describe("token leak", () => {
  it("token leak: every CLI command, output and file", async () => {
    const env = await isolatedEnv();
    const home = env.HOME!;
    const csv = await writeImportCsv(join(home, "partners.csv"), 60, 7);
    const viaFlag = ["--base-url", accepting.url, "--token", CANARY_TOKEN];
    const withEnv = { ...env, DUB_API_KEY: CANARY_TOKEN, DUB_API_URL: accepting.url };

    // Account commands: the token reaches the config file through login's stdin, and only there.
    expect(
      (await cli("login", ["login", "--base-url", accepting.url], env, `${CANARY_TOKEN}\r\n`)).code,
    ).toBe(0);
    await cli(
      "login --profile work",
      ["login", "--profile", "work", "--base-url", accepting.url],
      env,
      CANARY_TOKEN,
    );
    await cli("whoami", ["whoami"], env);
    await cli("whoami --json", ["whoami", "--json"], env);
    await cli("profiles list", ["profiles", "list"], env);
    await cli("profiles list --json", ["profiles", "list", "--json"], env);
    await cli("profiles use", ["profiles", "use", "work"], env);

    // Partners commands, token from the profile, the flag and the environment.
    await cli("create (profile)", ["partners", "create", "--email", "a@example.com", "--name", "A"], env);
    await cli("create --json", [...viaFlag, "partners", "create", "--email", "b@example.com", "--json"], env);
    await cli(
      "create --debug",
      [...viaFlag, "--debug", "partners", "create", "--email", "c@example.com"],
      env,
    );
    await cli("create invalid --json", [...viaFlag, "--json", "partners", "create", "--email", "nope"], env);
    await cli("get", ["partners", "get", "--email", "a@example.com"], withEnv);
    await cli(
      "get --format json",
      ["partners", "get", "--email", "a@example.com", "--format", "json"],
      withEnv,
    );
    await cli("get missing --json", ["--json", "partners", "get", "--email", "none@example.com"], withEnv);
    for (const format of ["table", "json", "jsonl", "csv", "tsv"]) {
      await cli(`list --format ${format}`, ["partners", "list", "--format", format], withEnv);
      await cli(`list --all --format ${format}`, ["partners", "list", "--all", "--format", format], withEnv);
    }
    await cli("list --debug", [...viaFlag, "--debug", "partners", "list", "--all"], env);

    // Imports: report files (JSON Lines and CSV), the journal, the summary, a dry run, --debug.
    await cli(
      "import",
      [
        ...viaFlag,
        "partners",
        "import",
        csv.path,
        "--rate",
        "off",
        "--report",
        join(home, "r.jsonl"),
        "--json",
      ],
      env,
    );
    await cli(
      "import --report csv",
      [
        ...viaFlag,
        "partners",
        "import",
        csv.path,
        "--rate",
        "off",
        "--report",
        join(home, "r.csv"),
        "--journal",
        join(home, "j2"),
      ],
      env,
    );
    await cli(
      "import --dry-run",
      [...viaFlag, "partners", "import", csv.path, "--dry-run", "--report", join(home, "dry.jsonl")],
      env,
    );
    await cli(
      "import --debug",
      [
        ...viaFlag,
        "--debug",
        "partners",
        "import",
        csv.path,
        "--journal",
        join(home, "j3"),
        "--report",
        join(home, "r3.jsonl"),
      ],
      env,
    );

    // Failures: a rejected token, server faults with retries, a refused connection, bad base URLs, bad tokens.
    const rejected = ["--base-url", rejecting.url, "--token", CANARY_TOKEN];
    await cli("401 --json", [...rejected, "--json", "partners", "list"], env);
    await cli("401 --debug", [...rejected, "--debug", "partners", "create", "--email", "e@example.com"], env);
    await cli("401 whoami", [...rejected, "whoami", "--json"], env);
    await cli("401 login", ["login", "--profile", "bad", "--base-url", rejecting.url], env, CANARY_TOKEN);
    await cli(
      "401 import",
      [
        ...rejected,
        "partners",
        "import",
        csv.path,
        "--journal",
        join(home, "j4"),
        "--report",
        join(home, "r4.jsonl"),
      ],
      env,
    );
    const faults = ["--base-url", faulty.url, "--token", CANARY_TOKEN, "--debug"];
    for (let i = 0; i < 4; i++)
      await cli(
        `faults --debug ${i}`,
        [...faults, "partners", "create", "--email", `f${i}@example.com`],
        env,
      );
    await cli("faults list --json", [...faults, "--json", "partners", "list"], env);
    await cli(
      "refused --debug --json",
      ["--base-url", "http://127.0.0.1:9", "--token", CANARY_TOKEN, "--debug", "--json", "partners", "list"],
      env,
    );
    await cli(
      "token as the base URL",
      ["--base-url", CANARY_TOKEN, "--token", CANARY_TOKEN, "partners", "list"],
      env,
    );
    await cli(
      "token as the base URL --json",
      ["--json", "--base-url", CANARY_TOKEN, "partners", "list"],
      withEnv,
    );
    await cli(
      "token in the base URL path",
      ["--base-url", `http://127.0.0.1:9/${CANARY_TOKEN}`, "--token", CANARY_TOKEN, "partners", "list"],
      env,
    );
    await cli(
      "token in the base URL query",
      ["--base-url", `http://127.0.0.1:9/?key=${CANARY_TOKEN}`, "--debug", "partners", "list"],
      withEnv,
    );
    await cli(
      "remote http base URL",
      ["--base-url", "http://api.example.com", "--token", CANARY_TOKEN, "partners", "list"],
      env,
    );
    await cli(
      "*.localhost base URL",
      ["--base-url", "http://evil.localhost", "--token", CANARY_TOKEN, "partners", "list"],
      env,
    );
    await cli(
      "token with a control character",
      ["--base-url", accepting.url, "--token", `${CANARY_TOKEN}\u0001`, "partners", "list"],
      env,
    );
    await cli("token with a CR from the environment", ["partners", "list"], {
      ...withEnv,
      DUB_API_KEY: `${CANARY_TOKEN}\r`,
    });
    await cli(
      "token with a space inside",
      ["--base-url", accepting.url, "--token", `${CANARY_TOKEN} x`, "--json", "partners", "list"],
      env,
    );
    await cli("unknown option with the token", ["partners", "list", `--${CANARY_TOKEN}`], withEnv);
    await cli("unknown command with the token", [CANARY_TOKEN], withEnv);
    await cli(
      "login with a bad token",
      ["login", "--profile", "x", "--no-verify"],
      env,
      `not a key ${CANARY_TOKEN}!`,
    );

    // --local with the token on its command line: the lock file names the holder's command, masked.
    const holder = startDubkit(
      [
        "--local",
        "--token",
        CANARY_TOKEN,
        "partners",
        "import",
        csv.path,
        "--rate",
        "20/s",
        "--journal",
        join(home, "j5"),
        "--report",
        join(home, "r5.jsonl"),
      ],
      env,
    );
    const lockFile = join(home, ".local", "share", "dubkit", "emulator-state.json.lock");
    let lockText = "";
    for (let waited = 0; lockText === "" && waited < 20_000 && holder.child.exitCode === null; waited += 20) {
      lockText = await readFile(lockFile, "utf8").catch(() => "");
      if (lockText === "") await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(lockText).toContain("--token");
    sweep("--local lock file", lockText);
    const waiter = await cli(
      "--local while another holds it",
      ["--local", "--token", CANARY_TOKEN, "partners", "list"],
      { ...env, DUBKIT_LOCAL_WAIT_MS: "0" },
    );
    expect(waiter.stderr).toContain("in use by");
    const held = await holder.done;
    expect(held.code, held.stderr).toBe(1);
    sweep("dubkit --local holder (stdout)", held.stdout);
    sweep("dubkit --local holder (stderr)", held.stderr);
    await cli("logout", ["logout", "--profile", "work"], env);
    await cli("--help", ["--help"], withEnv);
    await cli("partners import --help", ["partners", "import", "--help"], withEnv);
    await cli("completion bash", ["completion", "bash"], withEnv);
    await cli("emulator --help", ["emulator", "--help"], withEnv);

    // The emulator bin with the token as its key: its log, lock file and data file (its stdout prints the key: that
    // is what it is for, like the config file).
    const dataFile = join(home, "emulator.log");
    const bin = await startEmulatorBin(["--api-key", CANARY_TOKEN, "--data", dataFile]);
    sweep("dubkit-emulator lock file", await readFile(`${dataFile}.lock`, "utf8"));
    const second = await runEmulatorBin(["--api-key", CANARY_TOKEN, "--data", dataFile]);
    sweep("second dubkit-emulator (stderr)", second.stderr);
    sweep("second dubkit-emulator (stdout)", second.stdout);
    await fetch(`${bin.url}/partners`, { headers: { authorization: `Bearer ${CANARY_TOKEN}` } });
    await fetch(`${bin.url}/partners?key=${CANARY_TOKEN}`);
    const stopped = await bin.stop();
    sweep("dubkit-emulator (stderr)", stopped.stderr);

    // Every file written, except the config file, whose permissions are checked instead.
    const config = join(home, ".config", "dubkit", "config.json");
    expect((await stat(config)).mode & 0o777).toBe(0o600);
    expect((await stat(join(home, ".config", "dubkit"))).mode & 0o777).toBe(0o700);
    // The detector finds the token where it is kept, so a clean sweep means something.
    expect(leaksCanary(await readFile(config, "utf8"))).toBe(true);
    for (const file of await filesUnder(home)) {
      if (file === config) continue;
      files.push(file);
      sweep(`file ${file.slice(home.length + 1)}`, await readFile(file, "latin1"));
    }
    expect(leaks).toEqual([]);
  }, 180_000);

  it("token leak: partner-program and account commands, with --debug, --json and their errors", async () => {
    const env = await isolatedEnv();
    const home = env.HOME!;
    const viaFlag = ["--base-url", accepting.url, "--token", CANARY_TOKEN];
    const withEnv = { ...env, DUB_API_KEY: CANARY_TOKEN, DUB_API_URL: accepting.url };
    const rejected = ["--base-url", rejecting.url, "--token", CANARY_TOKEN];
    /** The same command plain, with --debug and with --json; `args(i)` may name another target for each. */
    const threeWays = async (name: string, args: (variant: number) => string[], runEnv = env) => {
      const results = [];
      for (const [variant, extra] of [[], ["--debug"], ["--json"]].entries()) {
        results.push(await cli(`${name} ${extra.join(" ")}`.trim(), [...extra, ...args(variant)], runEnv));
      }
      return results;
    };

    // Account commands: the token reaches the config file through login's stdin (a CRLF token file too).
    for (const [variant, extra] of [[], ["--debug"], ["--json"]].entries()) {
      const login = await cli(
        `login ${extra.join(" ")}`.trim(),
        [...extra, "login", "--profile", `p${variant}`, "--base-url", accepting.url],
        env,
        variant === 1 ? `${CANARY_TOKEN}\r\n` : CANARY_TOKEN,
      );
      expect(login.code, login.stderr).toBe(0);
    }
    await cli("profiles use", ["profiles", "use", "p0"], env);
    await threeWays("whoami", () => ["whoami"]);
    await threeWays("profiles list", () => ["profiles", "list"]);

    // What the commands act on: partners (two with a link), pending applications.
    await using dub = new Dub({ token: CANARY_TOKEN, serverURL: accepting.url });
    for (const tenant of ["pp", "ban0", "ban1", "ban2", "off0", "off1", "off2"])
      await dub.partners.create({ email: `${tenant}@program.example.com`, tenantId: tenant });
    const applicants: string[] = [];
    for (let i = 0; i < 12; i++)
      applicants.push((await accepting.addApplication({ email: `applicant${i}@example.com` })).partnerId);

    // Each command three ways, the token from the profile, the flag and the environment.
    const links = (...args: string[]) => ["partners", "links", ...args];
    const created = await threeWays("links create", (i) => [
      ...links("create", "--tenant-id", "pp", "--key", `pp-key-${i}`),
    ]);
    for (const result of created) expect(result.code, result.stderr).toBe(0);
    await threeWays("links create (flag)", (i) => [
      ...viaFlag,
      ...links("create", "--email", "pp@program.example.com", "--url", `https://acme.test/f${i}`),
    ]);
    await threeWays("links list", () => links("list", "--tenant-id", "pp"), withEnv);
    for (const format of ["table", "jsonl", "csv", "tsv"])
      await cli(`links list --format ${format}`, links("list", "--tenant-id", "pp", "--format", format), env);
    await threeWays("links upsert", (i) =>
      links("upsert", "--tenant-id", "pp", "--url", `https://acme.test/upsert-${i}`),
    );
    await threeWays("analytics", () => ["partners", "analytics", "--tenant-id", "pp"], withEnv);
    await threeWays("analytics --group-by", () => [
      ...viaFlag,
      ...["partners", "analytics", "--tenant-id", "pp", "--group-by", "top_links"],
    ]);
    const bans = await threeWays("ban --yes", (i) => [
      ...["partners", "ban", "--tenant-id", `ban${i}`, "--reason", "fraud", "--yes"],
    ]);
    for (const result of bans) expect(result.code, result.stderr).toBe(0);
    const deactivations = await threeWays(
      "deactivate --yes",
      (i) => ["partners", "deactivate", "--tenant-id", `off${i}`, "--yes"],
      withEnv,
    );
    for (const result of deactivations) expect(result.code, result.stderr).toBe(0);
    await threeWays("applications list", () => ["partners", "applications", "list"]);
    const approvals = await threeWays("applications approve", (i) => [
      ...viaFlag,
      ...["partners", "applications", "approve", applicants[i]!],
    ]);
    for (const result of approvals) expect(result.code, result.stderr).toBe(0);
    const rejections = await threeWays("applications reject --yes", (i) => [
      ...["partners", "applications", "reject", applicants[3 + i]!, "--reason", "other", "--yes"],
    ]);
    for (const result of rejections) expect(result.code, result.stderr).toBe(0);

    // The bulk forms, with their journals and reports: links upsert FILE (one row carries the token as its key, and
    // is refused), approve --file and approve --all-pending.
    const linkFile = join(home, "links.csv");
    await writeFile(
      linkFile,
      `tenantId,url,key\npp,https://acme.test/bulk-a,bulk-a\npp,https://acme.test/bulk-b,${CANARY_TOKEN}\n`,
    );
    const upserts = await threeWays("links upsert FILE", (i) => [
      ...links("upsert", linkFile, "--journal", join(home, `links-${i}.journal`)),
      ...["--report", join(home, `links-${i}.failed.csv`)],
    ]);
    for (const result of upserts) expect(result.code, result.stderr).toBe(1);
    const approveFile = join(home, "approve.csv");
    await writeFile(approveFile, `partnerId\n${applicants.slice(6, 9).join("\n")}\n`);
    const [byFile] = await threeWays("applications approve --file", (i) => [
      ...["partners", "applications", "approve", "--file", approveFile, "--yes"],
      ...["--journal", join(home, `approve-${i}.journal`)],
    ]);
    const [allPending] = await threeWays("applications approve --all-pending", (i) => [
      ...["partners", "applications", "approve", "--all-pending", "--yes"],
      ...["--journal", join(home, `pending-${i}.journal`)],
    ]);
    expect(byFile?.code, byFile?.stderr).toBe(0);
    expect(allPending?.code, allPending?.stderr).toBe(0);
    expect(allPending?.stderr).toMatch(/approved/i);

    // Bad input, the token given where a value goes included: refused before anything is sent, or by Dub.
    const badInput: [string, string[]][] = [
      ["links create --url not a URL", links("create", "--tenant-id", "pp", "--url", "not a url")],
      [
        "links create --link-props bad JSON",
        links("create", "--tenant-id", "pp", "--link-props", `{${CANARY_TOKEN}`),
      ],
      ["links upsert without --url", links("upsert", "--tenant-id", "pp")],
      ["links upsert --url token", links("upsert", "--tenant-id", "pp", "--url", CANARY_TOKEN)],
      ["links list with no partner", links("list")],
      ["analytics --start token", ["partners", "analytics", "--tenant-id", "pp", "--start", CANARY_TOKEN]],
      [
        "analytics --group-by token",
        ["partners", "analytics", "--tenant-id", "pp", "--group-by", CANARY_TOKEN],
      ],
      ["ban without --reason", ["partners", "ban", "--tenant-id", "pp", "--yes"]],
      ["ban without --yes", ["partners", "ban", "--tenant-id", "pp", "--reason", "fraud"]],
      ["ban twice", ["partners", "ban", "--tenant-id", "ban0", "--reason", "fraud", "--yes"]],
      ["deactivate twice", ["partners", "deactivate", "--tenant-id", "off0", "--yes"]],
      [
        "applications list --page-size token",
        ["partners", "applications", "list", "--page-size", CANARY_TOKEN],
      ],
      ["applications approve twice", ["partners", "applications", "approve", applicants[0]!]],
      [
        "applications reject --reason token",
        ["partners", "applications", "reject", applicants[5]!, "--reason", CANARY_TOKEN, "--yes"],
      ],
      ["whoami --profile token", ["whoami", "--profile", CANARY_TOKEN]],
      ["profiles use token", ["profiles", "use", CANARY_TOKEN]],
    ];
    // The failures below change nothing, so they run four at a time, each with --debug (the plain message, the
    // request log and the stack) and with --json.
    const failures: { name: string; args: string[]; env: Record<string, string>; exit?: number }[] = [];
    for (const [name, args] of badInput) failures.push({ name, args, env });

    // The token as a value Dub may take (a link's key): whatever the outcome, the output must not show it.
    await threeWays("links create --key token", () =>
      links("create", "--tenant-id", "pp", "--key", CANARY_TOKEN),
    );

    // 404s: a partner or application that is not there; the token given as the id, tenant id or email.
    const missing = "pn_1JKL0MISSING0000000000000";
    const notFound: [string, string[]][] = [
      ["links create (missing id)", links("create", "--partner-id", missing)],
      ["links list (missing id)", links("list", "--partner-id", missing)],
      ["links upsert (missing id)", links("upsert", "--partner-id", missing, "--url", "https://acme.test")],
      ["analytics (missing id)", ["partners", "analytics", "--partner-id", missing]],
      ["ban (missing id)", ["partners", "ban", "--partner-id", missing, "--reason", "fraud", "--yes"]],
      ["deactivate (missing id)", ["partners", "deactivate", "--partner-id", missing, "--yes"]],
      ["applications approve (missing id)", ["partners", "applications", "approve", missing]],
      ["applications reject (missing id)", ["partners", "applications", "reject", missing, "--yes"]],
      ["links list (token as the id)", links("list", "--partner-id", CANARY_TOKEN)],
      ["links list (token as the tenant id)", links("list", "--tenant-id", CANARY_TOKEN)],
      ["analytics (token as the tenant id)", ["partners", "analytics", "--tenant-id", CANARY_TOKEN]],
      [
        "ban (token in the email)",
        ["partners", "ban", "--email", `${CANARY_TOKEN}@example.com`, "--reason", "fraud", "--yes"],
      ],
      ["applications approve (token as the id)", ["partners", "applications", "approve", CANARY_TOKEN]],
      [
        "applications reject (token as the id)",
        ["partners", "applications", "reject", CANARY_TOKEN, "--yes"],
      ],
    ];
    for (const [name, args] of notFound) failures.push({ name, args, env: withEnv });

    // 401s: every command with a token Dub rejects.
    const unauthorized: [string, string[]][] = [
      ["links create", links("create", "--partner-id", "pn_x")],
      ["links list", links("list", "--tenant-id", "pp")],
      ["links upsert", links("upsert", "--partner-id", "pn_x", "--url", "https://acme.test")],
      ["analytics", ["partners", "analytics", "--tenant-id", "pp"]],
      ["ban", ["partners", "ban", "--partner-id", "pn_x", "--reason", "fraud", "--yes"]],
      ["deactivate", ["partners", "deactivate", "--email", "pp@program.example.com", "--yes"]],
      ["applications list", ["partners", "applications", "list", "--all"]],
      ["applications approve", ["partners", "applications", "approve", "pn_x"]],
      ["applications reject", ["partners", "applications", "reject", "pn_x", "--yes"]],
      ["whoami", ["whoami"]],
    ];
    for (const [name, args] of unauthorized)
      failures.push({ name: `401 ${name}`, args: [...rejected, ...args], env, exit: 3 });
    await inParallel(
      4,
      failures.flatMap(({ name, args, env: runEnv, exit }) =>
        [["--debug"], ["--json"]].map((extra) => async () => {
          const result = await cli(`${name} ${extra.join(" ")}`, [...extra, ...args], runEnv);
          if (exit === undefined) expect(result.code, `${name}: ${result.stderr}`).not.toBe(0);
          else expect(result.code, `${name}: ${result.stderr}`).toBe(exit);
        }),
      ),
    );
    for (const [variant, extra] of [[], ["--debug"], ["--json"]].entries()) {
      const login = await cli(
        `401 login ${extra.join(" ")}`.trim(),
        [...extra, "login", "--profile", `rejected${variant}`, "--base-url", rejecting.url],
        env,
        CANARY_TOKEN,
      );
      expect(login.code, login.stderr).toBe(3);
    }

    // Every file written, except the config file, whose permissions are checked instead.
    const config = join(home, ".config", "dubkit", "config.json");
    expect((await stat(config)).mode & 0o777).toBe(0o600);
    expect(leaksCanary(await readFile(config, "utf8"))).toBe(true);
    for (const file of await filesUnder(home)) {
      // The config file, and links.csv: the input this test wrote with the token in a row.
      if (file === config || file === linkFile) continue;
      files.push(file);
      sweep(`file ${file.slice(home.length + 1)}`, await readFile(file, "latin1"));
    }
    expect(leaks).toEqual([]);
  }, 240_000);

  it("token leak: SDK calls with a debug log and hooks", async () => {
    const debug: string[] = [];
    const seen: unknown[] = [];
    // The hooks record what dubkit hands them besides the request headers (which must carry the token).
    const hooks: Hooks = {
      afterResponse: (_context, response) => void seen.push(response.body),
      afterError: (_context, error) => void seen.push(error),
      beforeRetry: (_context, info) => void seen.push(info.error),
    };
    const client = (serverURL: string, token = CANARY_TOKEN) =>
      new Dub({
        token,
        serverURL,
        hooks,
        debug: (line: string) => void debug.push(line),
        retries: { strategy: "backoff", backoff: { initialInterval: 5, maxInterval: 10 } },
      });
    const calls: [string, () => Promise<unknown>][] = [
      ["create", () => client(accepting.url).partners.create({ email: "sdk@example.com" })],
      ["list", async () => (await client(accepting.url).partners.list()).data],
      ["401", () => client(rejecting.url).partners.create({ email: "sdk2@example.com" })],
      [
        "faults",
        () =>
          client(faulty.url).partners.create(
            { email: "sdk3@example.com" },
            { retries: { strategy: "none" } },
          ),
      ],
      ["faults with retries", () => client(faulty.url).partners.create({ email: "sdk4@example.com" })],
      ["refused", async () => (await client("http://127.0.0.1:9").partners.list()).data],
      ["timeout", async () => (await client(faulty.url).partners.list({}, { timeoutMs: 1 })).data],
      ["token as serverURL", async () => client(CANARY_TOKEN).partners.list()],
      ["token in serverURL", async () => client(`http://127.0.0.1:9/${CANARY_TOKEN}`).partners.list()],
      [
        "token with a control character",
        async () => client(accepting.url, `${CANARY_TOKEN}\u0001`).partners.list(),
      ],
      ["invalid body naming the token", () => client(accepting.url).partners.create({ email: CANARY_TOKEN })],
    ];
    for (const [name, call] of calls) {
      try {
        sweep(`SDK ${name} value`, JSON.stringify(await call()));
      } catch (error) {
        sweep(
          `SDK ${name} error`,
          `${String(error)}\n${(error as Error).stack}\n${JSON.stringify(error)}\n${inspect(error, { depth: 5 })}`,
        );
      }
    }
    sweep("SDK hook arguments", seen.map((value) => inspect(value, { depth: 5 })).join("\n"));
    sweep("SDK debug log", debug.join("\n"));
    for (const [name, lines] of Object.entries(emulatorLogs))
      sweep(`emulator request log (${name})`, lines.join("\n"));
    expect(debug.length).toBeGreaterThan(0);
    expect(leaks).toEqual([]);

    const byKind = (prefix: string) => outputs.filter((o) => o.name.startsWith(prefix)).length;
    const markdown = [
      `Token \`${CANARY_TOKEN.slice(0, 8)}…\` (a recognisable canary) passed by \`--token\`, \`DUB_API_KEY\`, ` +
        "`login`'s stdin, `--local` and the SDK's `token`, and as a value where it does not belong (a base URL, " +
        "a field, a link key, a partner id, an option name). A leak is its head or its middle anywhere; masked forms " +
        "show only its last 4.",
      "",
      "Every `dubkit` command runs: partners create, get, list (every format), import (reports, journals, dry run), " +
        "links create/list/upsert (one and a FILE), analytics, ban, deactivate, applications list/approve (one, " +
        "`--file`, `--all-pending`)/reject, login, whoami, " +
        "profiles, logout, completion, `--local`; each plain, with `--debug` and with `--json`, and in its error " +
        "paths (bad input, 401, 404, server faults, bad base URLs).",
      "",
      markdownTable(
        ["swept", "count"],
        [
          ["dubkit runs (each command plain, with --debug, with --json; errors)", byKind("dubkit ") / 2],
          ["CLI outputs (stdout and stderr of each dubkit run)", byKind("dubkit ")],
          ["files written (reports, journals, CSV, data and lock files)", files.length],
          [
            "SDK calls (value or error: message, stack, JSON, inspect), hook arguments, debug log",
            byKind("SDK "),
          ],
          [
            "emulator outputs (request logs, bin stderr, lock files)",
            outputs.length - byKind("dubkit ") - byKind("file ") - byKind("SDK "),
          ],
          ["**leaks found**", `**${leaks.length}**`],
        ],
      ),
      "",
      "The config file is the one place the token is kept: mode 0600 in a 0700 directory, asserted. The emulator " +
        "bin's stdout prints its key by design (`DUB_API_KEY=…`) and is not swept.",
      "",
      `Reproduce: ${reproduce("token leak")}`,
    ].join("\n");
    expect(reportBlock("token-leak", markdown)).toBeUndefined();
  }, 60_000);
});
