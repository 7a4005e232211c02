// Dub's own request schemas, as the server declares them (apps/web/lib/zod/schemas/*.ts at the commit the behaviour
// files were read from), in classic zod 4.3.5 and formatted with zod-error 2.0.0 exactly as the server's
// `fromZodError` does: the oracle the emulator's validation is checked against. Test-only code. Reduced: `.describe`
// and `.meta` (documentation only), `processKey` (to the rules that decide null), and `analyticsQuerySchema` (to the
// keys the partner analytics schema picks). Dates are read with the real chrono-node, at Dub's pinned version.

import * as chrono from "chrono-node";
import { generateErrorMessage } from "zod-error";
import { z } from "zod-server";

const SERVER_EMAIL =
  /^(?!\.)(?!.*\.\.)([A-Za-z0-9_'+\-.]*)[A-Za-z0-9_+-]@([A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;
const VALID_KEY = /^[0-9A-Za-z_\u0080-\uFFFF/\-\p{Emoji}.]+$/u;

/** Dub's `processKey(...) !== null`, reduced to the rules that decide null. */
function processKeyAccepts(key: string): boolean {
  if (key === "_root") return true;
  if (!VALID_KEY.test(key)) return false;
  if (key.startsWith("_")) return false;
  if (key.startsWith(".well-known")) return false;
  if (key.endsWith(".php") || key.endsWith(".php7")) return false;
  return true;
}

const splitList = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : v.split(",")));

/** `isValidUrl` (packages/utils/src/functions/urls.ts). */
function isValidUrl(url: string): boolean {
  try {
    new URL(url);
    return true;
  } catch {
    return false;
  }
}

/** `getUrlFromString` (packages/utils/src/functions/urls.ts). */
function getUrlFromString(str: string): string {
  if (isValidUrl(str)) return str;
  try {
    if (str.includes(".") && !str.includes(" ")) return new URL(`https://${str}`).toString();
  } catch {}
  return str;
}

/** `parseUrlSchema` (apps/web/lib/zod/schemas/utils.ts). */
const parseUrlSchema = z
  .string()
  .max(32000, { message: "Must be 32000 or fewer characters long." })
  .transform((v) => getUrlFromString(v))
  .refine((v) => isValidUrl(v), { message: "Invalid URL" });

/** `createLinkBodySchema` minus what `linkProps` omits, plus `prefix`, all optional (`.partial()`). */
export const serverLinkProps = z
  .object({
    externalId: z
      .string()
      .min(1)
      .max(255)
      .nullish()
      .transform((v) => (typeof v === "string" ? v.replace(/^ext_/, "") : v)),
    tenantId: z.string().max(255).nullish(),
    prefix: z.string(),
    archived: z.boolean(),
    tagIds: splitList,
    tagNames: splitList,
    comments: z.string().nullish(),
    expiresAt: z.string().nullish(),
    expiredUrl: parseUrlSchema.nullish(),
    password: z.string().nullish(),
    proxy: z.boolean(),
    title: z.string().nullish(),
    description: z.string().nullish(),
    image: z.string().nullish(),
    video: z.string().nullish(),
    rewrite: z.boolean(),
    ios: parseUrlSchema.nullish(),
    android: parseUrlSchema.nullish(),
    doIndex: z.boolean(),
    testVariants: z
      .array(z.object({ url: z.string(), percentage: z.number().min(10).max(90) }))
      .min(2)
      .max(4)
      .nullish(),
    testStartedAt: z.string().nullish(),
    testCompletedAt: z.string().nullish(),
  })
  .partial();

/** `createPartnerSchema` (POST /partners). */
export const serverCreatePartner = z.object({
  name: z.string().trim().max(100).nullish(),
  email: z.email({ pattern: SERVER_EMAIL }).trim().max(190),
  username: z
    .string()
    .max(100)
    .nullish()
    .refine((key) => !key || processKeyAccepts(key), {
      message: "Invalid username. Must be a URL-friendly string.",
    }),
  image: z.string().nullish(),
  tenantId: z.string().optional(),
  groupId: z.string().optional(),
  country: z.string().nullish(),
  description: z.string().max(5000).nullish(),
  linkProps: serverLinkProps.optional(),
});

/** `partnerIdTenantIdSchema` (partners.ts): also the whole of `retrievePartnerLinksSchema` and `deactivatePartnerApiSchema`. */
export const serverPartnerIdTenantId = z.object({
  partnerId: z.string().nullish(),
  tenantId: z.string().nullish(),
});

/** `createPartnerLinkSchema` (POST /partners/links). */
export const serverCreatePartnerLink = serverPartnerIdTenantId
  .extend({
    url: parseUrlSchema.nullish(),
    key: z.string().max(190).optional(),
    comments: z.string().nullish(),
  })
  .extend({ linkProps: serverLinkProps.optional() });

