// The fault matrix: every fault the emulator can inject × every SDK operation × retry settings. Each case runs
// against its own emulator, and checks what the SDK returned or threw against what exists in the emulator after:
// a write's change exactly once when acknowledged (a partner, a link, a status), never when every attempt failed
// before the server applied it, at most once otherwise, never a duplicate; a read changes nothing; "may have
// applied" whenever a reset came after the apply.
import { type FaultKind, startEmulator } from "@dubkit/emulator";
import * as partnersModule from "@dubkit/partners";
import { DubError, type RequestOptions } from "@dubkit/partners";
import { describe, expect, it } from "vitest";
import { type CaseContext, OPERATION_CASES, type OperationCase } from "./support/operation-cases.js";
import { markdownTable, reportBlock, reproduce } from "./support/reliability-report.js";

const { Dub, DubCore } = partnersModule;

/** Every fault kind, with short durations for the two that take one (the defaults would only slow the suite). */
const FAULTS: { kind: FaultKind; ms?: number }[] = [
  { kind: "500" },
  { kind: "502" },
  { kind: "503" },
  { kind: "reset-before" },
  { kind: "reset-after" },
  { kind: "slow", ms: 200 },
  { kind: "truncate" },
  { kind: "html" },
  { kind: "delay", ms: 200 },
];

/** Faults that replace the server's handling: the request is never applied. */
const NOT_APPLIED = new Set<FaultKind>(["500", "502", "503", "html", "reset-before"]);

/** The SDK's default is 2 retries: three attempts. "every" faults all three. */
const SETTINGS = [
  { retries: "default", faulted: "first attempt" },
  { retries: "default", faulted: "every attempt" },
  { retries: "none", faulted: "first attempt" },
] as const;

interface CaseResult {
  fault: string;
  operation: string;
  retries: string;
  faulted: string;
  outcome: string;
  attempts: number;
  /** A write's change, counted after the call; "unchanged" for a read. */
  after: string;
}

/** Every `resource.method` of a `Dub` client, found on the client itself, so a new operation cannot be missed. */
function sdkOperations(): string[] {
  const dub = new Dub({ token: "dub_enumerate", serverURL: "http://127.0.0.1:1" });
  const core = new DubCore({ token: "dub_enumerate", serverURL: "http://127.0.0.1:1" });
  const names: string[] = [];
  for (const [resource, value] of Object.entries(dub)) {
    if (resource in core || value === null || typeof value !== "object") continue;
    for (const method of Object.getOwnPropertyNames(Object.getPrototypeOf(value))) {
      if (method !== "constructor") names.push(`${resource}.${method}`);
    }
  }
  return names.sort();
}

/** Every standalone operation @dubkit/partners exports (its lower-case functions). */
function standaloneOperations(): string[] {
  return Object.entries(partnersModule)
    .filter(([name, value]) => typeof value === "function" && /^[a-z]/.test(name))
    .map(([name]) => name)
    .sort();
}

function outcomeOf(
  operation: OperationCase,
  settled: PromiseSettledResult<unknown>,
  context: CaseContext,
): string {
  if (settled.status === "fulfilled") return operation.describe(settled.value, context);
  const error = settled.reason as Error & { statusCode?: number };
  const status = error.statusCode === undefined ? "" : ` ${error.statusCode}`;
  const applied = /may (still )?have applied/.test(error.message) ? " (may have applied)" : "";
  return `${error.name}${status}${applied}`;
}

