import { execFileSync } from "node:child_process";
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleBin, killLeftoverBins, runBin, startBin } from "./bin-test-process.js";
import { openDataFile } from "./data-file.js";
import { startEmulator } from "./emulator.js";
import { call, createPartner } from "./http-test-client.js";
import { encodeLine, HEADER_LINE } from "./journal-line.js";
import type { StoreEvent } from "./records.js";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "dubkit-emulator-"));
});
afterAll(() => {
  killLeftoverBins();
  rmSync(dir, { recursive: true, force: true });
});

let files = 0;
const fresh = (name = "data.log") => join(dir, `${++files}-${name}`);
const log = () => {};
const setting = (value: string): StoreEvent[] => [{ type: "setting", name: "apiKey", value }];

/** Opens `file`, appends each change (concurrently when grouped), closes it and gives up the lock. */
async function write(file: string, ...groups: StoreEvent[][][]): Promise<void> {
  const { journal, lock } = await openDataFile(file, { log });
  for (const group of groups) await Promise.all(group.map((change) => journal.append(change)));
  await journal.close();
  lock.release();
}

/** Opens `file` and returns what it held, closing it again. */
async function replay(file: string) {
  const logged: string[] = [];
  const { journal, lock, changes, cutBytes } = await openDataFile(file, { log: (line) => logged.push(line) });
  await journal.close();
  lock.release();
  return { changes, cutBytes, logged };
}

