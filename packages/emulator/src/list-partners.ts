// GET /partners after validation: the program's enrollments, filtered (tenantId beats email beats search, as
// the OpenAPI document says), sorted and paginated. Ties keep creation order, so pages are stable.
import type { EnrolledPartner } from "@dubkit/contract";
import { enrolledPartnerView } from "./enrolled-partner.js";
import type { LinkRecord } from "./records.js";
import { emailKey, type Store } from "./store.js";
import type { Program } from "./workspace.js";

/** The validated query, as far as the list reads it. */
export interface ListPartnersInput {
  groupId?: string;
  status?: string;
  country?: string;
  sortBy?: string;
  sortOrder?: "asc" | "desc";
  email?: string;
  tenantId?: string;
  search?: string;
  page?: number;
  pageSize?: number;
}

/** One page of partners enrolled in the program. */
export function listPartners(store: Store, program: Program, query: ListPartnersInput): EnrolledPartner[] {
  const rows: EnrolledPartner[] = [];
  const search = query.tenantId || query.email ? undefined : query.search?.toLowerCase();
  for (const enrollment of store.enrollments.values()) {
    if (enrollment.programId !== program.id) continue;
    const partner = store.partners.get(enrollment.partnerId);
    if (!partner) continue;
    if (query.tenantId !== undefined) {
      if (enrollment.tenantId !== query.tenantId) continue;
    } else if (query.email !== undefined && emailKey(partner.email) !== emailKey(query.email)) continue;
    if (query.groupId !== undefined && enrollment.groupId !== query.groupId) continue;
    if (query.status !== undefined && enrollment.status !== query.status) continue;
    if (query.country !== undefined && partner.country !== query.country) continue;
    const links = enrollment.linkIds
      .map((id) => store.links.get(id))
      .filter((link): link is LinkRecord => link !== undefined);
    if (search) {
      const haystack = [partner.id, partner.name, partner.email, ...links.map((link) => link.key)];
      if (!haystack.some((value) => value.toLowerCase().includes(search))) continue;
    }
    rows.push(enrolledPartnerView(partner, enrollment, links));
  }
  const sortBy = (query.sortBy ?? "totalSaleAmount") as keyof EnrolledPartner;
  const direction = query.sortOrder === "asc" ? 1 : -1;
  const order = new Map(rows.map((row, index) => [row, index]));
  rows.sort((a, b) => {
    const left = a[sortBy] ?? 0;
    const right = b[sortBy] ?? 0;
    if (left < right) return -direction;
    if (left > right) return direction;
    return (order.get(a) ?? 0) - (order.get(b) ?? 0);
  });
  const pageSize = query.pageSize ?? 100;
  const page = query.page ?? 1;
  return rows.slice((page - 1) * pageSize, page * pageSize);
}
