import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { REDACTED, rememberSecret } from "../redact.js";
import { FailureReport } from "./failure-report.js";

async function dir(): Promise<string> {
  return mkdtemp(join(tmpdir(), "dubkit-report-"));
}

describe("FailureReport", () => {
  it("writes CSV with the input's columns, separator and a BOM, plus the error columns", async () => {
    const path = join(await dir(), "p.failed.csv");
    const report = new FailureReport(path, { header: ["E-mail", "Name"], delimiter: ";" });
    report.add({
      line: 3,
      raw: { cells: ["bad", "Zoë; Jr."] },
      error: "email: Invalid email address",
      field: "email",
    });
    report.add({ line: 9, raw: { cells: ["g@x.co"] }, error: 'Group "vip" not found.', status: 404 });
    await report.close();
    const text = await readFile(path, "utf8");
    expect(text.startsWith("\uFEFF")).toBe(true);
    expect(parse(text.slice(1), { delimiter: ";" })).toEqual([
      ["E-mail", "Name", "dubkit_line", "dubkit_field", "dubkit_error", "dubkit_status"],
      ["bad", "Zoë; Jr.", "3", "email", "email: Invalid email address", ""],
      ["g@x.co", "", "9", "", 'Group "vip" not found.', "404"],
    ]);
  });

  it("replaces an earlier report's error columns when a report is imported again", async () => {
    const path = join(await dir(), "again.csv");
    const header = ["email", "dubkit_line", "dubkit_field", "dubkit_error", "dubkit_status"];
    const report = new FailureReport(path, { header, delimiter: "," });
    report.add({ line: 2, raw: { cells: ["x", "7", "email", "old", ""] }, error: "new" });
    await report.close();
    expect(parse((await readFile(path, "utf8")).slice(1))).toEqual([
      ["email", "dubkit_line", "dubkit_field", "dubkit_error", "dubkit_status"],
      ["x", "2", "", "new", ""],
    ]);
  });

  it("writes JSON Lines with the row as an object, and nothing when nothing failed", async () => {
    const base = await dir();
    const report = new FailureReport(join(base, "f.jsonl"), { header: ["email", "name"], delimiter: "," });
    report.add({ line: 2, raw: { cells: ["a", "A"] }, error: "e", status: 422 });
    await report.close();
    expect(JSON.parse(await readFile(join(base, "f.jsonl"), "utf8"))).toEqual({
      line: 2,
      error: "e",
      status: 422,
      input: { email: "a", name: "A" },
    });
    const empty = new FailureReport(join(base, "none.csv"), { header: ["email"], delimiter: "," });
    await empty.close();
    await expect(readFile(join(base, "none.csv"))).rejects.toThrow(/ENOENT/);
  });

  it("writes a row holding the token in use masked, and keeps values that only look like a key", async () => {
    const token = "tok_reportTEST0123456789";
    rememberSecret(token);
    const base = await dir();
    for (const name of ["r.csv", "r.jsonl"]) {
      const report = new FailureReport(join(base, name), { header: ["tenantId", "key"], delimiter: "," });
      report.add({
        line: 2,
        raw: { cells: ["dub_lookalike12345", `x${token}`] },
        error: "key: is the token",
      });
      await report.close();
      const text = await readFile(join(base, name), "utf8");
      expect(text).not.toContain(token);
      expect(text).toContain(`x${REDACTED}`);
      expect(text).toContain("dub_lookalike12345");
    }
  });
});
