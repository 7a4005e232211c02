import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleBin, killLeftoverBins, startBin } from "./bin-test-process.js";
import { partnerRecord } from "./create-partner.js";
import { openDataFile } from "./data-file.js";
import { call, createPartner } from "./http-test-client.js";
import type { WriteAt } from "./journal.js";
import { readJournal } from "./journal-reader.js";
import type { StoreEvent } from "./records.js";
import { Store } from "./store.js";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "dubkit-durability-"));
});
afterAll(() => {
  killLeftoverBins();
  rmSync(dir, { recursive: true, force: true });
});

let files = 0;
const fresh = () => join(dir, `${++files}.log`);

const partner = (n: number): StoreEvent[] => [
  {
    type: "partner",
    partner: partnerRecord({
      id: `pn_${n}`,
      name: `Partner ${n}`,
      username: `partner-${n}`,
      email: `p${n}@example.com`,
      image: null,
      description: null,
      country: null,
      createdAt: "2026-01-01T00:00:00.000Z",
    }),
  },
];

const diskFull = () => Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });

/**
 * A write the test controls: it passes writes through until `failNext()` is called; the next write then waits
 * for `release()`, writes the first half of its bytes (a torn line, as a disk filling up leaves) and fails.
 */
function faultyDisk() {
  let failing: Promise<void> | undefined;
  let release = () => {};
  const writeAt: WriteAt = async (fd, data, position) => {
    if (failing) {
      const gate = failing;
      failing = undefined;
      await gate;
      writeSync(fd, data, 0, Math.floor(data.length / 2), position);
      throw diskFull();
    }
    writeSync(fd, data, 0, data.length, position);
  };
  return {
    writeAt,
    failNext: () => {
      failing = new Promise((resolve) => {
        release = resolve;
      });
    },
    release: () => release(),
  };
}

/** The store over `file`, with the journal's log collected. */
async function openStore(
  file: string,
  options: { writeAt?: WriteAt; truncate?: (fd: number, length: number) => void },
) {
  const logged: string[] = [];
  const opened = await openDataFile(file, { log: (line) => logged.push(line), ...options });
  const store = new Store();
  store.attach(opened.journal, opened.changes);
  const close = async () => {
    await opened.journal.close();
    opened.lock.release();
  };
  return { store, logged, close };
}

/** What the file holds, read independently of the emulator. */
function fileChanges(file: string): StoreEvent[][] {
  const fd = openSync(file, "r");
  try {
    return readJournal(fd, file, statSync(file).size).changes;
  } finally {
    closeSync(fd);
  }
}

const partnerIds = (store: Store) => [...store.partners.keys()].sort();
const idsIn = (changes: StoreEvent[][]) =>
  changes
    .flat()
    .flatMap((event) => (event.type === "partner" ? [event.partner.id] : []))
    .sort();

const settle = (promise: Promise<void>) =>
  promise.then(
    () => "durable",
    (error: Error) => error.message,
  );

