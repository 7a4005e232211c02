// Turns one input row into a create-partner request body: column names matched loosely to the API's
// fields, `link_props.*` columns and a JSON `link_props` column folded into `linkProps`, empty CSV
// cells treated as absent. Validation is left to the SDK's schema, so the rules live in one place.

import { createPartnerBody, linkProps } from "@dubkit/contract";

/** The request's top-level fields and the `linkProps` keys, in the API's spelling, from the SDK's schemas. */
const FIELDS = Object.keys(createPartnerBody.shape);
const LINK_PROP_KEYS = Object.keys(linkProps.shape);

const BOOLEAN_LINK_PROPS = new Set(["archived", "proxy", "rewrite", "doIndex"]);
const JSON_LINK_PROPS = new Set(["testVariants"]);

/** `Tenant ID`, `tenant_id`, `tenant-id` and `tenantId` all become `tenantid`. */
function loose(name: string): string {
  return name.toLowerCase().replace(/[\s_-]/g, "");
}

const FIELD_BY_LOOSE = new Map<string, string>(FIELDS.map((field) => [loose(field), field]));
const LINK_PROP_BY_LOOSE = new Map<string, string>(LINK_PROP_KEYS.map((key) => [loose(key), key]));
const LINK_PROPS_PREFIX = /^link[\s_-]?props\./i;

/** Where a column's value goes in the request. */
type Target = { kind: "field"; name: string } | { kind: "linkProp"; name: string } | { kind: "unknown" };

const targetCache = new Map<string, Target>();

function targetOf(column: string): Target {
  const cached = targetCache.get(column);
  if (cached) return cached;
  let target: Target = { kind: "unknown" };
  const prefixed = LINK_PROPS_PREFIX.exec(column);
  if (prefixed) {
    const key = column.slice(prefixed[0].length);
    const known = LINK_PROP_BY_LOOSE.get(loose(key));
    if (known) target = { kind: "linkProp", name: known };
  } else {
    const field = FIELD_BY_LOOSE.get(loose(column));
    if (field) target = { kind: "field", name: field };
  }
  targetCache.set(column, target);
  return target;
}

/** The names of the columns that map to nothing, for a warning before an import starts. */
export function unknownColumns(columns: Iterable<string>): string[] {
  return [...columns].filter((column) => targetOf(column).kind === "unknown");
}

function booleanCell(text: string): boolean | string {
  const lower = text.trim().toLowerCase();
  if (lower === "true" || lower === "1" || lower === "yes") return true;
  if (lower === "false" || lower === "0" || lower === "no") return false;
  // Left as text so the schema reports the field with its usual message.
  return text;
}

/** The result of mapping one row: the request body, or the column that could not be read. */
export type MappedRow = { body: Record<string, unknown> } | { field: string; error: string };

function parseJsonCell(field: string, text: string): { value: unknown } | { field: string; error: string } {
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    return { field, error: `not valid JSON: ${(error as Error).message}` };
  }
}

/**
 * Maps a row to a request body. CSV cells are text: empty ones are left out, the `link_props`
 * column is parsed as JSON, and boolean or JSON link props are converted. JSONL values are kept
 * as they are (an explicit `null` or `""` reaches the schema unchanged).
 */
export function rowToRequest(fields: Record<string, unknown>, source: "csv" | "jsonl"): MappedRow {
  const body: Record<string, unknown> = {};
  const linkProps: Record<string, unknown> = {};
  let hasLinkProps = false;
  for (const [column, raw] of Object.entries(fields)) {
    if (source === "csv" && raw === "") continue;
    const target = targetOf(column);
    if (target.kind === "unknown") continue;
    if (target.kind === "linkProp") {
      hasLinkProps = true;
      let value = raw;
      if (source === "csv" && typeof raw === "string") {
        if (BOOLEAN_LINK_PROPS.has(target.name)) value = booleanCell(raw);
        else if (JSON_LINK_PROPS.has(target.name)) {
          const parsed = parseJsonCell(`linkProps.${target.name}`, raw);
          if (!("value" in parsed)) return parsed;
          value = parsed.value;
        }
      }
      linkProps[target.name] = value;
      continue;
    }
    if (target.name === "linkProps" && source === "csv" && typeof raw === "string") {
      const parsed = parseJsonCell("linkProps", raw);
      if (!("value" in parsed)) return parsed;
      body.linkProps = parsed.value;
      continue;
    }
    body[target.name] = raw;
  }
  if (hasLinkProps) {
    const base = body.linkProps;
    // Dotted columns refine a JSON column; a non-object JSON value is left for the schema to reject.
    body.linkProps =
      typeof base === "object" && base !== null && !Array.isArray(base)
        ? { ...(base as object), ...linkProps }
        : base === undefined
          ? linkProps
          : base;
  }
  return { body };
}
