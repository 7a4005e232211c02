// Writing a processed link (create-link.ts and update-link.ts): the row gets the payload's columns, the title and
// description cut, the utm_* columns read from the final URL, the dates as Dates; a preview image that is not a
// URL (uploaded data) is stored on Dub's storage and the row points there.
import { DubApiError, internalServerError } from "./dub-error.js";
import {
  type LinkColumns,
  linkColumns,
  linkRecordOf,
  projectIdOf,
  shortLinkOf,
  truncate,
} from "./link-columns.js";
import { tagsOfNewLink, tagsOfUpdatedLink } from "./link-tags.js";
import { utmColumns } from "./link-utm.js";
import type { ProcessedLink } from "./process-partner-link.js";
import type { Random } from "./random.js";
import type { LinkRecord } from "./records.js";
import { randomKeyCharacters } from "./short-link-key.js";
import type { Workspace } from "./workspace.js";

/** Dub's storage (`R2_URL`), where uploaded preview images live. */
const R2_URL = "https://dubassets.com";

/** The Link columns a payload may set (the others are the server's own). */
const WRITABLE_COLUMNS: readonly (keyof LinkColumns)[] = [
  "domain",
  "key",
  "url",
  "archived",
  "expiredUrl",
  "password",
  "trackConversion",
  "proxy",
  "title",
  "description",
  "image",
  "video",
  "rewrite",
  "doIndex",
  "ios",
  "android",
  "testVariants",
  "folderId",
  "externalId",
  "tenantId",
  "comments",
  "programId",
  "partnerId",
];

/** A Prisma DateTime from a payload date: null when empty; `undefined` for text that is no date. */
function dateColumn(value: unknown): string | null | undefined {
  if (!value) return null;
  const date = new Date(value as string | Date);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** `isNotHostedImage`: anything that is not an https URL is uploaded data. */
const isUploadedImage = (image: unknown): boolean =>
  typeof image === "string" && image !== "" && !image.startsWith("https://");

/** The row `processed` writes over `base`; `invalidDate` is thrown for a testStartedAt Prisma cannot store. */
function writtenColumns(
  base: LinkColumns,
  processed: ProcessedLink,
  workspace: Workspace,
  invalidDate: () => Error,
): LinkColumns {
  const columns = { ...base } as Record<string, unknown>;
  for (const name of WRITABLE_COLUMNS) {
    if (processed[name] !== undefined) columns[name] = processed[name];
  }
  const testStartedAt = dateColumn(processed.testStartedAt);
  if (testStartedAt === undefined) throw invalidDate();
  const written = columns as unknown as LinkColumns;
  return {
    ...written,
    shortLink: shortLinkOf(written.domain, written.key),
    title: truncate(written.title, 120),
    description: truncate(written.description, 240),
    ...utmColumns(written.url),
    expiresAt: dateColumn(processed.expiresAt) ?? null,
    testVariants: written.testVariants || null,
    testCompletedAt: dateColumn(processed.testCompletedAt) ?? null,
    testStartedAt,
    userId: workspace.userId,
    projectId: projectIdOf(workspace.id),
  };
}

/** `createLink`: the new link's record. A testStartedAt that is no date fails the insert: a 500, as on the server. */
export function newLinkRecord(
  processed: ProcessedLink,
  workspace: Workspace,
  meta: { id: string; createdAt: string },
): LinkRecord {
  const base: LinkColumns = {
    id: meta.id,
    domain: processed.domain,
    key: processed.key,
    url: processed.url,
    shortLink: "",
    archived: false,
    expiresAt: null,
    expiredUrl: null,
    disabledAt: null,
    password: null,
    trackConversion: false,
    proxy: false,
    title: null,
    description: null,
    image: null,
    video: null,
    ...utmColumns(processed.url),
    rewrite: false,
    linkRetentionCleanupDisabledAt: null,
    doIndex: false,
    ios: null,
    android: null,
    geo: null,
    testVariants: null,
    testStartedAt: null,
    testCompletedAt: null,
    userId: null,
    projectId: projectIdOf(workspace.id),
    folderId: null,
    externalId: null,
    tenantId: null,
    publicStats: false,
    clicks: 0,
    leads: 0,
    conversions: 0,
    sales: 0,
    saleAmount: 0,
    lastClicked: null,
    createdAt: meta.createdAt,
    updatedAt: meta.createdAt,
    comments: null,
    programId: null,
    partnerId: null,
  };
  const columns = writtenColumns(base, processed, workspace, internalServerError);
  if (columns.proxy && isUploadedImage(columns.image)) columns.image = `${R2_URL}/images/${meta.id}`;
  const tags = tagsOfNewLink(workspace, processed as Parameters<typeof tagsOfNewLink>[1]);
  return linkRecordOf(columns, workspace.id, tags);
}

/**
 * `updateLink`: the rewritten record (same id, counters and creation time; the caller as `userId`). Tags are
 * replaced when the payload names any. A failure here is the route's 422 with the error's own message.
 */
export function updatedLinkRecord(
  existing: LinkRecord,
  processed: ProcessedLink,
  workspace: Workspace,
  meta: { updatedAt: string; random: Random },
): LinkRecord {
  const base = { ...linkColumns(existing, workspace), updatedAt: meta.updatedAt };
  const columns = writtenColumns(
    base,
    processed,
    workspace,
    // Prisma's own text for the Invalid Date (its invocation dump left out).
    () =>
      new DubApiError(
        "unprocessable_entity",
        "Invalid `prisma.link.update()` invocation: Invalid value for argument `testStartedAt`: Provided Date object is invalid. Expected Date.",
      ),
  );
  if (columns.proxy && isUploadedImage(columns.image)) {
    columns.image = `${R2_URL}/images/${existing.id}_${randomKeyCharacters(meta.random, 7)}`;
  }
  const tags = tagsOfUpdatedLink(
    workspace,
    existing.tagIds ?? [],
    processed as Parameters<typeof tagsOfUpdatedLink>[2],
  );
  return { ...linkRecordOf(columns, existing.workspaceId, tags), stats: existing.stats };
}
