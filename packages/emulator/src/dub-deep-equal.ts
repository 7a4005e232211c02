// Dub's `deepEqual` (packages/utils/src/functions/deep-equal.ts), which decides whether an upsert changes anything.
// It compares own enumerable keys recursively, so any two Dates are equal (they have no own keys) and a Date never
// equals its ISO text: the quirks the upsert's no-op check inherits.

/** Whether `a` and `b` are equal by Dub's rule. */
export function dubDeepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  return keysA.every(
    (key) =>
      keysB.includes(key) &&
      dubDeepEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}