/** `upsertPartnerLinkSchema` (PUT /partners/links/upsert). */
export const serverUpsertPartnerLink = serverCreatePartnerLink.extend({ url: parseUrlSchema });

/** `booleanQuerySchema` (misc.ts), without its OpenAPI `.meta`. */
const booleanQuerySchema = z.stringbool({ truthy: ["true"], falsy: ["false"] });

/** `getPaginationQuerySchema({ pageSize })` (misc.ts), without its OpenAPI `.describe`/`.meta`. */
function getPaginationQuerySchema({ pageSize }: { pageSize: number }) {
  return {
    page: z.coerce
      .number({ error: "Page must be a number." })
      .int({ message: "Page must be an integer." })
      .positive({ message: "Page must be greater than 0." })
      .optional(),
    pageSize: z.coerce
      .number({ error: "Page size must be a number." })
      .int({ message: "Page size must be an integer." })
      .positive({ message: "Page size must be greater than 0." })
      .max(pageSize, { message: `Max page size is ${pageSize}.` })
      .optional()
      .default(pageSize),
  };
}

const PROGRAM_ENROLLMENT_STATUSES = [
  "pending",
  "approved",
  "rejected",
  "invited",
  "declined",
  "deactivated",
  "banned",
  "archived",
] as const;

/** `getPartnersQuerySchema` (partners.ts). */
const getPartnersQuerySchema = z
  .object({
    groupId: z.string().optional(),
    status: z.enum(PROGRAM_ENROLLMENT_STATUSES).optional(),
    country: z.string().optional(),
    sortBy: z
      .enum([
        "createdAt",
        "totalClicks",
        "totalLeads",
        "totalConversions",
        "totalSaleAmount",
        "totalCommissions",
        "netRevenue",
        "earningsPerClick",
        "averageLifetimeValue",
        "clickToLeadRate",
        "clickToConversionRate",
        "leadToConversionRate",
        "returnOnAdSpend",
      ])
      .default("totalSaleAmount"),
    sortOrder: z.enum(["asc", "desc"]).default("desc"),
    email: z.string().optional(),
    tenantId: z.string().optional(),
    search: z.string().optional(),
  })
  .extend(getPaginationQuerySchema({ pageSize: 100 }));

const metricBound = () => z.coerce.number().int().nonnegative().optional();

/** `getPartnersQuerySchemaExtended` (partners.ts). */
const getPartnersQuerySchemaExtended = getPartnersQuerySchema.extend({
  status: z.enum(PROGRAM_ENROLLMENT_STATUSES).optional(),
  partnerIds: z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : v.split(",")))
    .optional(),
  groupId: z.union([z.string(), z.array(z.string())]).optional(),
  partnerTagId: z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : v.split(",")))
    .optional(),
  country: z.union([z.string(), z.array(z.string())]).optional(),
  referredByPartnerId: z.string().optional(),
  includePartnerPlatforms: booleanQuerySchema.optional(),
  totalClicksMin: metricBound(),
  totalClicksMax: metricBound(),
  totalLeadsMin: metricBound(),
  totalLeadsMax: metricBound(),
  totalConversionsMin: metricBound(),
  totalConversionsMax: metricBound(),
  totalSaleAmountMin: metricBound(),
  totalSaleAmountMax: metricBound(),
  totalCommissionsMin: metricBound(),
  totalCommissionsMax: metricBound(),
});

/**
 * What GET /partners parses (apps/web/app/(ee)/api/partners/route.ts): the extended schema with the legacy `sortBy`
 * values. The route first replaces `groupId`, `country` and `partnerTagId` by their `parseFilterValue` values; that
 * cannot change the verdict (the union takes strings and arrays alike), so the oracle parses the query as sent.
 */
export const serverListPartners = getPartnersQuerySchemaExtended.extend({
  sortBy: getPartnersQuerySchemaExtended.shape.sortBy.or(
    z.enum(["clicks", "leads", "conversions", "sales", "saleAmount", "totalSales"]),
  ),
});

/** `getPartnerApplicationsQuerySchema` (program-application.ts). */
export const serverListPartnerApplications = getPartnersQuerySchema
  .pick({ country: true, groupId: true })
  .extend(getPaginationQuerySchema({ pageSize: 100 }));

/** `DUB_FOUNDING_DATE` (packages/utils/src/constants/misc.ts). */
const DUB_FOUNDING_DATE = new Date("2022-09-22T00:00:00.000Z");

/** `formatDate` (packages/utils/src/functions/datetime/format-date.ts); Dub's servers run in UTC. */
function formatDate(datetime: Date): string {
  return datetime.toLocaleDateString("en-US", { day: "numeric", month: "long", year: "numeric" });
}

