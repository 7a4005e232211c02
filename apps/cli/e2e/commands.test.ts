import { stat, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { join } from "node:path";
import { type Emulator, startEmulator } from "@dubkit/emulator";
import { Dub } from "@dubkit/partners";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isolatedEnv, runCli, startCli } from "./run-cli.js";

let emulator: Emulator;
// Shifting the emulator's clock back makes an enrollment look old, for the "already enrolled" case.
let clockOffsetMs = 0;

beforeAll(async () => {
  emulator = await startEmulator({
    port: 0,
    seed: 7,
    rateLimit: false,
    clock: () => Date.now() - clockOffsetMs,
  });
});
afterAll(async () => {
  await emulator.stop();
});

async function env(extra: Record<string, string> = {}) {
  return isolatedEnv({ DUB_API_KEY: emulator.apiKey, ...extra });
}
const api = () => ["--base-url", emulator.url];
// Each test spawns the built CLI one or more times, which on a loaded 2-core machine can take longer than vitest's
// 5 s default; the timeout only stops a hung run, it measures nothing.
const spawning = { timeout: 60_000 };

describe("dubkit partners create", spawning, () => {
  it("creates a partner from flags and prints a summary", async () => {
    const result = await runCli(
      [
        ...api(),
        "partners",
        "create",
        "--email",
        "ada@example.com",
        "--name",
        "Ada Lovelace",
        "--tenant-id",
        "u_ada",
        "--country",
        "GB",
      ],
      await env(),
    );
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toMatch(/^Enrolled Ada Lovelace <ada@example.com>/);
    expect(result.stdout).toMatch(/tenantId\s+u_ada/);
    const enrollment = emulator.enrollments().find((e) => e.tenantId === "u_ada");
    expect(enrollment).toBeDefined();
  });

  it("prints the full partner as JSON with --json, from a --data file with flags on top", async () => {
    const e = await env();
    const file = join(e.HOME as string, "body.json");
    await writeFile(
      file,
      JSON.stringify({ email: "bob@example.com", name: "Bob", linkProps: { externalId: "b1" } }),
    );
    const result = await runCli(
      [...api(), "partners", "create", "--data", file, "--name", "Robert", "--json"],
      e,
    );
    expect(result.code).toBe(0);
    const partner = JSON.parse(result.stdout);
    expect(partner).toMatchObject({ email: "bob@example.com", name: "Robert", status: "approved" });
    expect(partner.id).toMatch(/^pn_/);
  });

  it("reads the body from stdin with --data - and --link-props as JSON", async () => {
    const result = await runCli(
      [...api(), "partners", "create", "--data", "-", "--link-props", '{"externalId":"c1"}', "--json"],
      await env(),
      '{"email":"cy@example.com"}',
    );
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ email: "cy@example.com", name: "cy@example.com" });
  });

  it("says when the partner was already enrolled", async () => {
    clockOffsetMs = 3_600_000;
    const first = await runCli([...api(), "partners", "create", "--email", "old@example.com"], await env());
    clockOffsetMs = 0;
    expect(first.code).toBe(0);
    const again = await runCli([...api(), "partners", "create", "--email", "old@example.com"], await env());
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^Already enrolled old@example.com <old@example.com>/);
  });

  it("exits 2 naming the field when the body is invalid, before sending anything", async () => {
    const before = emulator.stats().requests;
    const bad = await runCli([...api(), "partners", "create", "--email", "not-an-email"], await env());
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(
      "dubkit: Invalid partner, nothing was sent: email must look like name@example.com.\n",
    );
    const badJson = await runCli(
      [...api(), "partners", "create", "--email", "x@example.com", "--link-props", "{"],
      await env(),
    );
    expect(badJson.code).toBe(2);
    expect(badJson.stderr).toContain("--link-props is not valid JSON");
    expect(emulator.stats().requests).toBe(before);
  });

  it("exits 4 when the API answers 404 (unknown group) and 5 on a tenantId conflict", async () => {
    const notFound = await runCli(
      [...api(), "partners", "create", "--email", "g@example.com", "--group-id", "nope"],
      await env(),
    );
    expect(notFound.code).toBe(4);
    expect(notFound.stderr).toContain('Group "nope" not found.');
    await runCli(
      [...api(), "partners", "create", "--email", "t1@example.com", "--tenant-id", "taken"],
      await env(),
    );
    await runCli(
      [...api(), "partners", "create", "--email", "t2@example.com", "--tenant-id", "other"],
      await env(),
    );
    const conflict = await runCli(
      [...api(), "partners", "create", "--email", "t2@example.com", "--tenant-id", "taken"],
      await env(),
    );
    expect(conflict.code).toBe(5);
    expect(conflict.stderr).toContain("already in associated with another partner");
  });
});

