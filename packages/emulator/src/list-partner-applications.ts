// GET /partners/applications after validation: the program's pending enrollments that have an application (a
// pending enrollment without one is not listed), optionally of one group or country, newest enrollment first, one
// page. Enrollments created in the same millisecond come newest-added first.
import type { listPartnerApplicationsQuery, PartnerApplication } from "@dubkit/contract";
import type * as z from "zod/mini";
import { applicationView } from "./application-view.js";
import type { ApplicationRecord, EnrollmentRecord, PartnerRecord } from "./records.js";
import type { Store } from "./store.js";
import type { Program } from "./workspace.js";

/** The validated query. */
export type ListApplicationsInput = z.output<typeof listPartnerApplicationsQuery>;

/** Orders ISO timestamps (and any text) ascending. */
function compareText(left: string, right: string): number {
  if (left < right) return -1;
  return left > right ? 1 : 0;
}

interface Row {
  application: ApplicationRecord;
  partner: PartnerRecord;
  enrollment: EnrollmentRecord;
}

/** One page of pending applications to the program. */
export function listPartnerApplications(
  store: Store,
  program: Program,
  query: ListApplicationsInput,
): PartnerApplication[] {
  const rows: Row[] = [];
  for (const enrollment of store.enrollments.values()) {
    if (enrollment.programId !== program.id || enrollment.status !== "pending") continue;
    const application = enrollment.applicationId
      ? store.applications.get(enrollment.applicationId)
      : undefined;
    const partner = store.partners.get(enrollment.partnerId);
    if (!application || !partner) continue;
    // `""` means no filter; both are exact matches (no comma lists here).
    if (query.groupId && enrollment.groupId !== query.groupId) continue;
    if (query.country && partner.country?.toLowerCase() !== query.country.toLowerCase()) continue;
    rows.push({ application, partner, enrollment });
  }
  // Newest first; reversing before the (stable) sort puts the later-added of two equal dates first.
  rows.reverse();
  rows.sort((a, b) => compareText(b.enrollment.createdAt, a.enrollment.createdAt));
  const page = query.page ?? 1;
  return rows
    .slice((page - 1) * query.pageSize, page * query.pageSize)
    .map((row) => applicationView(row.application, row.partner, row.enrollment));
}
