// Dub's `processLink` (apps/web/lib/api/links/process-link.ts) for a program's link on a business-plan workspace's
// own domain, in its order: the URL and its UTM parameters, the domain, the key, the externalId, the tags, the
// folder, then the dates. The branches a partner link cannot reach (Dub-owned domains, plan gates below business,
// webhooks) are left out; so is the missing-storage 400 for `proxy`, which api.dub.co never gives.
import { DubApiError } from "./dub-error.js";
import { verifyFolderAccess } from "./folder-access.js";
import { validateTags } from "./link-tags.js";
import { UTM_TAGS, withUtmParams } from "./link-utm.js";
import type { Random } from "./random.js";
import { readServerDate } from "./server-date.js";
import { checkKeyIsFree, processKey, randomFreeKey } from "./short-link-key.js";
import type { Store } from "./store.js";
import type { Directory, Workspace } from "./workspace.js";

/** The link fields being processed: the route's payload (link columns, `linkProps` and the fixed fields). */
export type LinkPayload = Record<string, unknown> & {
  domain: string;
  key?: string | undefined;
  url: string;
  folderId: string | null;
};

/** What processing needs from the emulator. */
export interface ProcessContext {
  store: Store;
  directory: Directory;
  random: Random;
  workspace: Workspace;
}

/** The checks an update skips when a value did not change. */
export interface ProcessOptions {
  skipKeyChecks?: boolean;
  skipExternalIdChecks?: boolean;
}

/** The payload once processed: the final URL and key, and the dates read. */
export type ProcessedLink = LinkPayload & {
  key: string;
  expiresAt: Date | string | null | undefined;
  testCompletedAt: Date | string | null | undefined;
};

const text = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);

/** Runs processLink's checks; throws the error it would return, with its code. */
export function processPartnerLink(
  context: ProcessContext,
  payload: LinkPayload,
  options: ProcessOptions = {},
): ProcessedLink {
  const { store, workspace } = context;
  let url = payload.url;
  // The URL is already normalised by the body schema; UTM keys present in the payload (a group's template on a
  // create, the stored utm_* columns on an update) are set on it, or deleted when empty.
  if (UTM_TAGS.some((tag) => tag in payload)) {
    const params = Object.fromEntries(
      UTM_TAGS.filter((tag) => tag in payload).map((tag) => [tag, text(payload[tag]) ?? null]),
    );
    url = withUtmParams(url, params);
  }
  const domain = payload.domain;
  if (!workspace.domains.includes(domain)) {
    throw new DubApiError("forbidden", "Domain does not belong to workspace.");
  }

  let key = payload.key;
  if (!key) {
    key = randomFreeKey(store, context.random, domain, text(payload.prefix));
  } else if (!options.skipKeyChecks) {
    const processed = processKey(key);
    if (processed === null) throw new DubApiError("unprocessable_entity", "Invalid key.");
    key = processed;
    checkKeyIsFree(store, domain, key);
  }

  const externalId = text(payload.externalId);
  if (externalId && !options.skipExternalIdChecks && store.externalIdTaken(workspace.id, externalId)) {
    throw new DubApiError("conflict", "A link with this externalId already exists in this workspace.");
  }

  validateTags(workspace, {
    tagIds: payload.tagIds as string[] | undefined,
    tagNames: payload.tagNames as string[] | undefined,
  });

  if (payload.folderId) {
    verifyFolderAccess(context.directory, workspace, payload.folderId, "folders.links.write");
  }

  const expiresAt = readDateField(payload.expiresAt, "Invalid expiration date.");
  const testCompletedAt = readDateField(payload.testCompletedAt, "Invalid test completion date.");

  const processed: ProcessedLink = {
    ...payload,
    domain,
    key,
    url,
    expiresAt,
    testCompletedAt,
  };
  // processLink removes the fields that are not columns.
  for (const name of ["shortLink", "qrCode", "keyLength", "prefix", ...UTM_TAGS]) delete processed[name];
  return processed;
}

/** `parseDateTime` (chrono-node) on a set date field; an empty one stays as it is; an unreadable one is a 422. */
function readDateField(value: unknown, message: string): Date | string | null | undefined {
  if (!value) return value as string | null | undefined;
  const date = readServerDate(String(value));
  if (!date) throw new DubApiError("unprocessable_entity", message);
  return date;
}
