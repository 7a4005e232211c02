// GET /partners after validation: the program's enrollments that pass the filters, sorted on the enrollment's
// column (a legacy sortBy mapped to its column; nullable rates NULL-first ascending and NULL-last descending, as
// MySQL sorts; netRevenue on the stored column), one page. Ties keep creation order, so pages are stable.
import { LEGACY_PARTNER_SORT_TARGETS, type Partner, type PartnerSortField } from "@dubkit/contract";
import { ZERO_METRICS } from "./enrollment-metrics.js";
import { listedPartnerView } from "./listed-partner.js";
import { type ListPartnersQueryOutput, partnerFilter } from "./partner-filters.js";
import type { EnrollmentRecord, LinkRecord, PartnerRecord } from "./records.js";
import type { Store } from "./store.js";
import type { Program } from "./workspace.js";

/** The validated query. */
export type ListPartnersInput = ListPartnersQueryOutput;

interface Row {
  partner: PartnerRecord;
  enrollment: EnrollmentRecord;
}

/** The sort column's value; null sorts below every number, which gives MySQL's NULL order both ways. */
function sortValue(row: Row, column: PartnerSortField): string | number | null {
  if (column === "createdAt") return row.enrollment.createdAt;
  return (row.enrollment.metrics ?? ZERO_METRICS)[column];
}

function compare(left: string | number | null, right: string | number | null): number {
  if (left === right) return 0;
  if (left === null) return -1;
  if (right === null) return 1;
  return left < right ? -1 : 1;
}

/** One page of partners enrolled in the program. */
export function listPartners(store: Store, program: Program, query: ListPartnersInput): Partner[] {
  const matches = partnerFilter(store, query);
  const rows: Row[] = [];
  for (const enrollment of store.enrollments.values()) {
    if (enrollment.programId !== program.id) continue;
    const partner = store.partners.get(enrollment.partnerId);
    if (partner && matches(partner, enrollment)) rows.push({ partner, enrollment });
  }
  const sortBy = query.sortBy ?? "totalSaleAmount";
  const column: PartnerSortField = Object.hasOwn(LEGACY_PARTNER_SORT_TARGETS, sortBy)
    ? LEGACY_PARTNER_SORT_TARGETS[sortBy as keyof typeof LEGACY_PARTNER_SORT_TARGETS]
    : (sortBy as PartnerSortField);
  const direction = query.sortOrder === "asc" ? 1 : -1;
  // Array.prototype.sort is stable: equal rows keep creation order.
  rows.sort((a, b) => direction * compare(sortValue(a, column), sortValue(b, column)));
  const pageSize = query.pageSize ?? 100;
  const page = query.page ?? 1;
  return rows.slice((page - 1) * pageSize, page * pageSize).map(({ partner, enrollment }) => {
    const links = enrollment.linkIds
      .map((id) => store.links.get(id))
      .filter((link): link is LinkRecord => link !== undefined);
    return listedPartnerView(partner, enrollment, links, query.includePartnerPlatforms === true);
  });
}