async function runCase(
  operation: OperationCase,
  fault: (typeof FAULTS)[number],
  setting: (typeof SETTINGS)[number],
): Promise<CaseResult> {
  const first = operation.setupRequests + 1;
  const numbers = setting.faulted === "every attempt" ? [first, first + 1, first + 2] : [first];
  const script = Object.fromEntries(numbers.map((n) => [n, fault]));
  await using emulator = await startEmulator({ seed: 7, rateLimit: false, faults: { script } });
  await using dub = new Dub({ token: emulator.apiKey, serverURL: emulator.url });
  const context = await operation.setup(dub, emulator);
  const snapshot = () =>
    JSON.stringify([emulator.partners(), emulator.enrollments(), emulator.links(), emulator.applications()]);
  const before = snapshot();
  // "default" passes nothing: the client's own policy (2 retries, backoff from 500 ms), exactly as users get it.
  const options: RequestOptions = setting.retries === "none" ? { retries: { strategy: "none" } } : {};
  const [settled] = await Promise.allSettled([operation.call(dub, options, context)]);
  const label = `${fault.kind} × ${operation.name} × retries ${setting.retries}, ${setting.faulted}`;

  // Never a duplicate partner, whatever happened.
  const emailById = new Map(emulator.partners().map((p) => [p.id, p.email.toLowerCase()]));
  const enrolled = emulator.enrollments().map((e) => emailById.get(e.partnerId));
  expect(new Set(enrolled).size, `${label}: an email enrolled twice`).toBe(enrolled.length);

  if (settled?.status === "rejected") {
    // Only dubkit's own errors, never a TypeError or an unhandled library error.
    expect(DubError.isInstance(settled.reason), `${label}: ${settled.reason}`).toBe(true);
  }
  let after = "unchanged";
  if (operation.applied) {
    const count = operation.applied.count(emulator, context);
    if (settled?.status === "fulfilled") expect(count, `${label}: acknowledged`).toBe(1);
    else if (NOT_APPLIED.has(fault.kind)) expect(count, `${label}: failed before applying`).toBe(0);
    else expect(count, `${label}: may have applied`).toBeLessThanOrEqual(1);
    after = `${count} ${operation.applied.label}`;
  } else {
    expect(snapshot() === before, `${label}: a read changed the emulator's state`).toBe(true);
  }
  if (settled?.status === "rejected" && fault.kind === "reset-after") {
    expect((settled.reason as Error).message, label).toMatch(/may (still )?have applied/);
  }
  return {
    fault: fault.ms === undefined ? fault.kind : `${fault.kind}=${fault.ms}`,
    operation: operation.name,
    retries: setting.retries,
    faulted: setting.faulted,
    outcome: settled ? outcomeOf(operation, settled, context) : "none",
    attempts: emulator.stats().requests - operation.setupRequests,
    after,
  };
}

/** Runs `tasks` with at most `limit` at a time, keeping their order. */
async function pooled<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]!();
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return results;
}

describe("fault matrix", () => {
  it("covers every operation the SDK exposes", () => {
    const covered = OPERATION_CASES.map((c) => c.name).sort();
    expect(sdkOperations(), "an SDK operation has no case in support/operation-cases.ts").toEqual(covered);
    expect(
      standaloneOperations(),
      "a standalone operation has no case in support/operation-cases.ts",
    ).toEqual(OPERATION_CASES.map((c) => c.standalone).sort());
  });

  it("every fault kind × operation × retry setting: the SDK's outcome and the state after", async () => {
    const tasks = OPERATION_CASES.flatMap((operation) =>
      FAULTS.flatMap((fault) => SETTINGS.map((setting) => () => runCase(operation, fault, setting))),
    );
    const results = await pooled(tasks, 6);
    expect(results.length).toBe(FAULTS.length * OPERATION_CASES.length * SETTINGS.length);

    const table = markdownTable(
      ["fault", "operation", "retries", "faulted", "SDK outcome", "requests", "after"],
      results.map((r) => [r.fault, r.operation, r.retries, r.faulted, r.outcome, r.attempts, r.after]),
    );
    const acknowledged = results.filter((r) => !/Error/.test(r.outcome)).length;
    const markdown = [
      `${results.length} cases: ${FAULTS.length} fault kinds × ${OPERATION_CASES.length} operations ` +
        `(${OPERATION_CASES.map((c) => c.name).join(", ")}) × ${SETTINGS.length} retry settings. ` +
        `${acknowledged} ended with a value, ${results.length - acknowledged} with a dubkit error; ` +
        "every invariant held in every case.",
      "",
      table,
      "",
      `Reproduce: ${reproduce("fault matrix")}`,
    ].join("\n");
    expect(reportBlock("fault-matrix", markdown)).toBeUndefined();
  }, 400_000);
});
