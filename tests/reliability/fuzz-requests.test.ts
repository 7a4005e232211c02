// Fuzzed requests (fast-check, seeded): random bodies and queries through the SDK, where the only outcomes allowed
// are a value, an InvalidRequestError raised before anything is sent, or a business answer the server gives valid
// requests (409, 404/403 for a group); and random raw requests straight to the emulator, which must answer in Dub's
// shape (a JSON success, or a JSON error in Dub's envelope), never a 5XX, never crash.
import { isDeepStrictEqual } from "node:util";
import { type Emulator, startEmulator } from "@dubkit/emulator";
import { Dub, DubError, InvalidRequestError, SDKError } from "@dubkit/partners";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { markdownTable, reportBlock, reproduce } from "./support/reliability-report.js";
import { createBody, listQuery, type RawRequest, rawRequest } from "./support/request-arbitraries.js";

const SEED = 20_261_130;
const RUNS = { create: 2000, list: 1000, http: 2000 };

let emulator: Emulator;
let dub: Dub;
const internalErrors: string[] = [];
const figures: Record<string, Record<string, number>> = {};

beforeAll(async () => {
  emulator = await startEmulator({
    seed: 1,
    rateLimit: false,
    log: (line) => {
      if (line.startsWith("internal error")) internalErrors.push(line);
    },
  });
  dub = new Dub({ token: emulator.apiKey, serverURL: emulator.url, retries: { strategy: "none" } });
});
afterAll(async () => {
  await dub?.close();
  await emulator?.stop();
});

/** Business answers a valid create can get: a tenantId of another partner (409), an unknown or foreign group. */
const BUSINESS_STATUSES = new Set([403, 404, 409]);

function count(bucket: string, outcome: string): void {
  figures[bucket] ??= {};
  figures[bucket][outcome] = (figures[bucket][outcome] ?? 0) + 1;
}

/** The body as JSON when JSON carries it unchanged (no undefined, NaN, functions or cycles), else undefined. */
function jsonStable(value: unknown): string | undefined {
  try {
    const json = JSON.stringify(value);
    if (json === undefined || value === null || typeof value !== "object" || Array.isArray(value))
      return undefined;
    return isDeepStrictEqual(JSON.parse(json), value) ? json : undefined;
  } catch {
    return undefined;
  }
}

/** Runs one SDK call and checks its outcome; returns how it ended. */
async function sdkOutcome(call: () => Promise<unknown>, input?: unknown): Promise<string> {
  const sentBefore = emulator.stats().requests;
  try {
    await call();
    return "value";
  } catch (error) {
    const sent = emulator.stats().requests - sentBefore;
    if (InvalidRequestError.isInstance(error)) {
      // Refused before sending, with the field named.
      expect(sent, "an InvalidRequestError after a request went out").toBe(0);
      expect(error.issues.length).toBeGreaterThan(0);
      return "InvalidRequestError (not sent)";
    }
    const text = String(error).slice(0, 300);
    expect(DubError.isInstance(error), `an unexpected exception: ${text}`).toBe(true);
    const status = SDKError.isInstance(error) ? error.statusCode : undefined;
    const outcome = `${(error as Error).name} ${status}`;
    // A query longer than the server takes in a request line (16 KiB on Node) is answered 431 by the HTTP layer.
    if (status === 431 && String(JSON.stringify(input)).length > 16_000) return outcome;
    // The server refused what the SDK sent as invalid (422/400): the SDK's validation let a bad request through.
    expect(status !== undefined && BUSINESS_STATUSES.has(status), text).toBe(true);
    return outcome;
  }
}

