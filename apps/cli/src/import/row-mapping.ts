// Turns one input row into a request body (the import's create-partner body, or another bulk command's), following
// the column plan: cells trimmed (Dub refuses " a@b.co "), empty cells left out, first + last name composed,
// countries as ISO codes, `link_props.*` columns and a JSON `link_props` column folded into `linkProps`. Fields come
// out in the API's order, so a row's content hash does not depend on the order of the columns. Validation is left to
// the contract's schema.

import {
  type ColumnVocabulary,
  FIRST_NAME,
  LAST_NAME,
  PARTNER_COLUMNS,
  type Target,
} from "./column-mapping.js";
import { normalizeCountry } from "./country-code.js";

const BOOLEAN_LINK_PROPS = new Set(["archived", "proxy", "rewrite", "doIndex"]);
const JSON_LINK_PROPS = new Set(["testVariants"]);

/** The fields a vocabulary's columns fill directly, in the API's order (`linkProps` is built apart). */
function fieldOrder(vocabulary: ColumnVocabulary): string[] {
  return vocabulary.spec.fields.filter((field) => field !== "linkProps");
}

/** The result of mapping one row: the request body, or the field that could not be read. */
export type MappedRow = { body: Record<string, unknown> } | { field: string; error: string };

function booleanCell(text: string): boolean | string {
  const lower = text.toLowerCase();
  if (lower === "true" || lower === "1" || lower === "yes") return true;
  if (lower === "false" || lower === "0" || lower === "no") return false;
  // Left as text so the schema reports the field with its usual message.
  return text;
}

function parseJson(field: string, text: string): { value: unknown } | { field: string; error: string } {
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    return { field, error: `not valid JSON: ${(error as Error).message}` };
  }
}

/** Collects a row's values by target, then builds the body in the API's order. */
class BodyBuilder {
  constructor(private readonly fields: readonly string[]) {}

  private readonly values = new Map<Target, unknown>();
  private readonly linkProps: Record<string, unknown> = {};
  private hasLinkProps = false;
  private first: string | undefined;
  private last: string | undefined;

  /** Adds one value; `text` says it came from a CSV cell (so it may need converting). */
  add(target: Target, value: unknown, text: boolean): { field: string; error: string } | undefined {
    if (target === FIRST_NAME) this.first = String(value);
    else if (target === LAST_NAME) this.last = String(value);
    else if (target.startsWith("linkProps.")) {
      const key = target.slice("linkProps.".length);
      let converted = value;
      if (text && typeof value === "string") {
        if (BOOLEAN_LINK_PROPS.has(key)) converted = booleanCell(value);
        else if (JSON_LINK_PROPS.has(key)) {
          const parsed = parseJson(target, value);
          if (!("value" in parsed)) return parsed;
          converted = parsed.value;
        }
      }
      this.linkProps[key] = converted;
      this.hasLinkProps = true;
    } else if (target === "linkProps" && text && typeof value === "string") {
      const parsed = parseJson("linkProps", value);
      if (!("value" in parsed)) return parsed;
      this.values.set("linkProps", parsed.value);
    } else if (target === "country" && typeof value === "string") {
      const country = normalizeCountry(value);
      if ("error" in country) return { field: "country", error: country.error };
      this.values.set("country", country.code);
    } else {
      this.values.set(target, value);
    }
    return undefined;
  }

  build(): Record<string, unknown> {
    const body: Record<string, unknown> = {};
    if (!this.values.has("name") && (this.first !== undefined || this.last !== undefined)) {
      body.name = [this.first, this.last].filter((part) => part !== undefined && part !== "").join(" ");
    }
    for (const field of this.fields) if (this.values.has(field)) body[field] = this.values.get(field);
    const base = this.values.get("linkProps");
    if (this.hasLinkProps) {
      // Dotted columns refine a JSON column; a non-object JSON value is left for the schema to reject.
      body.linkProps =
        typeof base === "object" && base !== null && !Array.isArray(base)
          ? { ...(base as object), ...this.linkProps }
          : base === undefined
            ? this.linkProps
            : base;
    } else if (this.values.has("linkProps")) body.linkProps = base;
    return body;
  }
}

/** Maps CSV rows' cells to bodies, for one file's column plan. */
export type CellsMapper = (cells: readonly string[]) => MappedRow;

