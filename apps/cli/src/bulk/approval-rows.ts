// The rows of `partners applications approve --file FILE` (and of `--all-pending`, whose listing becomes rows of the
// same shape): each names an applicant by `partnerId` (Dub's id) or `tenantId`, with an optional `groupId` to put
// them in (else `--group-id`, else the group they applied to) and an optional `applicationId`, which is not sent but
// tells a new application from one approved before. A row's identity is the applicant as named.

import { ColumnVocabulary } from "../import/column-mapping.js";
import { compileCellsMapper, objectToRequest } from "../import/row-mapping.js";
import type { RowRules, Validation } from "../import/row-rules.js";

const quote = (name: string) => `"${name}"`;

/** The fields of an approval row, in the order a row's body keeps them (its content hash depends on it). */
const FIELDS = ["partnerId", "tenantId", "groupId", "applicationId"] as const;

/** The columns of an approvals file. */
export const APPROVAL_COLUMNS = new ColumnVocabulary({
  fields: FIELDS,
  synonyms: { groupId: ["group", "groupslug"], applicationId: ["application"] },
  linkProps: false,
  nameParts: false,
  missing: (targets, header) =>
    targets.includes("partnerId") || targets.includes("tenantId")
      ? []
      : [
          `no column names the applicant: a partnerId or tenantId column (columns: ${header.map(quote).join(", ")})`,
        ],
  examples: ['"partnerId=Dub ID"', '"tenantId=User ID"'],
});

/** Checks one row: text fields, an applicant named by a well-formed id or a tenantId; the group defaults to `group`. */
function validate(body: Record<string, unknown>, group: string | undefined): Validation {
  const data: Record<string, unknown> = {};
  for (const field of FIELDS) {
    const value = body[field];
    if (value === undefined || value === null || value === "") continue;
    if (typeof value !== "string") {
      return { ok: false, field, error: `${field}: must be text, got ${JSON.stringify(value)}` };
    }
    data[field] = value;
  }
  if (data.partnerId === undefined && data.tenantId === undefined) {
    return {
      ok: false,
      field: "partnerId",
      error: "partnerId or tenantId is required: the applicant to approve",
    };
  }
  if (data.partnerId !== undefined && !String(data.partnerId).startsWith("pn_")) {
    return {
      ok: false,
      field: "partnerId",
      error: `partnerId: a partner id starts with pn_, got ${JSON.stringify(data.partnerId)}`,
    };
  }
  // Dub's id wins over a tenantId, as everywhere on Dub; the tenantId is then neither looked up nor kept.
  if (data.partnerId !== undefined) delete data.tenantId;
  if (data.groupId === undefined && group !== undefined) data.groupId = group;
  // Rebuilt in the fields' order, so the content hash does not depend on the order of the columns.
  return { ok: true, data: Object.fromEntries(FIELDS.flatMap((f) => (f in data ? [[f, data[f]]] : []))) };
}

/** The applicant as a row names them, for the journal's key and for messages. */
export function applicantOf(data: Record<string, unknown>): string {
  return typeof data.partnerId === "string" ? data.partnerId : `tenantId ${JSON.stringify(data.tenantId)}`;
}

/** The rules of bulk approval; `group`: `--group-id`, the group of rows that name none. */
export function approvalRows(group: string | undefined): RowRules {
  return {
    vocabulary: APPROVAL_COLUMNS,
    cellsMapper: (targets) => compileCellsMapper(targets, APPROVAL_COLUMNS),
    objectMapper: () => (object) => objectToRequest(object, APPROVAL_COLUMNS),
    check: {
      validate: (body) => validate(body, group),
      identify: (data) => ({ key: applicantOf(data), secondary: undefined }),
      duplicate: ({ firstLine }, data) => ({
        error: `duplicate: line ${firstLine} approves ${applicantOf(data)} already; only line ${firstLine} is sent`,
        field: typeof data.partnerId === "string" ? "partnerId" : "tenantId",
      }),
    },
  };
}
