// One line for people: every issue as `path: message`, the way dubkit errors name a bad field.

import { formatIssuePath } from "../issue-path.js";
import type { StandardSchemaIssue } from "../standard-schema.js";

/**
 * Joins issues as `email: Invalid email address; name: Too big: ...`. Paths are dotted with `[i]`
 * for indexes; an issue about the value itself has no path prefix.
 */
export function formatIssues(issues: readonly StandardSchemaIssue[]): string {
  return issues
    .map((issue) => {
      const path = formatIssuePath(issue.path);
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join("; ");
}
