// A link created without a key would be created twice by a repeat, so its key is chosen on the client (once per
// call, by the operation's `prepare`): a repeat of an applied create then meets a 409 for that key, and the link the
// first attempt made is read back.

import { Conflict, type DubError, type RecoveryContext } from "@dubkit/core";
import type { Link } from "./link.js";
import { getLinkInfoOperation } from "./operations/get-link-info.js";
import { retrievePartnerLinksOperation } from "./operations/retrieve-partner-links.js";
import type { PartnerIdentity } from "./retry-recovery.js";

const KEY_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/**
 * A link key as the server would draw one (7 characters of [0-9A-Za-z], after `prefix` without its slashes), drawn
 * on the client so every attempt of one call sends the same key.
 */
export function randomLinkKey(prefix?: string | null): string {
  const bytes = new Uint8Array(7);
  globalThis.crypto.getRandomValues(bytes);
  // 62 does not divide 256; the bias (under 2%) does not matter for a key that only needs to be unlikely to repeat.
  const key = Array.from(bytes, (byte) => KEY_ALPHABET[byte % 62]).join("");
  const folder = prefix?.replace(/^\/|\/$/g, "");
  return folder ? `${folder}/${key}` : key;
}

/**
 * A `recover` for a link created with a key chosen on the client: a repeat of an applied create meets 409 (the key is
 * taken, by the link the first attempt made). When the partner's own links hold that key, that link is the result,
 * read back in full; a key taken by anyone else stays a `Conflict`.
 */
export async function recoverCreatedLink(
  error: DubError,
  { input, request }: RecoveryContext<PartnerIdentity & { key?: string | undefined }>,
): Promise<Link | undefined> {
  if (!Conflict.isInstance(error) || !input.key) return undefined;
  const identity = input.partnerId
    ? { partnerId: input.partnerId }
    : input.tenantId
      ? { tenantId: input.tenantId }
      : undefined;
  if (!identity) return undefined;
  const key = input.key.replace(/^\/+|\/+$/g, "").toLowerCase();
  const own = (await request(retrievePartnerLinksOperation, identity)).find(
    (link) => link.key.toLowerCase() === key,
  );
  return own ? request(getLinkInfoOperation, { domain: own.domain, key: own.key }) : undefined;
}
