// Objects: keys validated in shape order (the order zod 4 reports issues in), unknown keys either
// dropped (`object`, zod's default) or kept (`looseObject`, for responses the server may extend).

import { invalidType } from "./messages.js";
import { define, type Infer, type Input, type OptionalSchema, type Run, type Schema } from "./schema.js";

/** The schemas of an object's properties, by key. */
export type Shape = { readonly [key: string]: Schema };

type OptionalKeys<S extends Shape> = { [K in keyof S]: S[K] extends OptionalSchema ? K : never }[keyof S];
type Flatten<T> = { [K in keyof T]: T[K] } & {};

/** The output type of an object schema: optional schemas become optional keys. */
export type ObjectOutput<S extends Shape> = Flatten<
  { -readonly [K in Exclude<keyof S, OptionalKeys<S>>]: Infer<S[K]> } & {
    -readonly [K in OptionalKeys<S>]?: Infer<S[K]>;
  }
>;

/** The input type of an object schema: optional schemas become optional keys. */
export type ObjectInput<S extends Shape> = Flatten<
  { -readonly [K in Exclude<keyof S, OptionalKeys<S>>]: Input<S[K]> } & {
    -readonly [K in OptionalKeys<S>]?: Input<S[K]>;
  }
>;

/** zod's notion of an object: anything non-null of type "object" that is not an array. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** An object schema, which also exposes its shape so tools can list the keys it knows. */
export interface ObjectSchema<Input, Output, S extends Shape> extends Schema<Input, Output> {
  /** The schema of each known key, in the order keys are validated. */
  readonly shape: S;
}

/* @__NO_SIDE_EFFECTS__ */
function objectOf<S extends Shape>(shape: S, loose: boolean): ObjectSchema<unknown, unknown, S> {
  // Resolved once here rather than on every parse: responses are parsed in hot loops.
  const keys = Object.keys(shape);
  const runs = keys.map((key) => (shape[key] as Schema)["~run"]);
  const optional = keys.map((key) => "~optional" in (shape[key] as Schema));
  // When every input key was a shape key, there is nothing to copy. That count can only be trusted
  // if no shape key could come from the prototype (checked per parse for non-plain inputs).
  const countable = !keys.some((key) => key in Object.prototype);
  const schema = define((value, ctx) => {
    if (!isObject(value)) {
      invalidType(ctx, "object", value);
      return value;
    }
    const out: Record<string, unknown> = {};
    const path = ctx.path;
    let present = 0;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as string;
      const has = key in value;
      if (!has && optional[i]) continue;
      if (has) present++;
      path.push(key);
      const result = (runs[i] as Run)(value[key], ctx);
      path.pop();
      if (has || result !== undefined) out[key] = result;
    }
    if (loose) {
      const inputKeys = Object.keys(value);
      const proto = Object.getPrototypeOf(value);
      const plain = countable && (proto === Object.prototype || proto === null);
      if (!plain || inputKeys.length > present) {
        // `__proto__` would replace the output's prototype instead of adding a key, so it is dropped.
        for (const key of inputKeys) {
          if (!Object.hasOwn(shape, key) && key !== "__proto__") out[key] = value[key];
        }
      }
    }
    return out;
  });
  return { ...schema, shape };
}

/** An object with the keys of `shape`; other keys are dropped from the output, as in zod. */
/* @__NO_SIDE_EFFECTS__ */
export function object<const S extends Shape>(shape: S): ObjectSchema<ObjectInput<S>, ObjectOutput<S>, S> {
  return objectOf(shape, false) as ObjectSchema<ObjectInput<S>, ObjectOutput<S>, S>;
}

/** An object with the keys of `shape`; other keys are kept as they are. */
/* @__NO_SIDE_EFFECTS__ */
export function looseObject<const S extends Shape>(
  shape: S,
): ObjectSchema<
  Flatten<ObjectInput<S> & { [key: string]: unknown }>,
  Flatten<ObjectOutput<S> & { [key: string]: unknown }>,
  S
> {
  return objectOf(shape, true) as never;
}
