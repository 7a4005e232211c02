// What happens to one row, decided before anything is sent and the same way in the plan and in the run: unreadable
// or invalid (the contract's rules), a duplicate of an earlier row, finished by an earlier run (the journal, for this
// very content), refused by an earlier run (reported again with its status and reason), or to be sent. What a row
// is (its fields, its check, its identity) comes from the command's row rules.

import type { DuplicateIndex } from "./duplicate-index.js";
import type { PriorState, RecordedFailure, ResumeSet, RowOutcome } from "./journal.js";
import { contentHash } from "./row-identity.js";
import type { CellsMapper, MappedRow } from "./row-mapping.js";
import type { InputRecord } from "./row-reader.js";
import type { RowCheck } from "./row-rules.js";

/** The row as read, for the failure report: CSV cells, a JSON object, or a line's text. */
export type RawRow = { cells: string[] } | { object: Record<string, unknown> } | { text: string };

/** A row that fails before it is sent. */
export interface ProblemRow {
  kind: "invalid" | "duplicate" | "earlier";
  line: number;
  raw: RawRow;
  failure: RecordedFailure;
}

/** A row to send: the body exactly as it goes out, and what the journal knows. */
export interface SendRow {
  kind: "send";
  line: number;
  raw: RawRow;
  key: string;
  hash: string;
  body: Record<string, unknown>;
  /** When an earlier run sent this key without an answer. */
  sentAt: number | undefined;
  /** The key was finished by an earlier run with other content (an edited row). */
  finishedBefore: RowOutcome | undefined;
}

/** What to do with one row. */
export type RowDecision = ProblemRow | SendRow | { kind: "skip"; line: number; outcome: RowOutcome };

/** Everything a decision depends on. */
export interface DecisionContext {
  /** CSV: the row mapper compiled from the column plan; undefined for JSONL. */
  mapCells: CellsMapper | undefined;
  /** CSV: the header's length, to catch rows with more or fewer cells. */
  columns: number;
  /** JSONL: maps an object to the body. */
  mapObject: (object: Record<string, unknown>) => MappedRow;
  check: RowCheck;
  duplicates: DuplicateIndex;
  resume: ResumeSet | undefined;
}

function rawOf(record: InputRecord): RawRow {
  if (record.cells) return { cells: record.cells };
  if (record.object) return { object: record.object };
  return { text: record.text ?? "" };
}

function problem(kind: ProblemRow["kind"], record: InputRecord, error: string, field?: string): ProblemRow {
  return {
    kind,
    line: record.line,
    raw: rawOf(record),
    failure: field === undefined ? { error } : { error, field },
  };
}

/** Decides what happens to `record`. */
export function decideRow(record: InputRecord, context: DecisionContext): RowDecision {
  if (record.error !== undefined) return problem("invalid", record, record.error);
  let mapped: ReturnType<CellsMapper>;
  if (record.cells) {
    if (context.mapCells === undefined) throw new Error("a CSV row needs the column plan");
    if (record.cells.length !== context.columns) {
      return problem(
        "invalid",
        record,
        `row has ${record.cells.length} cells but the header has ${context.columns} columns`,
      );
    }
    mapped = context.mapCells(record.cells);
  } else {
    mapped = context.mapObject(record.object ?? {});
  }
  if (!("body" in mapped))
    return problem("invalid", record, `${mapped.field}: ${mapped.error}`, mapped.field);
  const checked = context.check.validate(mapped.body);
  if (!checked.ok) return problem("invalid", record, checked.error, checked.field);
  const body = checked.data;
  const { key, secondary, label } = context.check.identify(body);
  const duplicate = context.duplicates.check(record.line, key, secondary, label);
  if (duplicate) {
    const { error, field } = context.check.duplicate(duplicate, body);
    return problem("duplicate", record, error, field);
  }
  const hash = contentHash(body);
  const prior: PriorState = context.resume?.get(key, hash) ?? { state: "new", sentAt: undefined };
  if (prior.state === "done") return { kind: "skip", line: record.line, outcome: prior.outcome };
  if (prior.state === "failed") {
    return { kind: "earlier", line: record.line, raw: rawOf(record), failure: prior.failure };
  }
  return {
    kind: "send",
    line: record.line,
    raw: rawOf(record),
    key,
    hash,
    body,
    sentAt: prior.state === "new" ? prior.sentAt : undefined,
    finishedBefore: prior.state === "changed" ? prior.outcome : undefined,
  };
}
