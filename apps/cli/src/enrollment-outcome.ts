// Dub answers 201 both when it creates an enrollment and when it returns an existing one
// (partners-behavior.md §3.1), so "created" is inferred from the enrollment's `createdAt`.

/** How much older than the request a new enrollment's `createdAt` may look, for clock differences. */
export const CLOCK_TOLERANCE_MS = 1000;

/**
 * `"created"` when the enrollment's `createdAt` is not before the first attempt was sent (less a
 * clock tolerance), else `"existing"`. A missing or unreadable `createdAt` counts as existing.
 */
export function enrollmentOutcome(
  createdAt: string | undefined,
  firstSentAt: number,
): "created" | "existing" {
  const at = createdAt === undefined ? Number.NaN : Date.parse(createdAt);
  return at >= firstSentAt - CLOCK_TOLERANCE_MS ? "created" : "existing";
}
