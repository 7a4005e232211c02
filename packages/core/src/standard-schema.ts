// The Standard Schema v1 contract (https://standardschema.dev), restated in our own words so core
// stays dependency-free. zod 4 schemas and `@dubkit/core/schema` both satisfy it.

/** A path segment given as an object, as some validators report it. */
export interface StandardSchemaPathSegment {
  /** The key of this segment. */
  readonly key: PropertyKey;
}

/** One problem a validator found. */
export interface StandardSchemaIssue {
  /** What is wrong. */
  readonly message: string;
  /** Where: keys and indexes from the root of the value. */
  readonly path?: ReadonlyArray<PropertyKey | StandardSchemaPathSegment> | undefined;
}

/** A successful validation: the (possibly transformed) value. */
export interface StandardSchemaSuccess<Output> {
  /** The validated output value. */
  readonly value: Output;
  /** Absent on success. */
  readonly issues?: undefined;
}

/** A failed validation: at least one issue. */
export interface StandardSchemaFailure {
  /** The problems found. */
  readonly issues: ReadonlyArray<StandardSchemaIssue>;
}

/** The result of `~standard.validate`. */
export type StandardSchemaResult<Output> = StandardSchemaSuccess<Output> | StandardSchemaFailure;

/** The `~standard` property of a Standard Schema. */
export interface StandardSchemaProps<Input = unknown, Output = Input> {
  /** Spec version; always 1. */
  readonly version: 1;
  /** The library that made the schema, e.g. `"zod"`. */
  readonly vendor: string;
  /** Validates `value`, synchronously or not. */
  readonly validate: (value: unknown) => StandardSchemaResult<Output> | Promise<StandardSchemaResult<Output>>;
  /** Type carriers for inference; never present at runtime. */
  readonly types?: { readonly input: Input; readonly output: Output } | undefined;
}

/** Any validator that implements Standard Schema v1 (zod 4, valibot, arktype, `@dubkit/core/schema`). */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  /** The Standard Schema interface. */
  readonly "~standard": StandardSchemaProps<Input, Output>;
}

/** The input type of a Standard Schema. */
export type InferInput<S extends StandardSchemaV1> = NonNullable<S["~standard"]["types"]>["input"];

/** The output type of a Standard Schema. */
export type InferOutput<S extends StandardSchemaV1> = NonNullable<S["~standard"]["types"]>["output"];
