// `verifyFolderAccess` (apps/web/lib/folder/permissions.ts): the folder must exist and be the workspace's; owners may
// do anything in it; on plans without folder permissions (free, pro) anyone may; otherwise the member's folder role
// (their own, or the folder's workspace access level) must grant the permission.
import { DubApiError } from "./dub-error.js";
import type { Directory, Workspace } from "./workspace.js";

/** What an action needs in a folder. */
export type FolderPermission = "folders.read" | "folders.links.write";

const ROLE_PERMISSIONS: Record<"owner" | "editor" | "viewer", readonly FolderPermission[]> = {
  owner: ["folders.read", "folders.links.write"],
  editor: ["folders.read", "folders.links.write"],
  viewer: ["folders.read"],
};

/** Throws the server's 404 or 403 unless the key's user may act in the folder. */
export function verifyFolderAccess(
  directory: Directory,
  workspace: Workspace,
  folderId: string,
  permission: FolderPermission,
): void {
  const folder = directory.findFolder(folderId);
  if (!folder) throw new DubApiError("not_found", "Folder not found.");
  if (folder.workspaceId !== workspace.id) {
    throw new DubApiError("not_found", "Folder does not belong to the workspace.");
  }
  if (workspace.role === "owner") return;
  if (workspace.plan === "free" || workspace.plan === "pro") return;
  const role =
    folder.userRole ??
    (folder.accessLevel === "write" ? "editor" : folder.accessLevel === "read" ? "viewer" : null);
  if (!role || !ROLE_PERMISSIONS[role].includes(permission)) {
    throw new DubApiError("forbidden", "You are not allowed to perform this action on this folder.");
  }
}
