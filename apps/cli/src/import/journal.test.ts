import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  APPROVE_JOURNAL,
  IMPORT_JOURNAL,
  Journal,
  LINKS_UPSERT_JOURNAL,
  ResumeSet,
  readResume,
} from "./journal.js";

async function path(): Promise<string> {
  return join(await mkdtemp(join(tmpdir(), "dubkit-journal-")), "p.csv.journal");
}

describe("ResumeSet", () => {
  it("applies a row's outcome only to the content it was recorded for", () => {
    const set = new ResumeSet(IMPORT_JOURNAL.outcomes);
    set.apply({ k: "jane@x.co", h: "0000000a", s: "sent", t: 100 });
    set.apply({ k: "jane@x.co", h: "0000000a", s: "done", o: "created" });
    expect(set.get("jane@x.co", "0000000a")).toEqual({ state: "done", outcome: "created" });
    // The row was edited: it is sent again, and the partner already exists.
    expect(set.get("jane@x.co", "0000000b")).toEqual({ state: "changed", outcome: "created" });
    expect(set.get("john@x.co", "0000000a")).toEqual({ state: "new", sentAt: undefined });
  });

  it("keeps a refused row's status and reason for its content, and forgets it once the row is fixed", () => {
    const set = new ResumeSet(IMPORT_JOURNAL.outcomes);
    set.apply({ k: "a@x.co", h: "00000001", s: "failed", e: 'Group "vip" not found.', c: 404, f: "groupId" });
    expect(set.get("a@x.co", "00000001")).toEqual({
      state: "failed",
      failure: { error: 'Group "vip" not found.', status: 404, field: "groupId" },
    });
    expect(set.get("a@x.co", "00000002")).toEqual({ state: "new", sentAt: undefined });
  });

  it("sends an unanswered or retryable row again, with the time of its first send", () => {
    const set = new ResumeSet(IMPORT_JOURNAL.outcomes);
    set.apply({ k: "a@x.co", h: "00000001", s: "sent", t: 100_500 });
    set.apply({ k: "a@x.co", h: "00000001", s: "failed", e: "503", r: true });
    set.apply({ k: "a@x.co", h: "00000001", s: "sent", t: 200_000 });
    // Kept to the second, rounded down: the created/existing test allows a second's difference anyway.
    expect(set.get("a@x.co", "00000001")).toEqual({ state: "new", sentAt: 100_000 });
  });

  it("counts finished keys once each", () => {
    const set = new ResumeSet(IMPORT_JOURNAL.outcomes);
    for (const k of ["a", "b", "a"]) set.apply({ k, h: "1", s: "done", o: "created" });
    expect(set.finished).toBe(2);
  });

  it("holds a million keys", () => {
    const set = new ResumeSet(IMPORT_JOURNAL.outcomes);
    for (let i = 0; i < 1_000_000; i++)
      set.apply({ k: `user${i}@example.com`, h: "1", s: "done", o: "created" });
    expect(set.finished).toBe(1_000_000);
    expect(set.get("user999999@example.com", "1")).toEqual({ state: "done", outcome: "created" });
    expect(set.get("user1000000@example.com", "1")).toEqual({ state: "new", sentAt: undefined });
  });
});

describe("Journal", () => {
  it("records by email and resumes from what it wrote, cutting a torn last line", async () => {
    const file = await path();
    const journal = await Journal.open(file, IMPORT_JOURNAL);
    journal.sent("jane@x.co", "0000000a", 5);
    journal.done("jane@x.co", "0000000a", "created", "pn_1");
    const onDisk = new Promise<unknown>((resolve) =>
      journal.failed("bad@x.co", "0000000b", { error: "422", status: 422, field: "name" }, false, resolve),
    );
    expect(await onDisk).toBeUndefined();
    expect(await readFile(file, "utf8")).toContain('"s":"failed"');
    await journal.close();
    await writeFile(file, `${await readFile(file, "utf8")}{"k":"torn`);
    const again = await Journal.open(file, IMPORT_JOURNAL);
    expect(again.resume.get("jane@x.co", "0000000a")).toEqual({ state: "done", outcome: "created" });
    expect(again.resume.get("bad@x.co", "0000000b")).toMatchObject({ state: "failed" });
    await again.close();
    expect((await readFile(file, "utf8")).endsWith("}\n")).toBe(true);
  });

  it("refuses a second import on the same journal while the first holds it", async () => {
    const file = await path();
    const first = await Journal.open(file, IMPORT_JOURNAL);
    await expect(Journal.open(file, IMPORT_JOURNAL)).rejects.toThrow(/Another import is using the journal/);
    await first.close();
    const second = await Journal.open(file, IMPORT_JOURNAL);
    await second.close();
  });

  it("takes over the lock of a process that is gone", async () => {
    const file = await path();
    await writeFile(
      `${file}.lock`,
      JSON.stringify({ pid: 2 ** 22 + 1, hostname: (await import("node:os")).hostname(), startedAt: "x" }),
    );
    const journal = await Journal.open(file, IMPORT_JOURNAL);
    await journal.close();
  });

  it("refuses a journal of the older, line-keyed format", async () => {
    const file = await path();
    await writeFile(file, '{"dubkit":"import-journal","v":1}\n{"l":2,"h":"ab","s":"done"}\n');
    await expect(Journal.open(file, IMPORT_JOURNAL)).rejects.toThrow(/older dubkit/);
  });
});

describe("journal kinds", () => {
  const upserts = LINKS_UPSERT_JOURNAL;

  it("keeps each command's own outcome labels", async () => {
    const file = await path();
    const journal = await Journal.open(file, upserts);
    await new Promise((resolve) => journal.done("a", "00000001", "updated", "link_1", resolve));
    await new Promise((resolve) => journal.done("b", "00000002", "unchanged", "link_2", resolve));
    await journal.close();
    expect((await readFile(file, "utf8")).split("\n")[0]).toBe('{"dubkit":"links-upsert-journal","v":2}');
    const again = await Journal.open(file, upserts);
    expect(again.resume.get("a", "00000001")).toEqual({ state: "done", outcome: "updated" });
    expect(again.resume.get("b", "00000002")).toEqual({ state: "done", outcome: "unchanged" });
    await again.close();
  });

  it("refuses the journal of another command, naming both, and leaves it as it was", async () => {
    const file = await path();
    const journal = await Journal.open(file, IMPORT_JOURNAL);
    journal.done("jane@x.co", "0000000a", "created", "pn_1");
    await journal.close();
    const before = await readFile(file, "utf8");
    await expect(Journal.open(file, upserts)).rejects.toThrow(
      /is the journal of `dubkit partners import`, not of `dubkit partners links upsert FILE`/,
    );
    await expect(readResume(file, APPROVE_JOURNAL)).rejects.toThrow(
      /not of `dubkit partners applications approve --all-pending\|--file`/,
    );
    expect(await readFile(file, "utf8")).toBe(before);
  });

  it("names the run that holds a journal by its command's noun", async () => {
    const file = await path();
    const first = await Journal.open(file, upserts);
    await expect(Journal.open(file, upserts)).rejects.toThrow(/Another links upsert is using the journal/);
    await first.close();
  });
});
