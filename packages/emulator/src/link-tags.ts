// A link's tags as Dub's link processing takes them (process-link.ts, create-link.ts, update-link.ts): tagIds win
// over tagNames; every id must be a tag of the workspace and every name must name one (the database compares names
// case-insensitively, the error message lists the names without an exact match). A create attaches them in the order
// given; an update replaces the link's tags whenever either list is sent, even empty.
import { DubApiError } from "./dub-error.js";
import type { Tag, Workspace } from "./workspace.js";

/** The tag lists of a request, as the contract's `linkProps` outputs them. */
export interface TagInput {
  tagIds?: string[] | undefined;
  tagNames?: string[] | undefined;
}

/** The workspace's tag with this name, compared case-insensitively (the database collation). */
function tagNamed(workspace: Workspace, name: string): Tag | undefined {
  const lower = name.toLowerCase();
  return workspace.tags.find((tag) => tag.name.toLowerCase() === lower);
}

/** Throws the server's 422 when an id or a name is not the workspace's. */
export function validateTags(workspace: Workspace, input: TagInput): void {
  const ids = input.tagIds ? [...new Set(input.tagIds)] : undefined;
  if (ids && ids.length > 0) {
    const invalid = ids.filter((id) => !workspace.tags.some((tag) => tag.id === id));
    if (invalid.length > 0) {
      throw new DubApiError("unprocessable_entity", `Invalid tagIds detected: ${invalid.join(", ")}`);
    }
  } else if (input.tagNames && input.tagNames.length > 0) {
    // The server counts the distinct tags the names find and lists the names it cannot find with exact case.
    const found = new Set(input.tagNames.map((name) => tagNamed(workspace, name)).filter((tag) => tag));
    if (found.size !== input.tagNames.length) {
      const invalid = input.tagNames.filter((name) => !workspace.tags.some((tag) => tag.name === name));
      throw new DubApiError("unprocessable_entity", `Invalid tagNames detected: ${invalid.join(", ")}`);
    }
  }
}

/** The tag ids of a new link: the ids when any, else the tags the names find. */
export function tagsOfNewLink(workspace: Workspace, input: TagInput): string[] {
  const ids = input.tagIds ? [...new Set(input.tagIds)] : [];
  if (ids.length > 0) return ids;
  return (input.tagNames ?? []).flatMap((name) => tagNamed(workspace, name)?.id ?? []);
}

/** The tag ids of an updated link: replaced when either list was sent (ids first), else unchanged. */
export function tagsOfUpdatedLink(workspace: Workspace, current: string[], input: TagInput): string[] {
  if (input.tagIds) return [...new Set(input.tagIds)];
  if (input.tagNames) return input.tagNames.flatMap((name) => tagNamed(workspace, name)?.id ?? []);
  return current;
}

/** The `{ id, name, color }` of each tag id the workspace still has, in order. */
export function tagViews(workspace: Workspace, ids: readonly string[]): Tag[] {
  return ids.flatMap((id) => {
    const tag = workspace.tags.find((candidate) => candidate.id === id);
    return tag ? [{ id: tag.id, name: tag.name, color: tag.color }] : [];
  });
}
