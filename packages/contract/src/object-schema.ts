// The declared type of every object schema in the contract. TypeScript drops the documentation comments of an
// inferred shape's fields when it writes the published .d.ts, so every object schema is declared
// `ObjectSchema<typeof itsShape>`, with its shape in a const of its own: editors then show each field's comment on
// hover in an app too (documentation.test.ts checks the built declarations).

import type * as z from "zod/mini";

/** A zod/mini object schema of `Shape` (unknown keys stripped by request schemas, kept by `lenientObject`). */
export type ObjectSchema<Shape extends z.core.$ZodLooseShape> = z.ZodMiniObject<Shape, z.core.$strip>;
