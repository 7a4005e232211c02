// Where a partner's own link may point (validate-partner-link-url.ts): only at a group's additional link domains,
// and in exact mode only at the configured path. The group's default links do not count.
import { DubApiError } from "./dub-error.js";
import type { Group } from "./workspace.js";

/** Throws the server's 400 unless `url` (already normalised) is allowed by the group's additional links. */
export function validatePartnerLinkUrl(group: Group, url: string | null | undefined): void {
  if (!url) return;
  if (!group.additionalLinks) {
    throw new DubApiError("bad_request", "You cannot create additional links for this program.");
  }
  const { hostname, pathname, search } = new URL(url);
  const allowed = group.additionalLinks.find((link) => link.domain === hostname);
  if (!allowed) {
    throw new DubApiError(
      "bad_request",
      `The provided URL's domain (${hostname}) does not match the program's link domains.`,
    );
  }
  if (allowed.validationMode === "domain") return;
  if (allowed.path !== `${pathname}${search}`) {
    throw new DubApiError(
      "bad_request",
      "The provided URL does not match the URL configured for this program.",
    );
  }
}
