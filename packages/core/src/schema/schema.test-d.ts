import { describe, expectTypeOf, it } from "vitest";
import type { StandardSchemaV1 } from "../standard-schema.js";
import { array } from "./array.js";
import { nullable, nullish, optional, transform } from "./modifiers.js";
import { looseObject, object } from "./object.js";
import { type boolean, type enumOf, literal, number, openEnum, string } from "./primitives.js";
import type { Infer, Input } from "./schema.js";
import { union } from "./union.js";

describe("inferred types", () => {
  it("maps primitives and wrappers", () => {
    expectTypeOf<Infer<ReturnType<typeof string>>>().toEqualTypeOf<string>();
    expectTypeOf<Infer<ReturnType<typeof number>>>().toEqualTypeOf<number>();
    expectTypeOf<Infer<ReturnType<typeof boolean>>>().toEqualTypeOf<boolean>();
    const s = string();
    expectTypeOf<Infer<ReturnType<typeof optional<typeof s>>>>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Infer<ReturnType<typeof nullable<typeof s>>>>().toEqualTypeOf<string | null>();
    expectTypeOf<Infer<ReturnType<typeof nullish<typeof s>>>>().toEqualTypeOf<string | null | undefined>();
  });

  it("makes optional and nullish keys optional, the rest required", () => {
    const schema = object({
      email: string(),
      name: nullish(string()),
      tenantId: optional(string()),
      n: nullable(number()),
    });
    expectTypeOf<Input<typeof schema>>().toEqualTypeOf<{
      email: string;
      n: number | null;
      name?: string | null | undefined;
      tenantId?: string | undefined;
    }>();
  });

  it("types open enums as the known values plus any string", () => {
    const status = openEnum(["approved", "pending"]);
    expectTypeOf<Infer<typeof status>>().toEqualTypeOf<"approved" | "pending" | (string & {})>();
    expectTypeOf<"approved">().toExtend<Infer<typeof status>>();
    expectTypeOf<"new-value">().toExtend<Infer<typeof status>>();
  });

  it("types strict enums and literals narrowly", () => {
    expectTypeOf<Infer<ReturnType<typeof enumOf<["asc", "desc"]>>>>().toEqualTypeOf<"asc" | "desc">();
    const one = literal("x");
    expectTypeOf<Infer<typeof one>>().toEqualTypeOf<"x">();
  });

  it("types unions, arrays, transforms and loose objects", () => {
    const list = transform(union([string(), array(string())]), (v) =>
      typeof v === "string" ? v.split(",") : v,
    );
    expectTypeOf<Input<typeof list>>().toEqualTypeOf<string | string[]>();
    expectTypeOf<Infer<typeof list>>().toEqualTypeOf<string[]>();
    const loose = looseObject({ id: string() });
    expectTypeOf<Infer<typeof loose>["id"]>().toEqualTypeOf<string>();
    expectTypeOf<Infer<typeof loose>["other"]>().toEqualTypeOf<unknown>();
  });

  it("is a Standard Schema", () => {
    expectTypeOf(object({ a: string() })).toExtend<StandardSchemaV1<{ a: string }, { a: string }>>();
  });
});