describe("a failed write", () => {
  it("rejects its change and every request that read it, rolls memory back and cuts the file back", async () => {
    const file = fresh();
    const disk = faultyDisk();
    const { store, logged, close } = await openStore(file, { writeAt: disk.writeAt });
    await store.commit(partner(1));
    const before = readFileSync(file);

    disk.failNext();
    const failing = settle(store.commit(partner(2)));
    // A request that read the pending partner (a second create of the same email) waits on durable().
    expect(store.partnerByEmail("p2@example.com")).toBeDefined();
    const reader = settle(store.durable());
    // A change that arrives while the failing write is in flight goes into the next write; it may build on the
    // lost change, so it is rolled back too.
    const queued = settle(store.commit(partner(3)));
    disk.release();

    const failure = "data file write failed (ENOSPC: no space left on device); the change was not applied";
    expect(await failing).toBe(failure);
    expect(await reader).toBe(failure);
    expect(await queued).toBe(failure);
    expect(readFileSync(file)).toEqual(before);
    expect(partnerIds(store)).toEqual(["pn_1"]);
    expect(store.partnerByEmail("p2@example.com")).toBeUndefined();
    expect(store.usernameTaken("partner-3")).toBe(false);
    expect(idsIn(fileChanges(file))).toEqual(partnerIds(store));
    expect(logged).toEqual([
      `data file ${file}: write failed (ENOSPC: no space left on device); 2 change(s) not applied: the file was cut back to its last durable line and the state reloaded from it; their requests get a 500`,
    ]);

    // The disk has room again: the next write lands right after the last durable line.
    await store.commit(partner(4));
    await expect(store.durable()).resolves.toBeUndefined();
    expect(idsIn(fileChanges(file))).toEqual(["pn_1", "pn_4"]);
    expect(partnerIds(store)).toEqual(["pn_1", "pn_4"]);
    await close();
  });

  it("acknowledges nothing it rolled back, even to a reader that arrives after the failure", async () => {
    const file = fresh();
    const disk = faultyDisk();
    const { store, close } = await openStore(file, { writeAt: disk.writeAt });
    disk.failNext();
    const failing = settle(store.commit(partner(1)));
    disk.release();
    expect(await failing).toContain("data file write failed");
    // The state the late reader sees is the rolled-back one, which is durable: it may be acknowledged.
    expect(store.partnerByEmail("p1@example.com")).toBeUndefined();
    await expect(store.durable()).resolves.toBeUndefined();
    await close();
  });

  it("stops accepting writes, applying nothing, when the file cannot be cut back", async () => {
    const file = fresh();
    const disk = faultyDisk();
    const { store, logged, close } = await openStore(file, {
      writeAt: disk.writeAt,
      truncate: () => {
        throw Object.assign(new Error("EIO: i/o error, ftruncate"), { code: "EIO" });
      },
    });
    await store.commit(partner(1));
    disk.failNext();
    const failing = settle(store.commit(partner(2)));
    disk.release();
    expect(await failing).toContain("data file write failed (ENOSPC");
    expect(logged.at(-1)).toBe(
      `data file ${file}: writing failed (ENOSPC: no space left on device) and the file could not be cut back to its last durable line (EIO: i/o error), so the emulator accepts no more writes; restart it once the disk is fixed`,
    );
    // Memory holds exactly the durable changes, so reads go on; writes are refused before they touch memory.
    expect(partnerIds(store)).toEqual(["pn_1"]);
    await expect(store.durable()).resolves.toBeUndefined();
    expect(await settle(store.commit(partner(3)))).toContain("the emulator accepts no more writes");
    expect(store.partners.has("pn_3")).toBe(false);
    expect(logged.at(-1)).toMatch(new RegExp(`^data file ${file}: write refused: writing failed`));
    await close();
  });
});

// Each test spawns the bin, which on a loaded 2-core machine can take longer than vitest's 5 s default; the
// timeout only stops a hung run, it measures nothing.
describe("the bin on a full disk", { timeout: 60_000 }, () => {
  it("answers 500 to every create it could not keep, and a restart holds exactly the acknowledged ones", async () => {
    const bin = await bundleBin(dir);
    const file = fresh();
    // 12 KiB: the header, the key and about eight partners fit; every write past that fails with EFBIG.
    const full = await startBin(bin, ["--data", file, "--no-rate-limit", "--seed", "3"], {
      fileSizeLimitKiB: 12,
    });
    const statuses = new Map<string, number>();
    for (let i = 0; i < 20; i++) {
      const email = `p${i}@example.com`;
      statuses.set(email, (await createPartner(full, { email, name: `Partner ${i}` })).status);
    }
    const acknowledged = [...statuses].filter(([, status]) => status === 201).map(([email]) => email);
    const failed = [...statuses].filter(([, status]) => status !== 201);
    expect(acknowledged.length).toBeGreaterThan(3);
    expect(failed.length).toBeGreaterThan(3);
    expect(failed.every(([, status]) => status === 500)).toBe(true);

    // A second create of a failed email must not find a partner that was never kept (it used to get a 201).
    const retried = await createPartner(full, { email: failed[0]![0] });
    expect(retried.status).toBe(500);
    expect(retried.body.error.code).toBe("internal_server_error");

    const listed = await call(full, "GET", "/partners?pageSize=100");
    expect(listed.status).toBe(200);
    expect(listed.body.map((p: { email: string }) => p.email).sort()).toEqual(acknowledged.sort());
    expect(full.stderr()).toContain("write failed (EFBIG: file too large); 1 change(s) not applied");
    expect(full.stderr()).toMatch(/POST \/partners 500/);
    expect(await full.stop()).toBe(0);
    // Every line in the file is whole: nothing was left for the next start to cut.
    expect(readFileSync(file, "utf8").endsWith("\n")).toBe(true);

    const restarted = await startBin(bin, ["--data", file, "--no-rate-limit"]);
    try {
      const after = await call(restarted, "GET", "/partners?pageSize=100");
      expect(after.body.map((p: { email: string }) => p.email).sort()).toEqual(acknowledged.sort());
      expect(restarted.stderr()).not.toContain("torn");
      // With room on the disk again, the failed create goes through.
      expect((await createPartner(restarted, { email: failed[0]![0] })).status).toBe(201);
    } finally {
      await restarted.stop();
    }
  });
});
