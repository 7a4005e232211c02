// Runs the smoke program (tests/smoke/) under one runtime and returns what it reported. The program's
// configuration travels in one environment variable, so the same entry files work in every runtime.
import { randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import { parseSmokeOutput, type RunOptions, runToSuccess } from "./run-process.js";

/** The folder holding the smoke program's files. */
export const smokeDir = fileURLToPath(new URL("../smoke/", import.meta.url));

/** What `runSmoke` (tests/smoke/steps.mjs) resolves to. */
export interface SmokeSummary {
  partnerId: string;
  conflict: string;
  invalidPath: string;
  firstPage: number;
  iterated: number;
}

/**
 * The line a smoke entry prints: which runtime ran, how it loaded the packages, the files `@dubkit/partners` and
 * `@dubkit/fetch` resolved to under that runtime's conditions, and the summary.
 */
export interface SmokeReport {
  runtime: string;
  loadedAs: "import" | "require";
  resolved: string;
  transport: string;
  result: SmokeSummary;
}

/** Where the emulator is and how to authenticate: the part of the configuration the test process owns. */
export interface EmulatorTarget {
  url: string;
  apiKey: string;
}

/** The smoke program's configuration; `tag` keeps concurrent runs against one emulator from sharing partners. */
export function smokeConfig(emulator: EmulatorTarget, tag: string) {
  return { serverURL: emulator.url, token: emulator.apiKey, tag };
}

/** Runs a smoke entry (`executable args`) with its configuration in `DUBKIT_SMOKE`, and parses its report. */
export async function runSmokeEntry(
  executable: string,
  args: string[],
  emulator: EmulatorTarget,
  options: RunOptions,
): Promise<SmokeReport> {
  const tag = `${options.label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, 24)}-${randomUUID().slice(0, 8)}`;
  const result = await runToSuccess(executable, args, {
    ...options,
    env: { ...options.env, DUBKIT_SMOKE: JSON.stringify(smokeConfig(emulator, tag)) },
  });
  return parseSmokeOutput<SmokeReport>(options.label, result);
}

/** Asserts what every passing run reports, whatever the runtime: the steps ran to the end with the right errors. */
export function expectSmokePassed(result: SmokeSummary): void {
  expect(result).toMatchObject({
    partnerId: expect.stringMatching(/^pn_/),
    conflict: "Conflict",
    invalidPath: "email",
  });
  expect(result.iterated).toBeGreaterThanOrEqual(2);
}