/** `parseDateTime` (packages/utils): chrono-node's `parseDate`, at the version Dub pins (2.7.5). */
function parseDateTime(str: Date | string): Date | null {
  if (str instanceof Date) return str;
  return chrono.parseDate(str);
}

/** `parseDateSchema` (utils.ts). */
const parseDateSchema = z
  .string()
  .transform((v) => parseDateTime(v))
  .refine((v) => !!v, { message: "Invalid date" });

/** `sanitizeTimezone` (apps/web/lib/analytics/utils/sanitize-timezone.ts). */
function sanitizeTimezone(timezone?: string): string {
  if (!timezone) return "UTC";
  try {
    Intl.DateTimeFormat(undefined, { timeZone: timezone });
    return timezone;
  } catch {
    return "UTC";
  }
}

/** `parseFilterValue` (packages/utils/src/functions/parse-filter-value.ts), for the fields the pick below drops. */
function parseFilterValue(value: string | undefined) {
  if (!value) return undefined;
  const isNegated = value.startsWith("-");
  const values = (isNegated ? value.slice(1) : value).split(",").filter(Boolean);
  if (values.length === 0) return undefined;
  return { sqlOperator: isNegated ? "NOT IN" : "IN", values };
}

/**
 * `analyticsQuerySchema` (analytics.ts), reduced to the keys `partnerAnalyticsQuerySchema` picks, declared as there
 * (the other ~35 keys are dropped by the pick, so they cannot change a verdict).
 */
const analyticsQuerySchema = z.object({
  partnerId: z.string().optional().transform(parseFilterValue),
  tenantId: z.string().optional().transform(parseFilterValue),
  interval: z.enum(["24h", "7d", "30d", "90d", "1y", "mtd", "qtd", "ytd", "all"]).optional(),
  start: parseDateSchema
    .refine((value: Date) => value >= DUB_FOUNDING_DATE, {
      message: `The start date cannot be earlier than ${formatDate(DUB_FOUNDING_DATE)}.`,
    })
    .optional(),
  end: parseDateSchema.optional(),
  timezone: z
    .string()
    .optional()
    .overwrite((v) => (v === undefined ? undefined : sanitizeTimezone(v))),
  query: z.string().max(10000).optional(),
});

/** `partnerAnalyticsQuerySchema` (GET /partners/analytics). */
export const serverPartnerAnalytics = analyticsQuerySchema
  .pick({
    partnerId: true,
    tenantId: true,
    interval: true,
    start: true,
    end: true,
    timezone: true,
    query: true,
  })
  .extend(serverPartnerIdTenantId.shape)
  .extend({ groupBy: z.enum(["top_links", "timeseries", "count"]).default("count") });

/** `banPartnerApiSchema` (POST /partners/ban). */
export const serverBanPartner = serverPartnerIdTenantId.extend({
  reason: z.enum(["tos_violation", "inappropriate_content", "fake_traffic", "fraud", "spam", "brand_abuse"]),
});

/** `approvePartnerSchema` (POST /partners/applications/approve). */
export const serverApprovePartner = z.object({
  partnerId: z.string(),
  groupId: z.string().nullish(),
});

/** `rejectPartnerSchema` (POST /partners/applications/reject). */
export const serverRejectPartner = z.object({
  partnerId: z.string(),
  rejectionReason: z
    .enum(["needsMoreDetail", "doesNotMeetRequirements", "notTheRightFit", "other"])
    .optional(),
  rejectionNote: z
    .string()
    .max(500)
    .optional()
    .transform((s) => {
      const t = s?.trim();
      return t === "" ? undefined : t;
    }),
  reapplicationTimeframe: z.enum(["instant", "standard", "never"]).default("standard"),
  flagForFraud: z.boolean().optional(),
  flagForFraudReason: z
    .string()
    .max(2000)
    .optional()
    .transform((s) => {
      const t = s?.trim();
      return t === "" ? undefined : t;
    }),
});

/** What the server answers a body with: its parsed output, or the 422 message of its first issue. */
export function serverVerdict(
  schema: z.ZodType,
  input: unknown,
): { ok: true; data: unknown } | { ok: false; message: string } {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, data: result.data };
  return {
    ok: false,
    // zod-error is typed against the newest zod; the issues it reads have the same shape in 4.3.5.
    message: generateErrorMessage(result.error.issues as Parameters<typeof generateErrorMessage>[0], {
      maxErrors: 1,
      delimiter: { component: ": " },
      path: { enabled: true, type: "objectNotation", label: "" },
      code: { enabled: true, label: "" },
      message: { enabled: true, label: "" },
    }),
  };
}
