// Response shapes are parsed leniently, so an additive API change never turns a successful call into an error:
// unknown keys are kept and enum values the client does not know yet pass as strings. The static types stay exact,
// so a misspelt field is still a compile error.

import * as z from "zod/mini";
import type { ObjectSchema } from "./object-schema.js";

/**
 * An object that keeps unknown keys at run time (zod's `looseObject`) but is typed as a plain object, with no
 * index signature: `partner.stauts` does not compile, while `partner.someNewField` is still there to log.
 */
/* @__NO_SIDE_EFFECTS__ */
export function lenientObject<const Shape extends z.core.$ZodLooseShape>(shape: Shape): ObjectSchema<Shape> {
  return z.looseObject(shape) as unknown as ObjectSchema<Shape>;
}

/**
 * An enum the server may extend: typed as one of `values` for autocompletion and exhaustiveness hints, while any
 * string is accepted at run time.
 */
/* @__NO_SIDE_EFFECTS__ */
export function openEnum<const T extends string>(
  _values?: readonly T[],
): z.ZodMiniType<T | (string & {}), T | (string & {})> {
  return z.string();
}
