// `getGroupOrThrow`: a group of the program named by its `grp_…` id or by its slug, or Dub's 404/403.
import { DubApiError } from "./dub-error.js";
import type { Directory, Group, Program } from "./workspace.js";

/** The group; 404 when no group has that id (or that slug in the program), 403 when the id is another program's. */
export function groupOrThrow(directory: Directory, program: Program, groupId: string): Group {
  const group = groupId.startsWith("grp_")
    ? directory.findGroupById(groupId)
    : program.groupsBySlug.get(groupId);
  if (!group) throw new DubApiError("not_found", `Group "${groupId}" not found.`);
  if (group.programId !== program.id) {
    throw new DubApiError("forbidden", `Group "${groupId}" not found in your program.`);
  }
  return group;
}
