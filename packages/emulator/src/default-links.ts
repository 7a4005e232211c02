// A new enrollment's links: one per default link of the group (create-partner-default-links.ts and
// generate-partner-link.ts). A taken key never fails the create: a `-xxxx` suffix is added until the key is free.
// Any other link error (here: an externalId already used in the workspace) drops that link silently, as the
// server's Promise.allSettled does.
import { type Random, randomLowerAlnum } from "./random.js";
import type { LinkRecord } from "./records.js";
import { slugify } from "./slug.js";
import type { Store } from "./store.js";
import type { DefaultLinkConfig, Group } from "./workspace.js";

/** The request fields that shape the links. */
export interface LinkInput {
  name?: string | null;
  email: string;
  username?: string | null;
  tenantId: string | null;
  linkProps?: Record<string, unknown> & { prefix?: string; externalId?: string | null };
}

const RANDOM_KEY_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** derivePartnerLinkKey: the username as given, else the slugified name, else the slugified email local part. */
export function derivePartnerLinkKey(input: Pick<LinkInput, "name" | "email" | "username">): string {
  if (input.username) return input.username;
  const fromName = input.name ? slugify(input.name) : "";
  return fromName || slugify(input.email.split("@")[0] ?? "");
}

/**
 * The identity of a group's default link, kept on the links made from it (Dub's `partnerGroupDefaultLinkId`).
 * Configured default links have no ids, so it is the group, domain and URL: stable across restarts.
 */
export function defaultLinkId(group: Group, defaultLink: DefaultLinkConfig): string {
  return `${group.id} ${defaultLink.domain} ${defaultLink.url}`;
}

/** Builds the links for a new enrollment; they still need to be committed. */
export function buildDefaultLinks(args: {
  group: Group;
  workspaceId: string;
  partnerId: string;
  input: LinkInput;
  store: Store;
  random: Random;
  newLinkId: () => string;
  createdAt: string;
}): LinkRecord[] {
  const { group, input, store, random } = args;
  const { prefix, externalId: rawExternalId, ...props } = input.linkProps ?? {};
  const externalId = rawExternalId ?? null;
  let base = derivePartnerLinkKey(input);
  if (base === "") {
    // A name that slugifies to nothing: the server falls back to a random 7-character key.
    base = Array.from({ length: 7 }, () => RANDOM_KEY_ALPHABET[Math.floor(random() * 62)]).join("");
  }
  if (prefix) base = `${prefix.replace(/^\/|\/$/g, "")}/${base}`;
  const links: LinkRecord[] = [];
  const claimed = new Set<string>();
  for (const defaultLink of group.defaultLinks) {
    // An externalId is unique per workspace, so at most the first of several default links can carry it.
    if (externalId !== null && (store.externalIdTaken(args.workspaceId, externalId) || links.length > 0))
      continue;
    const free = (key: string) =>
      !store.linkTaken(defaultLink.domain, key) && !claimed.has(`${defaultLink.domain}/${key}`.toLowerCase());
    let key = group.defaultLinks.length > 1 ? `${base}-${randomLowerAlnum(random, 4)}` : base;
    while (!free(key)) key = `${base}-${randomLowerAlnum(random, 4)}`;
    claimed.add(`${defaultLink.domain}/${key}`.toLowerCase());
    links.push({
      id: args.newLinkId(),
      workspaceId: args.workspaceId,
      programId: group.programId,
      partnerId: args.partnerId,
      domain: defaultLink.domain,
      key,
      url: withUtm(defaultLink.url, group.utmParams),
      externalId,
      tenantId: input.tenantId,
      createdAt: args.createdAt,
      props,
      partnerGroupDefaultLinkId: defaultLinkId(group, defaultLink),
    });
  }
  return links;
}

function withUtm(url: string, params: Record<string, string>): string {
  const entries = Object.entries(params);
  if (entries.length === 0) return url;
  const parsed = new URL(url);
  for (const [name, value] of entries) parsed.searchParams.set(name, value);
  return parsed.toString();
}
