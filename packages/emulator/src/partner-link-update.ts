// The upsert's update branch (partners-program-behavior.md §6.4): the stored row merged with `linkProps` and the
// fixed fields; nothing happens when that equals the row by Dub's deepEqual; otherwise the link is processed (key
// and externalId checks skipped when unchanged ignoring case, the stored utm_* columns set on the URL again) and
// rewritten as updateLink does.
import type { upsertPartnerLinkBody } from "@dubkit/contract";
import type * as z from "zod/mini";
import { dubDeepEqual } from "./dub-deep-equal.js";
import { linkColumns } from "./link-columns.js";
import { tagViews } from "./link-tags.js";
import type { ProgramWithSite } from "./partner-link-target.js";
import { updatedLinkRecord } from "./partner-link-write.js";
import { type LinkPayload, processPartnerLink } from "./process-partner-link.js";
import type { EnrollmentRecord, LinkRecord } from "./records.js";
import type { RouteContext } from "./route-context.js";

/** The upsert body as the contract outputs it. */
export type UpsertBody = z.output<typeof upsertPartnerLinkBody>;

/** The Link columns Prisma returns as Dates (they compare equal to each other in the no-op check). */
const DATE_COLUMNS = [
  "expiresAt",
  "disabledAt",
  "linkRetentionCleanupDisabledAt",
  "testStartedAt",
  "testCompletedAt",
  "lastClicked",
  "createdAt",
  "updatedAt",
] as const;

/** The link as `prisma.link.findFirst({ include: includeTags })` returns it: Dates, hidden columns, tags. */
function prismaRow(link: LinkRecord, context: RouteContext): Record<string, unknown> {
  const row: Record<string, unknown> = { ...linkColumns(link, context.workspace) };
  for (const name of DATE_COLUMNS) {
    const value = row[name];
    if (typeof value === "string") row[name] = new Date(value);
  }
  Object.assign(row, { lastLeadAt: null, lastConversionAt: null, partnerGroupDefaultLinkId: null });
  row.tags = tagViews(context.workspace, link.tagIds ?? []).map((tag) => ({ tag }));
  return row;
}

const isoIfDate = (value: unknown): unknown => (value instanceof Date ? value.toISOString() : value);

/** The outcome of the branch: the link to return, and the change to commit (none for a no-op). */
export interface LinkUpdate {
  link: LinkRecord;
  patch: Partial<LinkRecord> | undefined;
}

/** Runs the update branch on `existing`; throws processLink's errors and updateLink's 422. */
export function updatePartnerLink(
  context: RouteContext,
  program: ProgramWithSite,
  enrollment: EnrollmentRecord,
  existing: LinkRecord,
  body: UpsertBody,
): LinkUpdate {
  const row = prismaRow(existing, context);
  const updated: Record<string, unknown> = {
    ...row,
    expiresAt: isoIfDate(row.expiresAt),
    testCompletedAt: isoIfDate(row.testCompletedAt),
    testStartedAt: isoIfDate(row.testStartedAt),
    ...body.linkProps,
    domain: program.domain,
    ...(body.key && { key: body.key }),
    url: body.url,
    programId: program.id,
    tenantId: enrollment.tenantId,
    partnerId: enrollment.partnerId,
    folderId: program.defaultFolderId,
    trackConversion: true,
  };
  if (dubDeepEqual(row, updated)) return { link: existing, patch: undefined };

  const key = updated.key as string;
  const externalId = updated.externalId as string | null | undefined;
  const processed = processPartnerLink(context, { ...updated, tags: undefined } as unknown as LinkPayload, {
    skipKeyChecks: row.domain === updated.domain && (row.key as string).toLowerCase() === key.toLowerCase(),
    skipExternalIdChecks: existing.externalId?.toLowerCase() === externalId?.toLowerCase(),
  });
  const link = updatedLinkRecord(existing, processed, context.workspace, {
    updatedAt: new Date(context.now()).toISOString(),
    random: context.random,
  });
  return { link, patch: changedFields(existing, link) };
}

/** The fields of `after` that differ from `before` (the link-update event's patch). */
function changedFields(before: LinkRecord, after: LinkRecord): Partial<LinkRecord> {
  const patch: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(after)) {
    if (name === "id" || name === "workspaceId" || name === "programId" || value === undefined) continue;
    const previous = (before as unknown as Record<string, unknown>)[name];
    if (JSON.stringify(previous) !== JSON.stringify(value)) patch[name] = value;
  }
  return patch as Partial<LinkRecord>;
}