describe("dubkit partners list", spawning, () => {
  it("prints a table, JSON, and every page with --all", async () => {
    const table = await runCli(
      [...api(), "partners", "list", "--sort-by", "createdAt", "--sort-order", "asc", "--format", "table"],
      await env(),
    );
    expect(table.code).toBe(0);
    expect(table.stdout.split("\n")[0]).toMatch(/^id\s+name\s+email\s+status\s+tenantId\s+createdAt$/);
    expect(table.stdout).toContain("ada@example.com");

    const onePage = await runCli([...api(), "partners", "list", "--page-size", "2", "--json"], await env());
    expect(onePage.code).toBe(0);
    expect(JSON.parse(onePage.stdout)).toHaveLength(2);

    const all = await runCli(
      [...api(), "partners", "list", "--page-size", "2", "--all", "--json"],
      await env(),
    );
    expect(all.code).toBe(0);
    const partners = JSON.parse(all.stdout) as Array<{ email: string }>;
    expect(partners.length).toBe(emulator.enrollments().length);
    expect(new Set(partners.map((p) => p.email)).size).toBe(partners.length);
  });

  it("ends quietly with exit 0 when the reader closes the pipe early", async () => {
    await using dub = new Dub({ token: emulator.apiKey, serverURL: emulator.url });
    await Promise.all(
      Array.from({ length: 30 }, (_, i) => dub.partners.create({ email: `pipe${i}@example.com` })),
    );
    const child = startCli(
      [...api(), "partners", "list", "--all", "--json", "--page-size", "1"],
      await env(),
    );
    let stderr = "";
    child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    child.stdout?.once("data", () => child.stdout?.destroy());
    const code = await new Promise((resolve) => child.on("close", resolve));
    expect(stderr).toBe("");
    expect(code).toBe(0);
  });

  it("filters by email and rejects a bad --page", async () => {
    const one = await runCli(
      [...api(), "partners", "list", "--email", "ada@example.com", "--json"],
      await env(),
    );
    expect(JSON.parse(one.stdout).map((p: { email: string }) => p.email)).toEqual(["ada@example.com"]);
    const bad = await runCli([...api(), "partners", "list", "--page", "0"], await env());
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--page must be a whole number of at least 1");
  });
});

