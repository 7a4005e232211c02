import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleBin, killLeftoverBins, runBin, startBin } from "./bin-test-process.js";
import { DataFileLockedError, maskedCommand } from "./data-file-lock.js";
import { startEmulator } from "./emulator.js";
import { call, createPartner } from "./http-test-client.js";

let dir: string;
let bin: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "dubkit-lock-"));
  bin = await bundleBin(dir);
});
afterAll(() => {
  killLeftoverBins();
  rmSync(dir, { recursive: true, force: true });
});

let files = 0;
const fresh = () => join(dir, `${++files}.log`);

/** The pid of a process that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
  await new Promise((resolve) => child.once("exit", resolve));
  return child.pid!;
}

async function refusal(start: Promise<unknown>): Promise<Error> {
  return start.then(
    () => {
      throw new Error("the start was not refused");
    },
    (error: Error) => error,
  );
}

// Tests here spawn bins, which on a loaded 2-core machine can take longer than vitest's 5 s default; the timeout
// only stops a hung run, it measures nothing.
describe("one emulator per data file", { timeout: 60_000 }, () => {
  it("refuses a second emulator in the same process, and frees the file when the first stops", async () => {
    const file = fresh();
    const first = await startEmulator({ dataFile: file });
    const error = await refusal(startEmulator({ dataFile: file }));
    expect(error).toBeInstanceOf(DataFileLockedError);
    expect(error.message).toContain(
      `Data file ${file} is in use by another emulator in this process (pid ${process.pid}), since `,
    );
    expect(error.message).toContain(`, serving ${first.url}.`);
    await first.stop();
    expect(existsSync(`${file}.lock`)).toBe(false);
    const second = await startEmulator({ dataFile: file });
    expect(second.apiKey).toBe(first.apiKey);
    await second.stop();
  });

  it("refuses another process, naming the holder's pid, command and URL", async () => {
    const file = fresh();
    const holder = await startBin(bin, ["--data", file, "--quiet", "--api-key", "dub_holdersecret1"]);
    try {
      const error = await refusal(startEmulator({ dataFile: file }));
      expect(error).toBeInstanceOf(DataFileLockedError);
      const { holder: who } = error as DataFileLockedError;
      expect(who).toMatchObject({ pid: holder.child.pid, hostname: hostname(), url: holder.url });
      expect(error.message).toContain(`Data file ${file} is in use by process ${holder.child.pid}, since `);
      expect(error.message).toContain(`--data ${file} --quiet --api-key ***\`, serving ${holder.url}.`);
      expect(error.message).not.toContain("holdersecret");
      expect(readFileSync(`${file}.lock`, "utf8")).not.toContain("holdersecret");

      const second = await runBin(bin, ["--data", file, "--quiet"]);
      expect(second.code).toBe(1);
      expect(second.stderr).toContain(
        `dubkit-emulator: could not start: Data file ${file} is in use by process ${holder.child.pid}`,
      );
      // The holder was not disturbed.
      expect((await createPartner(holder, { email: "still@example.com" })).status).toBe(201);
    } finally {
      await holder.stop();
    }
  });

  it("lets exactly one of several bins started at once own a new data file", async () => {
    const file = fresh();
    const starts = await Promise.allSettled(
      Array.from({ length: 4 }, () => startBin(bin, ["--data", file, "--quiet"])),
    );
    const running = starts.flatMap((start) => (start.status === "fulfilled" ? [start.value] : []));
    const refused = starts.flatMap((start) => (start.status === "rejected" ? [String(start.reason)] : []));
    try {
      expect(running).toHaveLength(1);
      expect(refused).toHaveLength(3);
      for (const reason of refused) expect(reason).toContain(`is in use by process ${running[0]!.child.pid}`);
    } finally {
      for (const emulator of running) await emulator.stop();
    }
  });

  it("takes over the lock of a process that died, and only one of several starters does", async () => {
    const file = fresh();
    const seeded = await startEmulator({ dataFile: file });
    await createPartner(seeded, { email: "kept@example.com" });
    await seeded.stop();
    const stale = {
      pid: await deadPid(),
      hostname: hostname(),
      startedAt: new Date().toISOString(),
      command: "x",
      id: "old",
    };
    writeFileSync(`${file}.lock`, JSON.stringify(stale));
    const starts = await Promise.allSettled(
      Array.from({ length: 4 }, () => startBin(bin, ["--data", file, "--quiet"])),
    );
    const running = starts.flatMap((start) => (start.status === "fulfilled" ? [start.value] : []));
    try {
      expect(running).toHaveLength(1);
      const owner = JSON.parse(readFileSync(`${file}.lock`, "utf8"));
      expect(owner.pid).toBe(running[0]!.child.pid);
      const listed = await call(running[0]!, "GET", "/partners");
      expect(listed.body.map((p: { email: string }) => p.email)).toEqual(["kept@example.com"]);
    } finally {
      for (const emulator of running) await emulator.stop();
    }
  });

  it("takes over a lock with this process's pid that this process does not hold (an earlier process's)", async () => {
    const file = fresh();
    const stale = {
      pid: process.pid,
      hostname: hostname(),
      startedAt: "2020-01-01T00:00:00.000Z",
      command: "x",
      id: "old",
    };
    writeFileSync(`${file}.lock`, JSON.stringify(stale));
    const emulator = await startEmulator({ dataFile: file });
    expect(JSON.parse(readFileSync(`${file}.lock`, "utf8")).id).not.toBe("old");
    await emulator.stop();
  });

  it("takes over the lock of a bin killed with -9", async () => {
    const file = fresh();
    const killed = await startBin(bin, ["--data", file, "--quiet"]);
    expect(await killed.stop("SIGKILL")).toBe(null);
    expect(JSON.parse(readFileSync(`${file}.lock`, "utf8")).pid).toBe(killed.child.pid);
    const next = await startEmulator({ dataFile: file });
    expect(next.apiKey).toBe(killed.apiKey);
    await next.stop();
  });

  it("refuses when the lock file cannot be read, saying to delete it if no emulator runs", async () => {
    const file = fresh();
    writeFileSync(`${file}.lock`, "not json");
    const error = await refusal(startEmulator({ dataFile: file }));
    expect(error.message).toBe(
      `Data file ${file} is locked by ${file}.lock, which cannot be read. If no emulator is using the data file, delete the lock file and start again.`,
    );
    expect(readFileSync(`${file}.lock`, "utf8")).toBe("not json");
    expect(existsSync(file)).toBe(false);
  });

  it("releases the lock when the start fails after taking it", async () => {
    const file = fresh();
    writeFileSync(file, "DUB_API_KEY=dub_x\n");
    await expect(startEmulator({ dataFile: file })).rejects.toThrow(/not a dubkit-emulator data file/);
    const busy = await startEmulator({ port: 0 });
    try {
      const clean = fresh();
      await expect(startEmulator({ dataFile: clean, port: busy.port })).rejects.toThrow(/EADDRINUSE/);
      expect(existsSync(`${clean}.lock`)).toBe(false);
    } finally {
      await busy.stop();
    }
    expect(existsSync(`${file}.lock`)).toBe(false);
  });
});

describe("the holder's command line", () => {
  it("masks keys and tokens in every form", () => {
    expect(
      maskedCommand([
        "node",
        "dubkit",
        "--token",
        "abc",
        "--api-key=dub_k1",
        "--base-url",
        "x",
        "dub_live_123",
      ]),
    ).toBe("node dubkit --token *** --api-key=*** --base-url x dub_***");
  });
});
