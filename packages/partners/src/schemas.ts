// @dubkit/partners/schemas: the contract's zod schemas, types and value lists, as `@dubkit/contract` exports them.
export * from "@dubkit/contract";