/** A CSV cell's value for a `linkProps` key: booleans and JSON converted, anything odd left for the schema. */
function linkPropCell(key: string, cell: string): { value: unknown } | { field: string; error: string } {
  if (BOOLEAN_LINK_PROPS.has(key)) return { value: booleanCell(cell) };
  if (JSON_LINK_PROPS.has(key)) return parseJson(`linkProps.${key}`, cell);
  return { value: cell };
}

/**
 * Compiles the column plan into a mapper: which column fills which field is decided once per file, so a row costs a
 * few array reads (a general path with a map per row cost more than the schema's check). `vocabulary` gives the
 * fields (default: the import's).
 */
export function compileCellsMapper(
  targets: readonly (Target | undefined)[],
  vocabulary: ColumnVocabulary = PARTNER_COLUMNS,
): CellsMapper {
  const column = (target: Target) => targets.indexOf(target);
  // The API's field order, so the content hash does not depend on the columns' order.
  const fields = fieldOrder(vocabulary)
    .filter((f) => f !== "name" && column(f) !== -1)
    .map((f) => [f, column(f)] as const);
  const [name, first, last, json] = ["name", FIRST_NAME, LAST_NAME, "linkProps"].map(column) as [
    number,
    number,
    number,
    number,
  ];
  const dotted = targets.flatMap((t, i) =>
    t?.startsWith("linkProps.") ? [[t.slice("linkProps.".length), i] as const] : [],
  );
  const cellAt = (cells: readonly string[], i: number) => (i === -1 ? "" : (cells[i] ?? "").trim());
  return (cells) => {
    const body: Record<string, unknown> = {};
    const fullName = cellAt(cells, name);
    if (fullName !== "") body.name = fullName;
    else if (name === -1) {
      const parts = [cellAt(cells, first), cellAt(cells, last)].filter((part) => part !== "");
      if (parts.length > 0) body.name = parts.join(" ");
    }
    for (const [field, index] of fields) {
      const cell = cellAt(cells, index);
      if (cell === "") continue;
      if (field !== "country") body[field] = cell;
      else {
        const country = normalizeCountry(cell);
        if ("error" in country) return { field: "country", error: country.error };
        body.country = country.code;
      }
    }
    let base: unknown;
    const jsonCell = cellAt(cells, json);
    if (jsonCell !== "") {
      const parsed = parseJson("linkProps", jsonCell);
      if (!("value" in parsed)) return parsed;
      base = parsed.value;
    }
    let props: Record<string, unknown> | undefined;
    for (const [key, index] of dotted) {
      const cell = cellAt(cells, index);
      if (cell === "") continue;
      const converted = linkPropCell(key, cell);
      if (!("value" in converted)) return converted;
      props ??= {};
      props[key] = converted.value;
    }
    if (props) {
      // Dotted columns refine a JSON column; a non-object JSON value is left for the schema to reject.
      body.linkProps =
        typeof base === "object" && base !== null && !Array.isArray(base)
          ? { ...(base as object), ...props }
          : base === undefined
            ? props
            : base;
    } else if (base !== undefined) body.linkProps = base;
    return { body };
  };
}

/** Maps one CSV row's cells by the column plan's targets (compiling the plan each time: for one-off use). */
export function cellsToRequest(
  cells: readonly string[],
  targets: readonly (Target | undefined)[],
): MappedRow {
  return compileCellsMapper(targets)(cells);
}

/**
 * Maps a JSON Lines object: keys are matched like CSV headers, strings trimmed, other values kept as they are (an
 * explicit `null` reaches the schema unchanged). Two keys for one field (`email` and `Email`) are an error.
 */
export function objectToRequest(
  object: Record<string, unknown>,
  vocabulary: ColumnVocabulary = PARTNER_COLUMNS,
): MappedRow {
  const builder = new BodyBuilder(fieldOrder(vocabulary));
  const seen = new Map<Target, string>();
  for (const [key, raw] of Object.entries(object)) {
    const target = vocabulary.targetOf(key);
    if (target === undefined) continue;
    const other = seen.get(target);
    if (other !== undefined) return { field: target, error: `both "${other}" and "${key}" give ${target}` };
    seen.set(target, key);
    const value = typeof raw === "string" ? raw.trim() : raw;
    if (target === "linkProps" && typeof value === "string") {
      const problem = builder.add(target, value, true);
      if (problem) return problem;
      continue;
    }
    const problem = builder.add(target, value, false);
    if (problem) return problem;
  }
  return { body: builder.build() };
}