describe("tokens and exit codes", spawning, () => {
  it("explains how to provide a token when there is none, exit 3", async () => {
    const result = await runCli([...api(), "partners", "list"], await isolatedEnv());
    expect(result.code).toBe(3);
    expect(result.stderr).toContain("--token, the DUB_API_KEY environment variable, or `dubkit login`");
    expect(result.stderr).toContain("--local");
  });

  it("exits 3 on a rejected token without ever printing it", async () => {
    const token = "dub_wrongwrongwrongwrongwrong";
    const result = await runCli([...api(), "--token", token, "--debug", "partners", "list"], await env());
    expect(result.code).toBe(3);
    expect(result.stderr).toContain("Invalid API key");
    expect(result.stderr + result.stdout).not.toContain(token);
  });

  it("logs requests with --debug, the token redacted", async () => {
    const result = await runCli([...api(), "--debug", "partners", "list", "--json"], await env());
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/GET/);
    expect(result.stderr).not.toContain(emulator.apiKey);
  });

  it("exits 8 when the API cannot be reached", async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as { port: number };
    await new Promise((resolve) => server.close(resolve));
    const result = await runCli(
      ["--base-url", `http://127.0.0.1:${port}`, "--retries", "0", "partners", "list"],
      await env(),
    );
    expect(result.code).toBe(8);
  });

  it("exits 7 on a server error and 6 when still rate limited after the retries", async () => {
    const faulty = await startEmulator({
      port: 0,
      faults: "500@1",
      // A day's window: Upstash's sliding window (the emulator's) forgets a previous window's single request the
      // moment the next fixed window starts, so a minute's window let the third call through whenever the second
      // and third straddled a minute (seen once in a fresh-clone check).
      rateLimit: { limit: 1, windowMs: 86_400_000 },
    });
    try {
      const e = await isolatedEnv({ DUB_API_KEY: faulty.apiKey });
      const args = [
        "--base-url",
        faulty.url,
        "--retries",
        "0",
        "partners",
        "create",
        "--email",
        "s@example.com",
      ];
      expect((await runCli(args, e)).code).toBe(7);
      // The fault answered before the rate limiter counted; this one uses up the window's one request.
      expect((await runCli(args, e)).code).toBe(0);
      const limited = await runCli(args, e);
      expect(limited.code).toBe(6);
      expect(limited.stderr).toContain("Too many requests.");
    } finally {
      await faulty.stop();
    }
  });

  it("refuses --token on login and never prompts when CI is set", async () => {
    const e = await isolatedEnv();
    const withFlag = await runCli(["--token", "dub_x", "login"], e);
    expect(withFlag.code).toBe(2);
    expect(withFlag.stderr).toContain("shell history");
    const empty = await runCli(["login"], { ...e, CI: "1" }, "");
    expect(empty.code).toBe(2);
  });
});

