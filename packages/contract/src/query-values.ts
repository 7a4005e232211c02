// Query values a caller passes as numbers or booleans. The server sees text and coerces it (`z.coerce.number()`,
// Dub's `booleanQuerySchema`); the schemas accept both, so the emulator validates the text exactly as the server
// does while a caller's types stay `number` and `boolean`.

import * as z from "zod/mini";

/** A whole number from 0, coerced from text (`z.coerce.number().int().nonnegative()`), typed as a number. */
/* @__NO_SIDE_EFFECTS__ */
export function queryCount(): z.ZodMiniType<number, number> {
  return z.coerce.number().check(z.int(), z.nonnegative()) as unknown as z.ZodMiniType<number, number>;
}

/**
 * A boolean: `true` or `false`, or the text `"true"`/`"false"` as the server reads it (any other text is refused
 * with `Invalid option: expected one of "true"|"false"`). Typed as a boolean; sent as `true`/`false`.
 */
/* @__NO_SIDE_EFFECTS__ */
export function queryBoolean(): z.ZodMiniType<boolean, boolean> {
  return z.pipe(
    z.transform((value: unknown) => (typeof value === "boolean" ? String(value) : value)),
    z.stringbool({ truthy: ["true"], falsy: ["false"] }),
  ) as unknown as z.ZodMiniType<boolean, boolean>;
}
