// The recognisable token the leak sweep looks for: anything that prints it, or a telling part of it, leaks it.

/** A valid-looking Dub key that no real workspace has; the emulators in the sweep accept it. */
export const CANARY_TOKEN = "dub_LEAKCANARY7q3ZxW9vB2nT5kRm8Hj4";

/**
 * Pieces only a leak can print. A masked token (`dub_…Hj4`) shows at most its last four characters, so its head
 * and its middle must never appear, alone or together.
 */
const SECRET_PIECES = ["LEAKCANARY", "7q3ZxW9vB2nT5kRm8"];

/** Whether `text` holds the token, whole or in part. */
export function leaksCanary(text: string): boolean {
  return SECRET_PIECES.some((piece) => text.includes(piece));
}