describe("the journal", () => {
  it("replays every acknowledged change in order", async () => {
    const file = fresh();
    await write(file, [setting("dub_a"), setting("dub_b")], [setting("dub_c")]);
    expect((await replay(file)).changes).toEqual([setting("dub_a"), setting("dub_b"), setting("dub_c")]);
  });

  it("creates a new file owner-only, with its header and nothing else", async () => {
    const file = join(dir, "new", "folder", "data.log");
    expect((await replay(file)).changes).toEqual([]);
    expect(readFileSync(file)).toEqual(HEADER_LINE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it.each([
    ["a line cut short", (line: string) => line.slice(0, 20)],
    ["a full line with a bad checksum", (line: string) => `00000000${line.slice(8)}`],
    ["zeros from a lost page", () => "\u0000\u0000\u0000\u0000"],
    ["a whole line but its newline", (line: string) => line.slice(0, -1)],
  ])("drops a torn last write (%s) and keeps everything before it", async (_, tear) => {
    const file = fresh();
    await write(file, [setting("dub_kept")]);
    const good = readFileSync(file, "utf8");
    appendFileSync(file, tear(encodeLine(setting("dub_torn"))));
    const replayed = await replay(file);
    expect(replayed.changes).toEqual([setting("dub_kept")]);
    expect(replayed.cutBytes).toBeGreaterThan(0);
    expect(replayed.logged.join("\n")).toContain("dropped a torn last write");
    expect(readFileSync(file, "utf8")).toBe(good);
  });

  it("refuses a file damaged before its last line, naming the line, and leaves it as it was", async () => {
    const file = fresh();
    await write(file, [setting("dub_a")], [setting("dub_b")]);
    const lines = readFileSync(file, "utf8").split("\n");
    lines[1] = lines[1]!.replace("dub_a", "dub_x");
    writeFileSync(file, lines.join("\n"));
    await expect(replay(file)).rejects.toThrow(
      `Data file ${file} is damaged at line 2: its checksum does not match`,
    );
    expect(readFileSync(file, "utf8")).toBe(lines.join("\n"));
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it("initialises an empty file, and one holding only the start of a header a crash cut off", async () => {
    for (const start of ["", HEADER_LINE.toString("latin1", 0, 20), "\u0000".repeat(12)]) {
      const file = fresh();
      writeFileSync(file, start, "latin1");
      expect((await replay(file)).changes).toEqual([]);
      expect(readFileSync(file)).toEqual(HEADER_LINE);
      await write(file, [setting("dub_after")]);
      expect((await replay(file)).changes).toEqual([setting("dub_after")]);
    }
  });
});

describe("a file that is not the emulator's own", () => {
  it.each([
    ["a JSON token file", '{"token":"dub_secrettoken123"}', /its first line is JSON/],
    ["a one-line KEY=VALUE file", "DUB_API_KEY=dub_secrettoken123", /its first line is a KEY=VALUE line/],
    ["a KEY=VALUE file", "export DUB_API_KEY=dub_secrettoken123\nOTHER=1\n", /is a KEY=VALUE line/],
    ["a text file", "hello\nworld\n", /its first line is text that is not the emulator's header/],
    ["a file starting with a blank line", "\nsomething\n", /its first line is blank/],
    ["binary data", "\u00ff\u00fe\u0001\u0002 data", /its first line is binary data/],
    ["NUL bytes longer than a header", "\u0000".repeat(200), /holds only NUL bytes/],
    [
      "a damaged header",
      `0badc0de${HEADER_LINE.toString("latin1", 8)}`,
      /a bad checksum \(a damaged header\)/,
    ],
    ["a change with its header gone", encodeLine(setting("dub_x")), /an emulator record but not the header/],
  ])("is refused and left untouched: %s", async (_, content, look) => {
    const file = fresh();
    writeFileSync(file, content, "latin1");
    const before = readFileSync(file);
    const error = await replay(file).then(
      () => undefined,
      (rejection: Error) => rejection,
    );
    expect(error?.message).toContain(`Data file ${file} is not a dubkit-emulator data file`);
    expect(error?.message).toMatch(look);
    expect(error?.message).toContain("left this one untouched");
    expect(error?.message).not.toContain("secrettoken");
    expect(readFileSync(file)).toEqual(before);
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it("is refused by startEmulator too, and the file keeps every byte", async () => {
    const file = fresh("token.json");
    writeFileSync(file, '{"token":"dub_secrettoken123"}');
    await expect(startEmulator({ dataFile: file })).rejects.toThrow(/is not a dubkit-emulator data file/);
    expect(readFileSync(file, "utf8")).toBe('{"token":"dub_secrettoken123"}');
  });

  it("names the data format of another emulator version instead of reading it", async () => {
    const file = fresh();
    const content = `${encodeLine({ format: "dubkit-emulator", version: 2 })}${encodeLine(setting("dub_v2"))}`;
    writeFileSync(file, content);
    await expect(replay(file)).rejects.toThrow(
      `Data file ${file} was written by another version of the emulator (data format 2; this one reads 1)`,
    );
    expect(readFileSync(file, "utf8")).toBe(content);
  });

  it("refuses a directory, a FIFO and a path under a file, naming the path", async () => {
    const folder = fresh("folder");
    mkdirSync(folder);
    await expect(replay(folder)).rejects.toThrow(
      `Data file ${folder} is a directory; the emulator keeps its state in a regular file. Pass the path of a new or existing data file, e.g. ${folder}/emulator.log`,
    );
    const fifo = fresh("fifo");
    execFileSync("mkfifo", [fifo]);
    await expect(replay(fifo)).rejects.toThrow(`Data file ${fifo} is a FIFO (named pipe)`);
    const plain = fresh("plain");
    writeFileSync(plain, "");
    await expect(replay(join(plain, "data.log"))).rejects.toThrow(
      `Data file ${join(plain, "data.log")}: a part of that path is a file, not a directory.`,
    );
    for (const path of [folder, fifo]) expect(existsSync(`${path}.lock`)).toBe(false);
  });

  it("names the path it cannot write beside (even as root, nothing can be created in /proc)", async () => {
    await expect(replay("/proc/version")).rejects.toThrow(
      "Cannot create the lock file beside data file /proc/version (ENOENT: no such file or directory).",
    );
  });
});

describe("a damaged record with a good checksum", () => {
  const partnerEvent = {
    type: "partner",
    partner: {
      id: "pn_1",
      name: "Jane",
      username: "jane-abcd",
      email: "jane@example.com",
      image: null,
      description: null,
      country: null,
      companyName: null,
      networkStatus: "draft",
      defaultPayoutMethod: null,
      paypalEmail: null,
      stripeConnectId: null,
      payoutsEnabledAt: null,
      identityVerifiedAt: null,
      trustedAt: null,
      website: null,
      youtube: null,
      twitter: null,
      linkedin: null,
      instagram: null,
      tiktok: null,
      createdAt: "2026-01-01T00:00:00.000Z",
    },
  };

  it.each([
    ["not a list", { type: "setting" }, "expected a list of events, got an object"],
    ["an unknown event", [{ type: "coupon" }], 'event 1.type: unknown event type text "coupon"'],
    [
      "a field of the wrong type",
      [{ ...partnerEvent, partner: { ...partnerEvent.partner, email: 5 } }],
      "event 1.partner.email: expected text, got number 5",
    ],
    ["a missing field", [{ type: "partner", partner: { id: "pn_1" } }], "event 1.partner.name: missing"],
    [
      "a value outside its list",
      [{ type: "enrollment-update", id: "pge_1", patch: { status: "gone" } }],
      "event 1.patch.status: expected one of pending, approved",
    ],
    [
      "a patch of a fixed field",
      [{ type: "partner-update", id: "pn_1", patch: { email: "x@example.com" } }],
      "event 1.patch.email: not a field that can be changed",
    ],
    [
      "an enrollment without its fields",
      [{ type: "enrollment", enrollment: {}, links: [] }],
      "event 1.enrollment.id: missing",
    ],
    [
      "a bad second event",
      [partnerEvent, { type: "setting", name: "apiKey", value: null }],
      "event 2.value: expected text, got null",
    ],
  ])("refuses the start naming the file and line: %s", async (_, record, what) => {
    const file = fresh();
    await write(file, [setting("dub_ok")]);
    appendFileSync(file, encodeLine(record));
    await expect(replay(file)).rejects.toThrow(`Data file ${file} is damaged at line 3: ${what}`);
  });

  it("accepts the same record when it is well formed", async () => {
    const file = fresh();
    await write(file, [[partnerEvent as StoreEvent]]);
    expect((await replay(file)).changes).toEqual([[partnerEvent]]);
  });

  it("refuses a line whose checksum matches but that is not JSON", async () => {
    const file = fresh();
    await write(file, [setting("dub_ok")]);
    const { crc32 } = await import("node:zlib");
    appendFileSync(file, `${crc32("{oops").toString(16).padStart(8, "0")} {oops\n`);
    appendFileSync(file, encodeLine(setting("dub_after")));
    await expect(replay(file)).rejects.toThrow(
      `is damaged at line 3: its checksum matches but it is not JSON`,
    );
  });
});

describe("durable state", () => {
  it("keeps partners, enrollments and the generated key across a restart", async () => {
    const file = fresh();
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
  it("keeps every acknowledged create after kill -9 of the bin in the middle of a load", async () => {
    const bin = await bundleBin(dir);
    const file = fresh();
    const first = await startBin(bin, ["--data", file, "--quiet", "--no-rate-limit"]);
    const acknowledged: string[] = [];
    let killed: Promise<number | null> | undefined;
    // 200 creates on 20 connections; the process is killed once 50 were acknowledged, with the rest in flight.
    let next = 0;
    const worker = async () => {
      while (next < 200) {
        const i = next++;
        const res = await createPartner(first, { email: `p${i}@example.com` }).catch(() => undefined);
        if (res?.status === 201) acknowledged.push(res.body.id);
        if (acknowledged.length === 50) killed ??= first.stop("SIGKILL");
      }
    };
    await Promise.all(Array.from({ length: 20 }, worker));
    expect(await killed).toBe(null);
    expect(acknowledged.length).toBeGreaterThanOrEqual(50);
    expect(acknowledged.length).toBeLessThan(200);

    const second = await startBin(bin, ["--data", file, "--quiet"]);
    try {
      expect(second.apiKey).toBe(first.apiKey);
      const listed = await call(second, "GET", "/partners?pageSize=100&page=1");
      const more = await call(second, "GET", "/partners?pageSize=100&page=2");
      const ids = [...listed.body, ...more.body].map((p: { id: string }) => p.id);
      expect(ids).toEqual(expect.arrayContaining(acknowledged));
    } finally {
      expect(await second.stop()).toBe(0);
    }
  }, 60_000);

  it("refuses a foreign --data file from the bin with exit code 1, naming it", async () => {
    const bin = await bundleBin(dir);
    const file = fresh(".env");
    writeFileSync(file, "DUB_API_KEY=dub_secrettoken123\n");
    const result = await runBin(bin, ["--data", file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `dubkit-emulator: could not start: Data file ${file} is not a dubkit-emulator`,
    );
    expect(result.stderr).not.toContain("secrettoken");
    expect(readFileSync(file, "utf8")).toBe("DUB_API_KEY=dub_secrettoken123\n");
  }, 60_000);
});
