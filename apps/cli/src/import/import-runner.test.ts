import { Conflict, ConnectionError, Forbidden, InternalServerError, NotFound } from "@dubkit/core";
import { describe, expect, it } from "vitest";
import { validateRow } from "../commands/partners-import.js";
import { type CreatedPartner, failureScope, type ImportRun, runImport } from "./import-runner.js";
import { newStats } from "./import-stats.js";
import { AdaptivePacer } from "./pacer.js";
import type { InputRow } from "./row-reader.js";

async function* rowsOf(emails: string[]): AsyncGenerator<InputRow> {
  let line = 1;
  for (const email of emails) {
    line++;
    yield { line, fields: { email }, input: { email } };
  }
}

function run(emails: string[], create: ImportRun["create"], extra: Partial<ImportRun> = {}): ImportRun {
  return {
    rows: rowsOf(emails),
    source: "csv",
    validate: (body) =>
      typeof body.email === "string" && body.email.includes("@")
        ? { ok: true, data: body as Record<string, unknown> & { email: string } }
        : { ok: false, field: "email", error: "email: Invalid email address" },
    create,
    pacer: new AdaptivePacer({ ratePerMinute: undefined }),
    stats: newStats(emails.length, Date.now()),
    concurrency: 4,
    maxRetries: 2,
    maxRateLimitRetries: 2,
    dryRun: false,
    stop: new AbortController().signal,
    abandon: new AbortController().signal,
    backoffMs: () => 0,
    ...extra,
  };
}

const conflict = () =>
  new Conflict({
    statusCode: 409,
    code: "conflict",
    message: "The tenantId 't' is already in associated with another partner in this program.",
    body: "",
    headers: new Headers(),
    method: "POST",
    url: "http://127.0.0.1/partners",
  });

describe("runImport", () => {
  it("never has two rows with the same email in flight, and counts the repeat as already enrolled", async () => {
    const inFlight = new Set<string>();
    const ids = new Map<string, string>();
    let overlap = false;
    const create = async (body: Record<string, unknown>): Promise<CreatedPartner> => {
      const email = String(body.email).toLowerCase();
      if (inFlight.has(email)) overlap = true;
      inFlight.add(email);
      await new Promise((resolve) => setTimeout(resolve, 1));
      inFlight.delete(email);
      if (!ids.has(email)) ids.set(email, `pn_${ids.size}`);
      return { id: ids.get(email), createdAt: new Date().toISOString() };
    };
    const setup = run(["a@x.co", "A@x.co", "b@x.co", "a@x.co"], create);
    await runImport(setup);
    expect(overlap).toBe(false);
    expect(setup.stats).toMatchObject({ created: 2, alreadyEnrolled: 2, failed: 0 });
  });

  it("retries network errors, gives up on permanent errors, and reports invalid rows without sending them", async () => {
    const calls = new Map<string, number>();
    const create = async (body: Record<string, unknown>): Promise<CreatedPartner> => {
      const email = String(body.email);
      calls.set(email, (calls.get(email) ?? 0) + 1);
      if (email === "flaky@x.co" && calls.get(email)! < 3) throw new ConnectionError("reset");
      if (email === "taken@x.co") throw conflict();
      return { id: `pn_${email}`, createdAt: new Date().toISOString() };
    };
    const setup = run(["flaky@x.co", "taken@x.co", "nope"], create);
    await runImport(setup);
    expect(setup.stats).toMatchObject({ created: 1, failed: 2, invalid: 1, retries: 2 });
    expect(calls.get("taken@x.co")).toBe(1);
    expect(calls.has("nope")).toBe(false);
  });

  it("counts rows abandoned in flight as unknown", async () => {
    const abandon = new AbortController();
    const stop = new AbortController();
    const create = (_body: Record<string, unknown>, signal: AbortSignal) =>
      new Promise<CreatedPartner>((_resolve, reject) => {
        signal.addEventListener("abort", () => reject(new Error("aborted")));
        stop.abort();
        abandon.abort();
      });
    const setup = run(["a@x.co", "b@x.co"], create, {
      abandon: abandon.signal,
      stop: stop.signal,
      concurrency: 1,
    });
    await runImport(setup);
    expect(setup.stats).toMatchObject({ created: 0, unknown: 1 });
  });
});

describe("runImport with the SDK's schema", () => {
  it("sends the row as mapped, so the transport transforms it exactly once", async () => {
    const sent: Record<string, unknown>[] = [];
    async function* rows(): AsyncGenerator<InputRow> {
      const fields = { email: "jane@example.com", "link_props.external_id": "ext_ext_9" };
      yield { line: 2, fields, input: fields };
    }
    await runImport(
      run(
        [],
        async (body) => {
          sent.push(body);
          return { id: "pn_1", createdAt: new Date().toISOString() };
        },
        { rows: rows(), validate: validateRow },
      ),
    );
    expect(sent).toEqual([{ email: "jane@example.com", linkProps: { externalId: "ext_ext_9" } }]);
  });
});

describe("failureScope", () => {
  const init = (statusCode: number, message: string) => ({
    statusCode,
    code: "x",
    message,
    body: "",
    headers: new Headers(),
    method: "POST",
    url: "http://127.0.0.1/partners",
  });

  it("blames the row for its own data, its tenantId or its groupId", () => {
    expect(failureScope(new Conflict(init(409, "The tenantId 't1' is already in associated…")))).toBe("row");
    expect(failureScope(new NotFound(init(404, 'Group "vip" not found.')))).toBe("row");
    expect(failureScope(new Forbidden(init(403, 'Group "grp_1" not found in your program.')))).toBe("row");
  });

  it("blames the workspace for plan, role, quota and program errors, and leaves the rest to a re-run", () => {
    expect(failureScope(new Forbidden(init(403, "Unauthorized: Need higher plan.")))).toBe("workspace");
    expect(failureScope(new NotFound(init(404, "Program not found")))).toBe("workspace");
    expect(failureScope(new InternalServerError(init(500, "boom")))).toBe("other");
  });
});
