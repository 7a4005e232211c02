// zod 4's English messages, reproduced for the cases the kit reports, so a message from the client,
// the emulator and the real server reads the same.

import { type Context, report } from "./schema.js";

/** zod's name for the type of a received value: `null`, `array`, `NaN`, a class name, or `typeof`. */
function typeName(value: unknown): string {
  if (typeof value === "number")
    return Number.isFinite(value) ? "number" : Number.isNaN(value) ? "NaN" : String(value);
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "object") {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null && typeof value.constructor === "function") {
      return value.constructor.name;
    }
  }
  return typeof value;
}

/** Reports a value of the wrong type; the schema's remaining checks are skipped. @internal */
export function invalidType(ctx: Context, expected: string, value: unknown): void {
  report(ctx, "invalid_type", `Invalid input: expected ${expected}, received ${typeName(value)}`, true);
}

/** How zod quotes a literal in a message: strings in JSON quotes, bigints with an `n`. @internal */
export function quote(value: unknown): string {
  return typeof value === "string"
    ? JSON.stringify(value)
    : typeof value === "bigint"
      ? `${value}n`
      : String(value);
}

/** Reports a size outside its bound; `origin` is what was measured (`string`, `array`, `number`...). @internal */
export function outOfRange(ctx: Context, origin: string, big: boolean, sign: string, bound: number): void {
  const unit = origin === "string" ? "characters" : origin === "array" ? "items" : "";
  report(
    ctx,
    big ? "too_big" : "too_small",
    `Too ${big ? "big" : "small"}: expected ${origin} to ${unit ? "have" : "be"} ${sign}${bound}${unit && ` ${unit}`}`,
  );
}
