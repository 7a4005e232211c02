// @dubkit/contract/values: the API's value lists and plan table without any schema, so a program that only needs
// them (the CLI's command definitions, its `--help`) does not load zod.
export * from "./enums.js";
export * from "./plans.js";
