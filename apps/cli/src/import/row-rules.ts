// What one bulk command's rows are: the columns its files may have, how a row becomes the request body, how the body
// is checked, and what identifies the row (the journal's key, and a value no two rows may share). The import's rules
// are the partner's (email, tenantId); links upsert and bulk approve have their own.

import type { ColumnVocabulary, Target } from "./column-mapping.js";
import type { Duplicate, RowLabel } from "./duplicate-index.js";
import type { CellsMapper, MappedRow } from "./row-mapping.js";

/** The result of validating a mapped row with the contract's schema. */
export type Validation =
  | { ok: true; data: Record<string, unknown> }
  | { ok: false; field: string | undefined; error: string };

/** What identifies a row: the journal's key, and a second value no two rows may share (none when there is none). */
export interface RowIdentity {
  key: string;
  secondary: string | undefined;
  /** How a later row that repeats this one names it (the import: the email as this row spells it). */
  label?: RowLabel;
}

/** How a mapped row is checked and identified. */
export interface RowCheck {
  /** Checks a mapped body with the contract's rules; the data is what gets sent. */
  validate(body: Record<string, unknown>): Validation;
  /** The identity of a valid row. */
  identify(data: Record<string, unknown>): RowIdentity;
  /** Why a row that repeats an earlier row's key or second value is not sent, and the field to name. */
  duplicate(duplicate: Duplicate, data: Record<string, unknown>): { error: string; field: string };
}

/** Everything a command's rows need, from the file's columns to the row's identity. */
export interface RowRules {
  vocabulary: ColumnVocabulary;
  /** CSV: the row mapper for a file's column plan. */
  cellsMapper(targets: readonly (Target | undefined)[]): CellsMapper;
  /** JSONL: the object mapper. */
  objectMapper(): (object: Record<string, unknown>) => MappedRow;
  check: RowCheck;
}

/** `, spelt <here> here` when a duplicate spells its value (`here`) otherwise than the row that is sent (`sent`). */
export function otherSpelling(sent: string, here: string, quote: (value: string) => string = String): string {
  return sent === here ? "" : `, spelt ${quote(here)} here`;
}
