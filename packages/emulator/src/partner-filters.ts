// GET /partners' filters (`buildProgramEnrollmentWhereForList`), as one predicate over an enrollment and its
// partner. Every filter given must hold (tenantId is ANDed with email and search, whatever the OpenAPI text says).
// Emails and countries compare case-insensitively (MySQL's default collation); ids compare exactly.
import { type ListFilter, type listPartnersQuery, parseListFilter } from "@dubkit/contract";
import type * as z from "zod/mini";
import { ZERO_METRICS } from "./enrollment-metrics.js";
import { fullTextMatcher } from "./full-text-search.js";
import type { EnrollmentRecord, PartnerRecord } from "./records.js";
import { emailKey, type Store } from "./store.js";

/** The validated GET /partners query. */
export type ListPartnersQueryOutput = z.output<typeof listPartnersQuery>;

/** A test of one enrollment (with its partner). */
type Predicate = (partner: PartnerRecord, enrollment: EnrollmentRecord) => boolean;

/** The metric columns with `…Min`/`…Max` bounds. */
const BOUNDED_METRICS = [
  "totalClicks",
  "totalLeads",
  "totalConversions",
  "totalSaleAmount",
  "totalCommissions",
] as const;

/**
 * groupId and country as the route reads them: `parseFilterValue`'s IN / NOT IN lists, but a value it finds no
 * list in (`-`, `,`) stays as it came and is compared as is, while `""` is no filter.
 */
function valueListFilter(raw: string | undefined): ListFilter | undefined {
  return parseListFilter(raw) ?? (raw ? { exclude: false, values: [raw] } : undefined);
}

/** partnerTagId: the same lists, but the schema splits what `parseFilterValue` left, so even `""` filters. */
function tagListFilter(raw: string | undefined): ListFilter | undefined {
  return parseListFilter(raw) ?? (raw === undefined ? undefined : { exclude: false, values: raw.split(",") });
}

/** A nullable column against a list: IN, or NOT IN that also keeps rows where the column is null. */
function listMatches(filter: ListFilter, value: string | null, normalize = (text: string) => text): boolean {
  if (value === null) return filter.exclude;
  const found = filter.values.some((candidate) => normalize(candidate) === normalize(value));
  return filter.exclude ? !found : found;
}

/** `email`, else `search`: an exact email (contains `@`), an exact partner id (`pn_…`), or full-text words. */
function identityPredicate(query: ListPartnersQueryOutput): Predicate | undefined {
  if (query.email) {
    const wanted = emailKey(query.email);
    return (partner) => emailKey(partner.email) === wanted;
  }
  const search = query.search;
  if (!search) return undefined;
  if (search.includes("@")) return (partner) => emailKey(partner.email) === emailKey(search);
  if (search.startsWith("pn_")) return (partner) => partner.id === search;
  const matches = fullTextMatcher(search);
  return (partner) => matches([partner.email, partner.name, partner.companyName]);
}

/** The `…Min`/`…Max` bounds, inclusive, a minimum above its maximum swapped. */
function boundPredicates(query: ListPartnersQueryOutput): Predicate[] {
  const predicates: Predicate[] = [];
  for (const metric of BOUNDED_METRICS) {
    let min = query[`${metric}Min` as const];
    let max = query[`${metric}Max` as const];
    if (min !== undefined && max !== undefined && min > max) [min, max] = [max, min];
    if (min === undefined && max === undefined) continue;
    predicates.push((_partner, enrollment) => {
      const value = (enrollment.metrics ?? ZERO_METRICS)[metric];
      return (min === undefined || value >= min) && (max === undefined || value <= max);
    });
  }
  return predicates;
}

/** The predicate every listed enrollment of the program must pass. */
export function partnerFilter(store: Store, query: ListPartnersQueryOutput): Predicate {
  const predicates: Predicate[] = [];
  const { tenantId, status, referredByPartnerId } = query;
  // `tenantId=` filters on the empty tenantId (and so finds nothing), unlike email and search.
  if (tenantId !== undefined) predicates.push((_partner, enrollment) => enrollment.tenantId === tenantId);
  if (query.partnerIds !== undefined) {
    const ids = new Set(query.partnerIds.split(","));
    predicates.push((partner) => ids.has(partner.id));
  }
  if (status !== undefined) predicates.push((_partner, enrollment) => enrollment.status === status);
  const group = valueListFilter(query.groupId);
  if (group) predicates.push((_partner, enrollment) => listMatches(group, enrollment.groupId));
  // The emulator keeps no partner tags: a partner has none of any list.
  const tags = tagListFilter(query.partnerTagId);
  if (tags) predicates.push(() => tags.exclude);
  const country = valueListFilter(query.country);
  if (country) {
    predicates.push((partner) => listMatches(country, partner.country, (text) => text.toLowerCase()));
  }
  const identity = identityPredicate(query);
  if (identity) predicates.push(identity);
  if (referredByPartnerId) {
    predicates.push((_partner, enrollment) => {
      const application = enrollment.applicationId
        ? store.applications.get(enrollment.applicationId)
        : undefined;
      return application?.referredByPartnerId === referredByPartnerId;
    });
  }
  predicates.push(...boundPredicates(query));
  return (partner, enrollment) => predicates.every((predicate) => predicate(partner, enrollment));
}
