// `--all-pending` reads the program's pending applications once, every page, before approving any: approving
// takes an application off the pending list, so walking the pages while approving would skip one page in two. The
// listing becomes rows like an approvals file's (partnerId, groupId, applicationId, name, email), so it runs on the
// same engine, its failure report is a file `approve --file` takes, and a line number is an application's place in
// the listing. An applicant listed twice (an application arriving mid-walk shifts the pages) is kept once.

import type { ApiClient } from "../api-client.js";
import type { BulkRows } from "../import/bulk-command.js";
import { planColumns } from "../import/column-mapping.js";
import { DuplicateIndex } from "../import/duplicate-index.js";
import type { InputRecord } from "../import/row-reader.js";
import type { RowRules } from "../import/row-rules.js";
import { walkPages } from "../page-walk.js";

/** The columns of the listing's rows (and of the failure report of `--all-pending`). */
export const PENDING_HEADER = ["partnerId", "groupId", "applicationId", "name", "email"];

/** The listing's filters (`--country`, `--group`). */
export interface PendingFilters {
  country?: string | undefined;
  groupId?: string | undefined;
}

const PAGE_SIZE = 100;
/** Rows per batch handed to the engine, as a file's chunk would be. */
const BATCH = 1000;

/** Every pending application matching `filters`, as rows' cells; `group` fills the groupId column. */
export async function listPending(
  client: ApiClient,
  filters: PendingFilters,
  group: string | undefined,
): Promise<string[][]> {
  const seen = new Set<string>();
  const cells: string[][] = [];
  const pages = walkPages({
    fetchPage: async (page) =>
      (
        await client.dub.partnerApplications.list({
          ...(filters.country === undefined ? {} : { country: filters.country }),
          ...(filters.groupId === undefined ? {} : { groupId: filters.groupId }),
          page,
          pageSize: PAGE_SIZE,
        })
      ).data,
    pageSize: PAGE_SIZE,
    idOf: (application) => application.id,
    noun: "pending applications",
  });
  for await (const page of pages) {
    for (const application of page) {
      const partner = application.partner;
      if (seen.has(partner.id)) continue;
      seen.add(partner.id);
      cells.push([partner.id, group ?? "", application.id, partner.name, partner.email ?? ""]);
    }
  }
  return cells;
}

/** What the listing is called in the plan: `pending applications (country IT, group grp_…)`. */
export function describePending(filters: PendingFilters): string {
  const by = [
    filters.country === undefined ? "" : `country ${filters.country}`,
    filters.groupId === undefined ? "" : `group ${filters.groupId}`,
  ].filter(Boolean);
  return `pending applications${by.length > 0 ? ` (${by.join(", ")})` : ""}`;
}

/** The listed applications as the rows of a bulk run, decided by `rules`. */
export function pendingRows(cells: string[][], rules: RowRules, describe: string): BulkRows {
  const { targets } = planColumns(PENDING_HEADER, new Map(), rules.vocabulary);
  const mapCells = rules.cellsMapper(targets);
  const mapObject = rules.objectMapper();
  return {
    name: describe,
    describe,
    records: async function* () {
      for (let start = 0; start < cells.length; start += BATCH) {
        const batch: InputRecord[] = cells
          .slice(start, start + BATCH)
          .map((row, i) => ({ line: start + i + 1, cells: row }));
        yield batch;
      }
    },
    context: (resume) => ({
      mapCells,
      columns: PENDING_HEADER.length,
      mapObject,
      check: rules.check,
      duplicates: new DuplicateIndex(cells.length),
      resume,
    }),
    layout: { header: PENDING_HEADER, delimiter: "," },
    // The listing was read once, before the plan: it cannot change under the run.
    version: async () => "listed",
  };
}
