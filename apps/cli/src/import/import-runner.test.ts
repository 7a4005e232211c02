import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createSDKError, RequestAbortedError } from "@dubkit/core";
import { describe, expect, it } from "vitest";
import { FailureReport } from "./failure-report.js";
import { type ImportRun, runImport } from "./import-runner.js";
import { type ImportStats, newStats, processed } from "./import-stats.js";
import { IMPORT_JOURNAL, type Journal } from "./journal.js";
import { partnerCreateJob } from "./partner-create-job.js";
import type { RowDecision, SendRow } from "./row-decision.js";
import type { PartnerHead } from "./send-outcome.js";

function send(line: number, email: string, tenantId?: string): SendRow {
  const body = tenantId === undefined ? { email } : { email, tenantId };
  return {
    kind: "send",
    line,
    raw: { cells: [email] },
    key: email,
    hash: "00000001",
    body,
    sentAt: undefined,
    finishedBefore: undefined,
  };
}

async function* batches(rows: RowDecision[]): AsyncGenerator<RowDecision[]> {
  yield rows.slice(0, 2);
  yield rows.slice(2);
}

async function report(): Promise<FailureReport> {
  return new FailureReport(join(await mkdtemp(join(tmpdir(), "dubkit-runner-")), "failed.jsonl"), {
    header: ["email"],
    delimiter: ",",
  });
}

const enrolled = (body: Record<string, unknown>): PartnerHead => ({
  id: `pn_${body.email}`,
  email: String(body.email),
  createdAt: new Date(Date.now() + 1000).toISOString(),
});

type Send = (body: Record<string, unknown>) => Promise<PartnerHead>;

async function run(
  rows: RowDecision[],
  { send = async (body) => enrolled(body), ...overrides }: Partial<ImportRun> & { send?: Send } = {},
): Promise<{ stats: ImportStats; fatal: unknown; report: FailureReport }> {
  const stats = newStats(rows.length, Date.now(), IMPORT_JOURNAL.outcomes);
  const failures = await report();
  const { fatal } = await runImport({
    rows: batches(rows),
    job: partnerCreateJob(send),
    stats,
    concurrency: 2,
    report: failures,
    stop: new AbortController().signal,
    abandon: new AbortController().signal,
    ...overrides,
  });
  await failures.close();
  return { stats, fatal, report: failures };
}

const total = (stats: ImportStats) => processed(stats) + stats.inFlight;

describe("runImport", () => {
  it("settles every row in exactly one bucket, and the buckets add up to the rows", async () => {
    const rows: RowDecision[] = [
      send(2, "a@x.co"),
      {
        kind: "invalid",
        line: 3,
        raw: { cells: ["bad"] },
        failure: { error: "email: Invalid email address", field: "email" },
      },
      { kind: "skip", line: 4, outcome: "created" },
      {
        kind: "duplicate",
        line: 5,
        raw: { cells: ["a@x.co"] },
        failure: { error: "duplicate", field: "email" },
      },
      {
        kind: "earlier",
        line: 6,
        raw: { cells: ["g@x.co"] },
        failure: { error: "Group not found", status: 404 },
      },
      send(7, "john@x.co", "t1"),
    ];
    const { stats, report } = await run(rows, {
      send: async (body) =>
        body.email === "john@x.co" ? { id: "pn_jane", email: "jane@x.co" } : enrolled(body),
    });
    expect(stats).toMatchObject({
      read: 6,
      done: { created: 1 },
      skipped: 1,
      failed: 4,
      invalid: 1,
      duplicates: 1,
      conflicts: 1,
      inFlight: 0,
    });
    expect(total(stats)).toBe(6);
    expect(report.count).toBe(4);
  });

  it("frees a request slot when the answer arrives, before the journal has it on disk", async () => {
    let release: () => void = () => undefined;
    const disk = new Promise<void>((resolve) => (release = resolve));
    const sentBodies: string[] = [];
    const onDisk = (settled: () => void) => void disk.then(() => settled());
    const journal = {
      sent: () => undefined,
      done: (_k: string, _h: string, _o: string, _id: string, settled: () => void) => onDisk(settled),
      failed: (_k: string, _h: string, _f: unknown, _r: boolean, settled: () => void) => onDisk(settled),
    } as unknown as Journal;
    const stats = newStats(4, Date.now(), IMPORT_JOURNAL.outcomes);
    const running = runImport({
      rows: batches([send(2, "a@x.co"), send(3, "b@x.co"), send(4, "c@x.co"), send(5, "d@x.co")]),
      job: partnerCreateJob(async (body) => {
        sentBodies.push(String(body.email));
        return enrolled(body);
      }),
      stats,
      concurrency: 1,
      journal,
      report: await report(),
      stop: new AbortController().signal,
      abandon: new AbortController().signal,
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    // With one slot and no record on disk yet, every row has been sent; none counts as created yet.
    expect(sentBodies).toEqual(["a@x.co", "b@x.co", "c@x.co", "d@x.co"]);
    expect(stats).toMatchObject({ done: { created: 0 }, inFlight: 4 });
    release();
    await running;
    expect(stats).toMatchObject({ done: { created: 4 }, inFlight: 0 });
  });

  it("on stop, lets requests in flight finish and counts the rest as not sent", async () => {
    const stop = new AbortController();
    const rows = Array.from({ length: 10 }, (_, i) => send(i + 2, `u${i}@x.co`));
    const { stats } = await run(rows, {
      concurrency: 1,
      stop: stop.signal,
      send: async (body) => {
        stop.abort();
        return enrolled(body);
      },
    });
    expect(stats).toMatchObject({ done: { created: 1 }, notSent: 9, read: 10 });
    expect(total(stats)).toBe(10);
  });

  it("stops at a workspace failure and counts abandoned requests as unanswered", async () => {
    const quota = createSDKError({
      statusCode: 403,
      body: '{"error":{"code":"forbidden","message":"You\'ve reached your partners limit of 2 for your current plan."}}',
      headers: new Headers(),
      method: "POST",
      url: "http://127.0.0.1/partners",
    });
    const rows = Array.from({ length: 5 }, (_, i) => send(i + 2, `u${i}@x.co`));
    const { stats, fatal } = await run(rows, { concurrency: 1, send: async () => Promise.reject(quota) });
    expect(fatal).toBe(quota);
    expect(stats).toMatchObject({ done: { created: 0 }, failed: 0, notSent: 5 });

    const abandon = new AbortController();
    const second = await run(rows, {
      concurrency: 5,
      abandon: abandon.signal,
      send: () => {
        abandon.abort();
        return Promise.reject(new RequestAbortedError("abandoned"));
      },
    });
    expect(second.stats).toMatchObject({ unknown: 5 });
    expect(total(second.stats)).toBe(5);
  });
});
