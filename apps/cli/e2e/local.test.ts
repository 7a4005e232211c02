import { join } from "node:path";
import { startEmulator } from "@dubkit/emulator";
import { describe, expect, it } from "vitest";
import { finished, isolatedEnv, runCli, startCli } from "./run-cli.js";

const stateFile = (env: Record<string, string>) =>
  join(env.XDG_DATA_HOME as string, "dubkit", "emulator-state.json");

async function listedEmails(env: Record<string, string>): Promise<string[]> {
  const listed = await runCli(["--local", "partners", "list", "--json"], env);
  expect(listed.code).toBe(0);
  return JSON.parse(listed.stdout)
    .map((p: { email: string }) => p.email)
    .sort();
}

// Each test spawns the built CLI several times at once, which on a loaded 2-core machine can take longer than
// vitest's 5 s default; the timeout only stops a hung run, it measures nothing.
describe("concurrent dubkit --local commands", { timeout: 120_000 }, () => {
  it("enroll one email once when started at the same time", async () => {
    const env = await isolatedEnv();
    const args = ["--local", "partners", "create", "--email", "same@example.com", "--json"];
    const runs = await Promise.all(Array.from({ length: 3 }, () => runCli(args, env)));
    for (const run of runs) expect(run.code, run.stderr).toBe(0);
    const ids = new Set(runs.map((run) => JSON.parse(run.stdout).id));
    expect(ids.size).toBe(1);
    expect(await listedEmails(env)).toEqual(["same@example.com"]);
  });

  it("enroll different emails all, when started at the same time", async () => {
    const env = await isolatedEnv();
    const emails = ["a@example.com", "b@example.com", "c@example.com"];
    const runs = await Promise.all(
      emails.map((email) => runCli(["--local", "partners", "create", "--email", email, "--json"], env)),
    );
    for (const run of runs) expect(run.code, run.stderr).toBe(0);
    expect(await listedEmails(env)).toEqual(emails);
  });

  it("wait for the process holding the data file, saying so, then go on", async () => {
    const env = await isolatedEnv();
    const holder = await startEmulator({ dataFile: stateFile(env), apiKey: "dub_dubkitlocalemulator00000" });
    const child = startCli(["--local", "partners", "create", "--email", "later@example.com", "--json"], env);
    const result = finished(child);
    // Released once the command says it waits.
    await new Promise<void>((resolve) => {
      let err = "";
      child.stderr?.on("data", (chunk: Buffer) => {
        err += chunk.toString();
        if (err.includes("waiting up to 30 s")) resolve();
      });
    });
    await holder.stop();
    const run = await result;
    expect(run.code, run.stderr).toBe(0);
    // One line, naming the file and the holder; nothing else on stderr.
    expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(run.stderr).toContain(
      `dubkit: the local emulator's data file ${stateFile(env)} is in use by process ${process.pid} (\``,
    );
    expect(run.stderr).toContain("`, since ");
    expect(run.stderr).toContain("); waiting up to 30 s for it to finish…");
    expect(JSON.parse(run.stdout).email).toBe("later@example.com");
  });

  it("give up after the wait with a refusal naming the file and the holder", async () => {
    const env = await isolatedEnv({ DUBKIT_LOCAL_WAIT_MS: "300" });
    const holder = await startEmulator({ dataFile: stateFile(env), apiKey: "dub_dubkitlocalemulator00000" });
    try {
      const run = await runCli(["--local", "partners", "list"], env);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`is in use by process ${process.pid}`);
      expect(run.stderr).toContain(
        `dubkit: Data file ${stateFile(env)} is in use by process ${process.pid}, since `,
      );
      expect(run.stderr).toContain(`serving ${holder.url}.`);
      expect(run.stderr).toContain("Gave up on --local after waiting 0.3 s for it");
    } finally {
      await holder.stop();
    }
  });
});
