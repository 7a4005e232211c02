// What an emulator's state holds, read the same way by every part of the suite: the email of each enrollment.
import type { Emulator } from "@dubkit/emulator";

/** The email of every enrollment (lower-cased), one entry per enrollment, so duplicates show. */
export function enrolledEmails(emulator: Pick<Emulator, "partners" | "enrollments">): string[] {
  const emailById = new Map(emulator.partners().map((p) => [p.id, p.email.toLowerCase()]));
  return emulator.enrollments().map((e) => emailById.get(e.partnerId) ?? `(no partner ${e.partnerId})`);
}

/** The emails enrolled more than once. */
export function duplicates(emails: string[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const email of emails) (seen.has(email) ? twice : seen).add(email);
  return [...twice];
}
