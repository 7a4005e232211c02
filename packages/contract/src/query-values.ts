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
 * A boolean: `true` or `false`, or the text `"true"`/`"false"` in any case, as the server reads it (Dub's
 * `z.stringbool({ truthy: ["true"], falsy: ["false"] })`); other text is refused with the same issue,
 * `Invalid option: expected one of "true"|"false"`. Typed as a boolean; sent as `true`/`false`.
 */
/* @__NO_SIDE_EFFECTS__ */
export function queryBoolean(): z.ZodMiniType<boolean, boolean> {
  return z.pipe(
    z.transform((value: unknown) => (typeof value === "boolean" ? String(value) : value)),
    z.pipe(
      z.string(),
      z.transform((text: string, context) => {
        const lower = text.toLowerCase();
        if (lower === "true" || lower === "false") return lower === "true";
        context.issues.push({
          code: "invalid_value",
          values: ["true", "false"],
          input: text,
          continue: false,
        });
        return z.NEVER;
      }),
    ),
  ) as unknown as z.ZodMiniType<boolean, boolean>;
}
