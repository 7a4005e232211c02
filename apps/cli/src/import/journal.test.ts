import { appendFile, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Journal, rowHash } from "./journal.js";

async function tempPath(): Promise<string> {
  return join(await mkdtemp(join(tmpdir(), "dubkit-journal-")), "import.journal");
}

describe("Journal", () => {
  it("resumes done and permanently failed rows, and re-sends sent-but-unanswered and retryable ones", async () => {
    const path = await tempPath();
    const first = await Journal.open(path);
    first.sent(2, "aaaaaaaa", 1000);
    await first.done(2, "aaaaaaaa", "created", "pn_1");
    first.sent(3, "bbbbbbbb", 1000);
    await first.failed(3, "bbbbbbbb", "409 conflict: taken", false);
    first.sent(4, "cccccccc", 1234);
    first.sent(5, "dddddddd", 1000);
    await first.failed(5, "dddddddd", "503", true);
    await first.close();

    const second = await Journal.open(path);
    expect(second.resume.get(2, "aaaaaaaa")).toEqual({ state: "done", outcome: "created" });
    expect(second.resume.get(3, "bbbbbbbb")).toEqual({ state: "failed", error: "409 conflict: taken" });
    expect(second.resume.get(4, "cccccccc")).toEqual({ state: "unknown", sentAt: 1234 });
    expect(second.resume.get(5, "dddddddd")).toBeUndefined();
    expect(second.resume.get(6, "eeeeeeee")).toBeUndefined();
    await second.close();
  });

  it("does not skip a row whose content changed since it was journalled", async () => {
    const path = await tempPath();
    const journal = await Journal.open(path);
    await journal.done(2, rowHash({ email: "a@x.co" }), "created", "pn_1");
    await journal.close();
    const reopened = await Journal.open(path);
    expect(reopened.resume.get(2, rowHash({ email: "a@x.co" }))).toMatchObject({ state: "done" });
    expect(reopened.resume.get(2, rowHash({ email: "b@x.co" }))).toBeUndefined();
    await reopened.close();
  });

  it("tolerates a torn last line and cuts it off so the next record starts on its own line", async () => {
    const path = await tempPath();
    const journal = await Journal.open(path);
    await journal.done(2, "aaaaaaaa", "created", "pn_1");
    await journal.close();
    await appendFile(path, '{"l":3,"h":"bbbbbbbb","s":"do');

    const reopened = await Journal.open(path);
    expect(reopened.resume.get(2, "aaaaaaaa")).toMatchObject({ state: "done" });
    expect(reopened.resume.get(3, "bbbbbbbb")).toBeUndefined();
    await reopened.done(3, "bbbbbbbb", "existing", "pn_2");
    await reopened.close();

    const lines = (await readFile(path, "utf8")).trimEnd().split("\n");
    expect(lines.every((line) => JSON.parse(line))).toBe(true);
    const third = await Journal.open(path);
    expect(third.resume.get(3, "bbbbbbbb")).toEqual({ state: "done", outcome: "existing" });
    await third.close();
  });

  it("resolves a completion only once its line is in the file", async () => {
    const path = await tempPath();
    const journal = await Journal.open(path);
    await Promise.all([1, 2, 3].map((line) => journal.done(line, "aaaaaaaa", "created", `pn_${line}`)));
    const text = await readFile(path, "utf8");
    expect(text.split("\n").filter((line) => line.includes('"s":"done"'))).toHaveLength(3);
    await journal.close();
  });

  it("ignores a journal that only holds garbage", async () => {
    const path = await tempPath();
    await writeFile(path, "garbage\nmore garbage\n");
    const journal = await Journal.open(path);
    expect(journal.resume.get(1, "aaaaaaaa")).toBeUndefined();
    await journal.close();
  });
});
