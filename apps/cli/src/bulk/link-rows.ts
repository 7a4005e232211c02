// The rows of `partners links upsert FILE`: each names a partner (`partnerId`, or `tenantId`) and a destination URL
// (required), with the link's `key` and `linkProps` (a JSON column or `link_props.<key>` columns) as the single
// command takes them. A row's identity is the partner as named plus the URL as the server normalises it, because
// Dub's upsert finds the link by partner and exact URL (partners-program-behavior.md §6.3); no two rows may share a
// key either (a key names one link on the program's domain).

import { upsertPartnerLinkBody } from "@dubkit/contract";
import { ColumnVocabulary } from "../import/column-mapping.js";
import type { RowLabel } from "../import/duplicate-index.js";
import { compileCellsMapper, objectToRequest } from "../import/row-mapping.js";
import { otherSpelling, type RowRules, type Validation } from "../import/row-rules.js";
import { checkRequest } from "../request-check.js";

const quote = (name: string) => `"${name}"`;

/** The columns of a links file. */
export const LINK_COLUMNS = new ColumnVocabulary({
  fields: ["partnerId", "tenantId", "url", "key", "linkProps"],
  synonyms: {
    url: ["destination", "destinationurl", "targeturl", "linkurl"],
    key: ["linkkey", "shortkey", "slug"],
  },
  linkProps: true,
  nameParts: false,
  missing: (targets, header, problems) => {
    const missing: string[] = [];
    const columns = `(columns: ${header.map(quote).join(", ")})`;
    if (!targets.includes("url") && !problems.some((p) => p.includes(" url")))
      missing.push(`no column holds the url ${columns}`);
    if (!targets.includes("partnerId") && !targets.includes("tenantId"))
      missing.push(`no column names the partner: a partnerId or tenantId column ${columns}`);
    return missing;
  },
  examples: ['url="Destination"', '"partnerId=Dub ID"'],
});

const text = (value: unknown) => (typeof value === "string" && value !== "" ? value : undefined);

/** Checks a row with the upsert's own schema, then that it names its partner (by a well-formed id, or a tenantId). */
function validate(body: Record<string, unknown>): Validation {
  const checked = checkRequest<Record<string, unknown>>(upsertPartnerLinkBody, body);
  if (!checked.ok) return checked;
  const partnerId = text(checked.data.partnerId);
  if (partnerId === undefined && text(checked.data.tenantId) === undefined) {
    return {
      ok: false,
      field: "partnerId",
      error: "partnerId or tenantId is required: the partner the link is for",
    };
  }
  if (partnerId !== undefined && !partnerId.startsWith("pn_")) {
    return {
      ok: false,
      field: "partnerId",
      error: `a partner id starts with pn_, got ${JSON.stringify(partnerId)}`,
    };
  }
  return checked;
}

/** The partner as the row names it: Dub's id wins over a tenantId, as on the server. */
export function partnerOfRow(data: Record<string, unknown>): { partnerId: string } | { tenantId: string } {
  const partnerId = text(data.partnerId);
  return partnerId === undefined ? { tenantId: String(data.tenantId) } : { partnerId };
}

/** "<key> already, for <link>": the key as the sent row spells it and its link, and this row's spelling if other. */
function keyAsSent(first: RowLabel | undefined, data: Record<string, unknown>): string {
  const key = String(data.key);
  const sent = first?.key ?? key;
  const spelling = otherSpelling(sent, key, JSON.stringify);
  return `${JSON.stringify(sent)} already${first?.link === undefined ? "" : `, for ${first.link}`}${spelling}`;
}

/** The rules of `partners links upsert FILE`. */
export const LINK_ROWS: RowRules = {
  vocabulary: LINK_COLUMNS,
  cellsMapper: (targets) => compileCellsMapper(targets, LINK_COLUMNS),
  objectMapper: () => (object) => objectToRequest(object, LINK_COLUMNS),
  check: {
    validate,
    identify: (data) => {
      const partner = partnerOfRow(data);
      const who = "partnerId" in partner ? partner.partnerId : `tenantId:${partner.tenantId}`;
      const key = text(data.key);
      // The partner as a JSON string ends where it ends, so no partner and URL pair can spell another's key.
      const named =
        "partnerId" in partner ? partner.partnerId : `tenantId ${JSON.stringify(partner.tenantId)}`;
      return {
        key: `${JSON.stringify(who)} ${String(data.url)}`,
        secondary: key?.toLowerCase(),
        label: { ...(key === undefined ? {} : { key }), link: `${named}'s link to ${String(data.url)}` },
      };
    },
    duplicate: ({ field, firstLine, firstLabel }, data) =>
      field === "key"
        ? {
            error: `duplicate: line ${firstLine} has this partner's link to ${String(data.url)} already (Dub keeps one link per partner and URL); only line ${firstLine} is sent`,
            field: "url",
          }
        : {
            error: `duplicate: line ${firstLine} has the key ${keyAsSent(firstLabel, data)} (a key names one link on the program's domain); only line ${firstLine} is sent`,
            field: "key",
          },
  },
};
