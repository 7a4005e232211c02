// A stored link as the server's `Link` row (apps/web/prisma/schema/link.prisma): every column, with the defaults
// for what the record does not hold. The record keeps its own fields and puts the other columns in `props`; links
// from POST /partners keep their `linkProps` there as sent, so each column is read only when it has its type.

import { utmColumns } from "./link-utm.js";
import type { LinkRecord } from "./records.js";
import type { Workspace } from "./workspace.js";

/** An A/B test variant as stored. */
export interface TestVariant {
  url: string;
  percentage: number;
}

/** The columns of a `Link` row the API shows, in the model's order; dates are ISO 8601 text. */
export interface LinkColumns {
  id: string;
  domain: string;
  key: string;
  url: string;
  shortLink: string;
  archived: boolean;
  expiresAt: string | null;
  expiredUrl: string | null;
  disabledAt: string | null;
  password: string | null;
  trackConversion: boolean;
  proxy: boolean;
  title: string | null;
  description: string | null;
  image: string | null;
  video: string | null;
  utm_source: string | null;
  utm_medium: string | null;
  utm_campaign: string | null;
  utm_term: string | null;
  utm_content: string | null;
  rewrite: boolean;
  linkRetentionCleanupDisabledAt: string | null;
  doIndex: boolean;
  ios: string | null;
  android: string | null;
  geo: Record<string, string> | null;
  testVariants: TestVariant[] | null;
  testStartedAt: string | null;
  testCompletedAt: string | null;
  userId: string | null;
  projectId: string;
  folderId: string | null;
  externalId: string | null;
  tenantId: string | null;
  publicStats: boolean;
  clicks: number;
  leads: number;
  conversions: number;
  sales: number;
  saleAmount: number;
  lastClicked: string | null;
  createdAt: string;
  updatedAt: string;
  comments: string | null;
  programId: string | null;
  partnerId: string | null;
}

/** The columns kept in a record's `props` (everything without a field of its own). */
const PROPS_COLUMNS = [
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
  "linkRetentionCleanupDisabledAt",
  "doIndex",
  "ios",
  "android",
  "geo",
  "testVariants",
  "testStartedAt",
  "testCompletedAt",
  "publicStats",
  "lastClicked",
  "comments",
] as const;

/** `truncate` of @dub/utils: longer text is cut to `length` with `...` as its last 3 characters. */
export function truncate(text: string | null | undefined, length: number): string | null {
  if (!text || text.length <= length) return text ?? null;
  return `${text.slice(0, length - 3)}...`;
}

/** `normalizeWorkspaceId`: the database id of a workspace (`ws_` is dropped only from the older `ws_c…` ids). */
export function projectIdOf(workspaceId: string): string {
  return workspaceId.startsWith("ws_c") ? workspaceId.replace("ws_", "") : workspaceId;
}

/** `linkConstructorSimple`: `https://<domain>/<key>`, or the bare domain for `_root`. */
export function shortLinkOf(domain: string, key: string): string {
  return `https://${domain}${key === "_root" ? "" : `/${key}`}`;
}

const text = (value: unknown): string | null => (typeof value === "string" ? value : null);
const flag = (value: unknown, fallback = false): boolean => (typeof value === "boolean" ? value : fallback);

/** The row of a stored link. `userId` and `folderId` default to what the server sets on a program's links. */
export function linkColumns(link: LinkRecord, workspace: Workspace): LinkColumns {
  const props = link.props;
  const stats = link.stats;
  return {
    id: link.id,
    domain: link.domain,
    key: link.key,
    url: link.url,
    shortLink: shortLinkOf(link.domain, link.key),
    archived: flag(props.archived),
    expiresAt: link.expiresAt ?? null,
    expiredUrl: text(props.expiredUrl),
    disabledAt: link.disabledAt ?? null,
    password: text(props.password),
    trackConversion: flag(props.trackConversion, true),
    proxy: flag(props.proxy),
    title: truncate(text(props.title), 120),
    description: truncate(text(props.description), 240),
    image: text(props.image),
    video: text(props.video),
    ...utmColumns(link.url),
    rewrite: flag(props.rewrite),
    linkRetentionCleanupDisabledAt: text(props.linkRetentionCleanupDisabledAt),
    doIndex: flag(props.doIndex),
    ios: text(props.ios),
    android: text(props.android),
    geo: isRecord(props.geo) ? (props.geo as Record<string, string>) : null,
    testVariants: Array.isArray(props.testVariants) ? (props.testVariants as TestVariant[]) : null,
    testStartedAt: text(props.testStartedAt),
    testCompletedAt: text(props.testCompletedAt),
    userId: link.userId === undefined ? workspace.userId : link.userId,
    projectId: projectIdOf(link.workspaceId),
    folderId: link.folderId === undefined ? (workspace.program?.defaultFolderId ?? null) : link.folderId,
    externalId: link.externalId,
    tenantId: link.tenantId,
    publicStats: flag(props.publicStats),
    clicks: stats?.clicks ?? 0,
    leads: stats?.leads ?? 0,
    conversions: stats?.conversions ?? 0,
    sales: stats?.sales ?? 0,
    saleAmount: stats?.saleAmount ?? 0,
    lastClicked: text(props.lastClicked),
    createdAt: link.createdAt,
    updatedAt: link.updatedAt ?? link.createdAt,
    comments: text(props.comments),
    programId: link.programId,
    partnerId: link.partnerId,
  };
}

function isRecord(value: unknown): boolean {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The record that stores `columns` (a new or rewritten link of the workspace), with its tags. */
export function linkRecordOf(columns: LinkColumns, workspaceId: string, tagIds: string[]): LinkRecord {
  const props: Record<string, unknown> = {};
  for (const name of PROPS_COLUMNS) props[name] = columns[name];
  const stats = {
    clicks: columns.clicks,
    leads: columns.leads,
    conversions: columns.conversions,
    sales: columns.sales,
    saleAmount: columns.saleAmount,
  };
  return {
    id: columns.id,
    workspaceId,
    programId: columns.programId ?? "",
    partnerId: columns.partnerId ?? "",
    domain: columns.domain,
    key: columns.key,
    url: columns.url,
    externalId: columns.externalId,
    tenantId: columns.tenantId,
    createdAt: columns.createdAt,
    props,
    updatedAt: columns.updatedAt,
    expiresAt: columns.expiresAt,
    disabledAt: columns.disabledAt,
    ...(Object.values(stats).some((value) => value !== 0) && { stats }),
    userId: columns.userId,
    folderId: columns.folderId,
    tagIds,
  };
}
