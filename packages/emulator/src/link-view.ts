// A stored link rendered as the API returns it in full (transformLink over its row and its tags).
import type { Link } from "@dubkit/contract";
import { linkColumns } from "./link-columns.js";
import { linkResponse } from "./link-response.js";
import { tagViews } from "./link-tags.js";
import type { LinkRecord } from "./records.js";
import type { Workspace } from "./workspace.js";

/** The full link body for a stored link of `workspace`. */
export function fullLinkView(link: LinkRecord, workspace: Workspace): Link {
  return linkResponse(linkColumns(link, workspace), tagViews(workspace, link.tagIds ?? []));
}