describe("global behaviour", spawning, () => {
  it("prints the version, and help with examples on every command", async () => {
    const e = await isolatedEnv();
    const version = await runCli(["--version"], e);
    expect(version).toMatchObject({ code: 0, stdout: "0.1.0\n" });
    for (const command of [
      [],
      ["partners"],
      ["partners", "create"],
      ["partners", "list"],
      ["partners", "import"],
      ["partners", "get"],
      ["partners", "links"],
      ["partners", "links", "create"],
      ["partners", "links", "list"],
      ["partners", "links", "upsert"],
      ["partners", "analytics"],
      ["partners", "ban"],
      ["partners", "deactivate"],
      ["partners", "applications"],
      ["partners", "applications", "list"],
      ["partners", "applications", "approve"],
      ["partners", "applications", "reject"],
      ["login"],
      ["logout"],
      ["whoami"],
      ["profiles"],
      ["profiles", "list"],
      ["profiles", "use"],
      ["profiles", "remove"],
      ["completion"],
    ]) {
      const help = await runCli([...command, "--help"], e);
      expect(help.code, command.join(" ")).toBe(0);
      expect(help.stdout, command.join(" ")).toContain("Examples:");
    }
  });

  it("exits 2 on a usage error", async () => {
    const e = await isolatedEnv();
    expect((await runCli(["partners", "frobnicate"], e)).code).toBe(2);
    expect((await runCli(["--timeout", "soon", "--local", "partners", "list"], e)).code).toBe(2);
    const noFile = await runCli(["partners", "import", "missing.csv", "--dry-run"], e);
    expect(noFile.code).toBe(2);
    expect(noFile.stderr).toContain("missing.csv");
  });

  it("writes no colour codes with --no-color or NO_COLOR, even when colour is forced", async () => {
    const args = [...api(), "partners", "create", "--email", "ada@example.com"];
    const forced = await runCli(args, await env({ FORCE_COLOR: "1" }));
    expect(forced.stdout).toContain("\u001b[");
    const noColor = await runCli(args, await env({ FORCE_COLOR: "1", NO_COLOR: "1" }));
    expect(noColor.stdout).not.toContain("\u001b[");
    const flag = await runCli(["--no-color", ...args], await env({ FORCE_COLOR: "1" }));
    expect(flag.stdout).not.toContain("\u001b[");
  });

  it("runs every command against a local emulator whose state persists with --local", async () => {
    const e = await isolatedEnv();
    const created = await runCli(
      ["--local", "partners", "create", "--email", "local@example.com", "--json"],
      e,
    );
    expect(created.code).toBe(0);
    const listed = await runCli(["--local", "partners", "list", "--json"], e);
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout).map((p: { email: string }) => p.email)).toEqual(["local@example.com"]);
    const state = await stat(join(e.XDG_DATA_HOME as string, "dubkit", "emulator-state.json"));
    expect(state.isFile()).toBe(true);
  });

  it("runs the partner-program commands against the local emulator with --local, its state kept between them", async () => {
    const e = await isolatedEnv();
    const run = async (args: string[]) => {
      const result = await runCli(["--local", ...args], e);
      expect(result.code, `${args.join(" ")}: ${result.stderr}`).toBe(0);
      return result;
    };
    await run([
      "partners",
      "create",
      "--email",
      "jane@example.com",
      "--name",
      "Jane Doe",
      "--tenant-id",
      "user_42",
    ]);
    const link = JSON.parse(
      (await run(["partners", "links", "create", "--tenant-id", "user_42", "--key", "jane-spring", "--json"]))
        .stdout,
    );
    expect(link.shortLink).toBe("https://refer.acme.test/jane-spring");
    const upserted = await run([
      "partners",
      "links",
      "upsert",
      "--email",
      "jane@example.com",
      "--url",
      "https://acme.test/x",
    ]);
    expect(upserted.stdout).toMatch(/^Created https:\/\/refer\.acme\.test\/\S+ → https:\/\/acme\.test\/x\n/);
    const keys = (await run(["partners", "links", "list", "--tenant-id", "user_42"])).stdout
      .trimEnd()
      .split("\n")
      .map((line) => line.split("\t")[1]);
    expect(keys).toContain("https://refer.acme.test/jane-spring");
    expect(keys).toHaveLength(3);
    const totals = JSON.parse(
      (await run(["partners", "analytics", "--tenant-id", "user_42", "--json"])).stdout,
    );
    expect(totals).toEqual({ clicks: 0, leads: 0, sales: 0, saleAmount: 0, earnings: 0 });
    expect((await run(["partners", "applications", "list", "--json"])).stdout).toBe("[]\n");
    await run(["partners", "deactivate", "--tenant-id", "user_42", "--yes"]);
    const banned = await run([
      "partners",
      "ban",
      "--tenant-id",
      "user_42",
      "--reason",
      "spam",
      "--yes",
      "--json",
    ]);
    expect(JSON.parse(banned.stdout)).toEqual({ partnerId: link.partnerId });
    const status = await run(["partners", "get", "--tenant-id", "user_42", "--json"]);
    expect(JSON.parse(status.stdout).status).toBe("banned");
  });

  it("runs the emulator in the foreground with its own options", async () => {
    const e = await isolatedEnv();
    const help = await runCli(["emulator", "--help"], e);
    expect(help.code).toBe(0);
    expect(help.stdout + help.stderr).toContain("--port");

    const child = startCli(["emulator", "--port", "0", "--quiet"], e);
    const url = await new Promise<string>((resolve, reject) => {
      let out = "";
      child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
        out += chunk;
        const match = /http:\/\/127\.0\.0\.1:\d+/.exec(out);
        if (match) resolve(match[0]);
      });
      child.on("exit", () => reject(new Error(`emulator exited: ${out}`)));
    });
    const response = await fetch(`${url}/partners`);
    expect(response.status).toBe(401);
    const exited = new Promise((resolve) => child.on("exit", (code) => resolve(code)));
    child.kill("SIGINT");
    expect(await exited).toBe(0);
  });
});
