// A link as the API returns it (transformLink, apps/web/lib/api/links/utils/transform-link.ts): the row's columns,
// then `tags` as `{ id, name, color }`, `identifier: null`, the first tag's id as `tagId`, `webhookIds: []`, the QR
// code URL (`?qr=1` appended as is, not encoded) and the `ws_`-prefixed `workspaceId`.
import type { Link } from "@dubkit/contract";
import type { LinkColumns } from "./link-columns.js";
import type { Tag } from "./workspace.js";

/** The full link body of POST /partners/links, PUT /partners/links/upsert and GET /links/info. */
export function linkResponse(columns: LinkColumns, tags: Tag[]): Link {
  return {
    ...columns,
    tags,
    identifier: null,
    tagId: tags[0]?.id ?? null,
    webhookIds: [],
    qrCode: `https://api.dub.co/qr?url=${columns.shortLink}?qr=1`,
    workspaceId: columns.projectId.startsWith("ws_") ? columns.projectId : `ws_${columns.projectId}`,
  };
}
