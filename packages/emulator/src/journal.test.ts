import { type ChildProcess, spawn } from "node:child_process";
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator } from "./emulator.js";
import { call, createPartner } from "./http-test-client.js";
import { Journal, replayJournal } from "./journal.js";
import type { StoreEvent } from "./records.js";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "dubkit-emulator-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const setting = (value: string): StoreEvent[] => [{ type: "setting", name: "apiKey", value }];

describe("the journal", () => {
  it("replays every acknowledged change in order", async () => {
    const file = join(dir, "replay.log");
    expect(replayJournal(file)).toEqual({ changes: [], truncatedBytes: 0 });
    const journal = await Journal.open(file);
    await Promise.all([journal.append(setting("dub_a")), journal.append(setting("dub_b"))]);
    await journal.append(setting("dub_c"));
    await journal.close();
    expect(replayJournal(file).changes).toEqual([setting("dub_a"), setting("dub_b"), setting("dub_c")]);
  });

  it.each([
    ["a line cut short", (line: string) => line.slice(0, 20)],
    ["a full line with a bad checksum", (line: string) => `00000000${line.slice(8)}`],
    ["zeros from a lost page", () => "\u0000\u0000\u0000\u0000"],
  ])("drops a torn last write (%s) and keeps everything before it", async (_, tear) => {
    const file = join(dir, `torn-${Math.random()}.log`);
    replayJournal(file);
    const journal = await Journal.open(file);
    await journal.append(setting("dub_kept"));
    await journal.close();
    const good = readFileSync(file, "utf8");
    const lastLine = good.trimEnd().split("\n").at(-1)!;
    appendFileSync(file, tear(`${lastLine}\n`));
    const replay = replayJournal(file);
    expect(replay.changes).toEqual([setting("dub_kept")]);
    expect(replay.truncatedBytes).toBeGreaterThan(0);
    expect(readFileSync(file, "utf8")).toBe(good);
  });

  it("refuses a file damaged before its last line, naming the line", async () => {
    const file = join(dir, "damaged.log");
    replayJournal(file);
    const journal = await Journal.open(file);
    await journal.append(setting("dub_a"));
    await journal.append(setting("dub_b"));
    await journal.close();
    const lines = readFileSync(file, "utf8").split("\n");
    lines[1] = lines[1]!.replace("dub_a", "dub_x");
    writeFileSync(file, lines.join("\n"));
    expect(() => replayJournal(file)).toThrow(/damaged at line 2/);
  });

  it("refuses a file that is not an emulator data file", () => {
    const file = join(dir, "other.log");
    writeFileSync(file, "hello\nworld\n");
    expect(() => replayJournal(file)).toThrow(/damaged at line 1/);
  });
});

describe("durable state", () => {
  it("keeps partners, enrollments and the generated key across a restart", async () => {
    const file = join(dir, "restart.log");
    const first = await startEmulator({ dataFile: file, seed: 21 });
    const created = await createPartner(first, { email: "jane@example.com", name: "Jane", tenantId: "t1" });
    await createPartner(first, { email: "jane@example.com", tenantId: "t2" });
    await first.stop();
    const second = await startEmulator({ dataFile: file, seed: 22 });
    try {
      expect(second.apiKey).toBe(first.apiKey);
      const again = await createPartner(second, { email: "jane@example.com" });
      expect(again.body).toEqual({ ...created.body, tenantId: "t2" });
      expect(
        (await createPartner(second, { email: "john@example.com", name: "Jane" })).body.links[0].key,
      ).toMatch(/^jane-[a-z0-9]{4}$/);
    } finally {
      await second.stop();
    }
  });

  // It bundles the bin and starts it twice: on a loaded machine that can pass vitest's 5 s default. The timeout
  // only stops a hung run; it measures nothing.
  it("keeps every acknowledged create after kill -9 of the bin", async () => {
    const bin = join(dir, "bin.mjs");
    await build({
      entryPoints: [new URL("./bin.ts", import.meta.url).pathname],
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      outfile: bin,
      logLevel: "silent",
    });
    const file = join(dir, "killed.log");
    const start = async () => {
      const child = spawn(process.execPath, [bin, "--data", file, "--quiet"], {
        stdio: ["ignore", "pipe", "pipe"],
      });
      let out = "";
      const lines = await new Promise<Record<string, string>>((resolve, reject) => {
        child.stdout.on("data", (chunk: Buffer) => {
          out += chunk.toString();
          const url = /DUB_API_URL=(\S+)/.exec(out)?.[1];
          const apiKey = /DUB_API_KEY=(\S+)/.exec(out)?.[1];
          if (url && apiKey) resolve({ url, apiKey });
        });
        child.once("exit", (code) => reject(new Error(`emulator exited with ${code}`)));
      });
      return { child, url: lines.url!, apiKey: lines.apiKey! };
    };
    const killed = (child: ChildProcess) => new Promise((resolve) => child.once("exit", resolve));

    const first = await start();
    const created = await Promise.all(
      Array.from({ length: 25 }, (_, i) => createPartner(first, { email: `p${i}@example.com` })),
    );
    expect(created.every((res) => res.status === 201)).toBe(true);
    const exited = killed(first.child);
    first.child.kill("SIGKILL");
    await exited;

    const second = await start();
    try {
      expect(second.apiKey).toBe(first.apiKey);
      const listed = await call(second, "GET", "/partners");
      expect(listed.body.map((p: { id: string }) => p.id).sort()).toEqual(
        created.map((res) => res.body.id).sort(),
      );
    } finally {
      const exited = killed(second.child);
      second.child.kill("SIGTERM");
      expect(await exited).toBe(0);
    }
  }, 30_000);
});
