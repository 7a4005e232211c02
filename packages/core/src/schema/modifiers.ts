// Wrappers that widen or reshape another schema: optional, nullable, nullish and transform.

import { define, type Infer, type Input, type OptionalSchema, type Schema } from "./schema.js";

/** Also accepts `undefined`; as an object property, the key may be left out. */
/* @__NO_SIDE_EFFECTS__ */
export function optional<S extends Schema>(
  schema: S,
): OptionalSchema<Input<S> | undefined, Infer<S> | undefined> {
  const run = schema["~run"];
  return define((value, ctx) => (value === undefined ? value : run(value, ctx)), true) as OptionalSchema<
    Input<S> | undefined,
    Infer<S> | undefined
  >;
}

/** Also accepts `null`. */
/* @__NO_SIDE_EFFECTS__ */
export function nullable<S extends Schema>(schema: S): Schema<Input<S> | null, Infer<S> | null> {
  const run = schema["~run"];
  return define((value, ctx) => (value === null ? value : run(value, ctx)));
}

/** Also accepts `null` and `undefined`; as an object property, the key may be left out. */
/* @__NO_SIDE_EFFECTS__ */
export function nullish<S extends Schema>(
  schema: S,
): OptionalSchema<Input<S> | null | undefined, Infer<S> | null | undefined> {
  const run = schema["~run"];
  return define((value, ctx) => (value == null ? value : run(value, ctx)), true) as OptionalSchema<
    Input<S> | null | undefined,
    Infer<S> | null | undefined
  >;
}

/** The output of `schema`, passed through `fn` when it validated without issues (zod's `.transform`). */
/* @__NO_SIDE_EFFECTS__ */
export function transform<S extends Schema, R>(
  schema: S,
  fn: (value: Infer<S>) => R,
): S extends OptionalSchema ? OptionalSchema<Input<S>, R> : Schema<Input<S>, R> {
  const run = schema["~run"];
  return define(
    (value, ctx) => {
      const before = ctx.issues.length;
      const out = run(value, ctx);
      if (ctx.issues.length === before) return fn(out as Infer<S>);
      ctx.aborted = true;
      return out;
    },
    "~optional" in schema,
  ) as never;
}