describe("fuzzed requests", () => {
  it("fuzzed requests: create bodies through the SDK", async () => {
    await fc.assert(
      fc.asyncProperty(createBody, async (body) => {
        const outcome = await sdkOutcome(() => dub.partners.create(body as never));
        count("create", outcome);
        const json = jsonStable(body);
        if (outcome.startsWith("InvalidRequestError") && json !== undefined) {
          // The server must refuse it too: the SDK never turns away a body Dub would accept.
          const response = await fetch(`${emulator.url}/partners`, {
            method: "POST",
            headers: { authorization: `Bearer ${emulator.apiKey}`, "content-type": "application/json" },
            body: json,
          });
          expect(response.status, `the SDK refused ${json}, the server answered ${response.status}`).toBe(
            422,
          );
          count("create", "… of which sent raw: 422 from the server too");
        }
      }),
      { seed: SEED, numRuns: RUNS.create },
    );
    expect(internalErrors).toEqual([]);
  }, 120_000);

  it("fuzzed requests: list queries through the SDK", async () => {
    await fc.assert(
      fc.asyncProperty(listQuery, async (query) => {
        const outcome = await sdkOutcome(async () => (await dub.partners.list(query as never)).data, query);
        count("list", outcome);
        const isObject = query !== null && typeof query === "object" && !Array.isArray(query);
        if (query !== undefined && !isObject)
          expect(outcome, `list(${String(query)})`).toMatch(/^InvalidRequestError/);
      }),
      { seed: SEED, numRuns: RUNS.list },
    );
    expect(internalErrors).toEqual([]);
  }, 120_000);

  it("fuzzed requests: raw requests straight to the emulator", async () => {
    const send = async (request: RawRequest) => {
      const headers: Record<string, string> = {};
      if (request.authorization === "valid") headers.authorization = `Bearer ${emulator.apiKey}`;
      else if (request.authorization !== null) headers.authorization = request.authorization;
      if (request.contentType) headers["content-type"] = request.contentType;
      const url = `${emulator.url}/partners${request.query === "" ? "" : `?${request.query}`}`;
      const init: RequestInit = { method: request.method, headers };
      if (request.method === "POST" && request.body) init.body = new Uint8Array(request.body);
      const response = await fetch(url, init);
      const text = await response.text();
      const label = `${request.method} ${url} → ${response.status} ${text.slice(0, 200)}`;
      expect(response.status, label).toBeLessThan(500);
      expect(response.headers.get("content-type"), label).toMatch(/^application\/json/);
      const body = JSON.parse(text);
      if (response.status >= 400) {
        // Dub's envelope: { error: { code, message, doc_url } }.
        expect(body, label).toEqual({
          error: { code: expect.any(String), message: expect.any(String), doc_url: expect.any(String) },
        });
        count("http", `${response.status} ${body.error.code}`);
      } else {
        expect(response.status === 200 ? Array.isArray(body) : typeof body === "object", label).toBe(true);
        count("http", `${response.status}`);
      }
    };
    await fc.assert(fc.asyncProperty(rawRequest, send), { seed: SEED, numRuns: RUNS.http });
    expect(internalErrors).toEqual([]);
    // Still serving, every partner once.
    const page = await dub.partners.list({ pageSize: 100 });
    expect(page.data.length).toBeGreaterThan(0);
  }, 120_000);

  it("fuzzed requests: writes the figures into RELIABILITY.md", () => {
    const section = (bucket: string) =>
      markdownTable(
        ["outcome", "inputs"],
        Object.entries(figures[bucket] ?? {})
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([outcome, n]) => [outcome, n]),
      );
    const markdown = [
      `Seed ${SEED}. Inputs tried: ${RUNS.create} create bodies and ${RUNS.list} list queries through the SDK, ` +
        `${RUNS.http} raw requests straight to the emulator: ${RUNS.create + RUNS.list + RUNS.http} in all. ` +
        "Through the SDK: no unexpected exception, no invalid request sent (no 400/422 from the server). Straight to " +
        "the emulator: no 5XX, no internal error, every answer in Dub's shape.",
      "",
      "`dub.partners.create(body)`:",
      "",
      section("create"),
      "",
      "`dub.partners.list(query)`:",
      "",
      section("list"),
      "",
      "Raw `GET`/`POST /partners` (any bytes, queries, content types and Authorization headers), answers by status " +
        "and Dub error code:",
      "",
      section("http"),
      "",
      `Reproduce: ${reproduce("fuzzed requests")}`,
    ].join("\n");
    expect(reportBlock("fuzzed-requests", markdown)).toBeUndefined();
  });
});
