// The two sides of a differential test: what the emulator answers (the contract's schema, through its 422 path) and
// whether it agrees with the server's schema over a generated corpus. Test-only code.

import fc from "fast-check";
import { expect } from "vitest";
import type * as z from "zod/mini";
import { DubApiError } from "../dub-error.js";
import { parseOrThrow } from "../validation.js";
import { serverVerdict } from "./server-schemas.js";

/** What one side answers: the parsed value, or the 422 message. */
export type Verdict = { ok: true; data: unknown } | { ok: false; message: string };

/** What the emulator answers: the parsed input, or its 422 message. */
export function emulatorVerdict(schema: z.core.$ZodType, input: unknown): Verdict {
  try {
    return { ok: true, data: parseOrThrow(schema, input) };
  } catch (error) {
    if (error instanceof DubApiError && error.code === "unprocessable_entity")
      return { ok: false, message: error.message };
    throw error;
  }
}

/** The inputs of one differential run and how to compare them. */
export interface Agreement {
  /** The generated inputs. */
  inputs: fc.Arbitrary<unknown>;
  /** The contract's schema, as the emulator validates with it. */
  contract: z.core.$ZodType;
  /** Dub's schema, transcribed (server-schemas.ts). */
  server: Parameters<typeof serverVerdict>[0];
  /** Maps the emulator's parsed value to the server's form where they differ by design (documented per test). */
  normalise?: (data: unknown) => unknown;
  /** fast-check runs. */
  numRuns: number;
  /** fast-check seed, so a failure reproduces. */
  seed: number;
}

/** Asserts both sides give the same verdict on every input; returns how many each outcome had. */
export function assertAgreement(agreement: Agreement): { accepted: number; rejected: number } {
  const { inputs, contract, server, normalise = (data) => data, numRuns, seed } = agreement;
  let accepted = 0;
  let rejected = 0;
  fc.assert(
    fc.property(inputs, (input) => {
      const expected = serverVerdict(server, input);
      const actual = emulatorVerdict(contract, input);
      expect(actual.ok ? { ok: true, data: normalise(actual.data) } : actual).toStrictEqual(expected);
      if (expected.ok) accepted++;
      else rejected++;
    }),
    { numRuns, seed },
  );
  return { accepted, rejected };
}
