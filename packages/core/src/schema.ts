// @dubkit/core/schema: a tiny, tree-shakable validation kit. Every schema is a Standard Schema v1
// and reports zod-4-compatible issues (code, path, English message), at a fraction of zod's size.
// The constructors are marked `@__NO_SIDE_EFFECTS__`, so bundlers that honour it across modules (rollup, and so
// Vite) drop the schemas an app builds at module level but never uses.

export { array } from "./schema/array.js";
export type { Check } from "./schema/check.js";
export {
  EMAIL_PATTERN,
  email,
  gt,
  gte,
  lte,
  maxLength,
  minLength,
  refine,
  trim,
  url,
} from "./schema/checks.js";
export { formatIssues } from "./schema/format-issues.js";
export { nullable, nullish, optional, transform } from "./schema/modifiers.js";
export {
  isObject,
  looseObject,
  type ObjectInput,
  type ObjectOutput,
  type ObjectSchema,
  object,
  type Shape,
} from "./schema/object.js";
export { boolean, enumOf, literal, number, openEnum, string, unknown } from "./schema/primitives.js";
export {
  type Infer,
  type Input,
  type Issue,
  type IssueCode,
  type OptionalSchema,
  type ParseResult,
  type Schema,
  safeParse,
} from "./schema/schema.js";
export { union } from "./schema/union.js";
