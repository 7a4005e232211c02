// What a partner's own link needs before it is processed (the link routes, §4.1 and §6.1): a program with a domain
// and a URL, and the partner's group (whose default links and UTM template it uses).
import { DubApiError } from "./dub-error.js";
import type { EnrollmentRecord } from "./records.js";
import type { Directory, Group, Program } from "./workspace.js";

/** A program that has its domain and URL. */
export type ProgramWithSite = Program & { domain: string; url: string };

/** The program, or the route's 400 when it lacks a domain or a URL (`action`: "creating a link"…). */
export function programWithSite(program: Program, action: string): ProgramWithSite {
  if (!program.domain || !program.url) {
    throw new DubApiError(
      "bad_request",
      `You need to set a domain and url for this program before ${action}.`,
    );
  }
  return program as ProgramWithSite;
}

/** The enrollment's group, or 404 `This partner is not part of a partner group.` */
export function partnerGroupOf(directory: Directory, enrollment: EnrollmentRecord): Group {
  const group = enrollment.groupId ? directory.findGroupById(enrollment.groupId) : undefined;
  if (!group) throw new DubApiError("not_found", "This partner is not part of a partner group.");
  return group;
}
