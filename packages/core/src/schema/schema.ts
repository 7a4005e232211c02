// The heart of the kit: a schema is a plain object holding a run function plus the Standard Schema
// surface. Runs share one mutable context so a parse allocates only the issues it reports.

import type { InferInput, InferOutput, StandardSchemaProps, StandardSchemaV1 } from "../standard-schema.js";

/** The issue codes the kit reports; the same names and meanings as zod 4's. */
export type IssueCode =
  | "invalid_type"
  | "invalid_format"
  | "invalid_value"
  | "invalid_union"
  | "too_big"
  | "too_small"
  | "custom";

/** One validation problem: zod-4-compatible `code`, `path` and English `message`. */
export interface Issue {
  /** What kind of problem, e.g. `invalid_type` or `too_big`. */
  readonly code: IssueCode;
  /** Keys and array indexes from the root of the value to the bad part; `[]` for the root itself. */
  readonly path: PropertyKey[];
  /** The message zod 4 gives for the same problem, e.g. `Invalid email address`. */
  readonly message: string;
}

/**
 * State of one parse, shared by every schema it reaches. `aborted` follows zod's rule: a type
 * mismatch (or a failed union) stops the checks that come after it; a failed check does not.
 * @internal
 */
export interface Context {
  readonly issues: Issue[];
  readonly path: PropertyKey[];
  aborted: boolean;
}

/** The function every schema runs: validates `value`, records issues, returns the output. @internal */
export type Run = (value: unknown, ctx: Context) => unknown;

/** A schema of the kit. It is a Standard Schema v1, so anything that accepts those accepts it. */
export interface Schema<Input = unknown, Output = Input> extends StandardSchemaV1<Input, Output> {
  /** @internal */
  readonly "~run": Run;
}

/** A schema that also accepts `undefined`, which lets an object key be left out. */
export interface OptionalSchema<Input = unknown, Output = Input> extends Schema<Input, Output> {
  /** @internal */
  readonly "~optional": true;
}

/** The output type of a schema: what a successful parse returns. */
export type Infer<S extends StandardSchemaV1> = InferOutput<S>;

/** The input type of a schema: what it accepts. */
export type Input<S extends StandardSchemaV1> = InferInput<S>;

/** The result of {@link safeParse}. */
export type ParseResult<Output> =
  | { readonly success: true; readonly data: Output }
  | { readonly success: false; readonly issues: Issue[] };

/** Builds a schema object around a run function. @internal */
/* @__NO_SIDE_EFFECTS__ */
export function define<Input, Output>(run: Run, optional?: boolean): Schema<Input, Output> {
  const schema: Schema<Input, Output> = {
    "~run": run,
    "~standard": {
      version: 1,
      vendor: "dubkit",
      validate(value: unknown) {
        const result = safeParse(schema, value);
        return result.success ? { value: result.data } : { issues: result.issues };
      },
    } as StandardSchemaProps<Input, Output>,
  };
  return optional ? ({ ...schema, "~optional": true } as OptionalSchema<Input, Output>) : schema;
}

/**
 * Validates `value` against `schema` without throwing. Every issue is collected, in the order
 * zod 4 would report them (object keys in shape order).
 */
export function safeParse<S extends Schema>(schema: S, value: unknown): ParseResult<Infer<S>> {
  const ctx: Context = { issues: [], path: [], aborted: false };
  const data = schema["~run"](value, ctx) as Infer<S>;
  return ctx.issues.length === 0 ? { success: true, data } : { success: false, issues: ctx.issues };
}

/** Records an issue at the current path; `abort` marks a type-level failure that skips later checks. @internal */
export function report(ctx: Context, code: IssueCode, message: string, abort?: boolean): void {
  ctx.issues.push({ code, path: ctx.path.slice(), message });
  if (abort) ctx.aborted = true;
}

/** Runs `schema` on a child value under `key`, keeping the path right for its issues. @internal */
export function runAt(schema: Schema, value: unknown, key: PropertyKey, ctx: Context): unknown {
  ctx.path.push(key);
  const out = schema["~run"](value, ctx);
  ctx.path.pop();
  return out;
}
