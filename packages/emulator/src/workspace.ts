// Workspaces, API keys, programs and groups: the configuration a test or user gives, resolved into the model
// the request handler reads. Ids are derived from the config (not random) so a durable data file still matches
// its workspace after a restart.
import { createHash } from "node:crypto";
import { type LinkTagColor, type Plan, planLimits } from "@dubkit/contract";
import { createIdFactory } from "./ids.js";
import { createRandom } from "./random.js";

/** A workspace member role. `POST /partners` needs owner or member. */
export type Role = "owner" | "member" | "viewer" | "billing";

/** An API key with its lifecycle state. */
export interface ApiKeyConfig {
  key: string;
  /** When the key expires (Date, ISO string or epoch ms). A past value gives `Access token expired.` */
  expiresAt?: Date | string | number;
  /** A revoked (deleted) key is unknown to the server: `Invalid API key.` */
  revoked?: boolean;
  /**
   * A restricted key's scopes (e.g. `["links.read"]`); absent for a key with full access. Only the link upsert
   * checks them: it needs `links.write` or `apis.all`.
   */
  scopes?: string[];
}

/** Whether the key's user belongs to the workspace. */
export type Membership = "member" | "none" | "invite-pending" | "invite-expired";

/** A default link of a group: every partner enrolled in the group gets one link on `domain` to `url`. */
export interface DefaultLinkConfig {
  domain: string;
  url: string;
}

/**
 * A destination the partners of a group may link to (`additionalLinks`): URLs on `domain` (`validationMode:
 * "domain"`), or only the one whose path and query are `path` (`"exact"`).
 */
export interface AdditionalLinkConfig {
  /** The URL's host name, compared exactly (no `www.` folding); stored lowercased. */
  domain: string;
  /** The path and query an `"exact"` URL must have (e.g. `"/pricing?x=1"`); stored lowercased. Default `""`. */
  path?: string;
  validationMode: "domain" | "exact";
}

/** A group's UTM template: the parameters merged into the URL of each link a partner creates. */
export interface UtmTemplateConfig {
  utm_source?: string | null;
  utm_medium?: string | null;
  utm_campaign?: string | null;
  utm_term?: string | null;
  utm_content?: string | null;
  ref?: string | null;
}

/** A link tag of a workspace. */
export interface TagConfig {
  /** A `tag_…` id; derived from the workspace and the name when absent. */
  id?: string;
  name: string;
  /** Default `"blue"`. */
  color?: LinkTagColor;
}

/** A link folder of a workspace (a program's links go to its default folder). */
export interface FolderConfig {
  id: string;
  /**
   * What workspace members who are not owners may do in it: `"write"` (the default), `"read"`, or `null` for no
   * access (they then need a folder role). Only enforced on plans with folder permissions (business and up).
   */
  accessLevel?: "read" | "write" | null;
  /** The key owner's own role in the folder, which wins over `accessLevel`. */
  userRole?: "owner" | "editor" | "viewer";
}

/** A partner group in a program. */
export interface GroupConfig {
  /** A `grp_…` id; derived from the slug when absent. */
  id?: string;
  slug: string;
  defaultLinks?: DefaultLinkConfig[];
  /** UTM template parameters appended to each default link's URL (e.g. `{ utm_source: "partners" }`). */
  utmParams?: Record<string, string>;
  clickRewardId?: string | null;
  leadRewardId?: string | null;
  saleRewardId?: string | null;
  referralRewardId?: string | null;
  discountId?: string | null;
  /**
   * Where partners may point links they create (POST /partners/links, the upsert): `null` for nowhere (400
   * `You cannot create additional links for this program.`). Default: `null`, as Dub creates groups.
   */
  additionalLinks?: AdditionalLinkConfig[] | null;
  /**
   * The group's UTM template, merged into the URL of each link a partner creates (the URL's own parameters win).
   * Default: `utmParams` when set, else none.
   */
  utmTemplate?: UtmTemplateConfig | null;
}

/** The workspace's default program. */
export interface ProgramConfig {
  id?: string;
  /**
   * The program's short-link domain, on which POST /partners/links creates links; `null` for a program without one
   * (400). Default `refer.acme.test`.
   */
  domain?: string | null;
  /** The program's website; `null` for none (400 on link creation, like a missing domain). Default `https://acme.test`. */
  url?: string | null;
  /** The folder partner links are filed in (a folder id of `folders`, any workspace's); default none. */
  defaultFolderId?: string | null;
  /** Groups of the program; default: one group `default` with one default link `refer.acme.test` → `https://acme.test`. */
  groups?: GroupConfig[];
  /** Slug or id of the default group; `null` for a program with none. Default: the first group. */
  defaultGroup?: string | null;
}

/** A workspace the emulator knows, with its keys, plan and program. */
export interface WorkspaceConfig {
  id?: string;
  /** Keys that authenticate as this workspace (`dub_…`). */
  apiKeys: (string | ApiKeyConfig)[];
  /** Default `"business"`. */
  plan?: Plan;
  /** An active billing trial: rate limit 120/min and a 50-partner quota. */
  trial?: boolean;
  /** The key owner's role. Default `"owner"`. */
  role?: Role;
  /**
   * The key owner's membership: `"none"` (left the workspace: 404 `Workspace not found.`), `"invite-pending"`
   * (409) or `"invite-expired"` (410). Default `"member"`.
   */
  membership?: Membership;
  /** The partner quota. Default: the plan's (business 500, advanced/enterprise unlimited, trial 50). */
  partnersLimit?: number;
  /** The default program, or `null` for a workspace without one (`404 Program not found`). */
  program?: ProgramConfig | null;
  /** Link tags that links may carry (`linkProps.tagIds`/`tagNames`). Default none. */
  tags?: TagConfig[];
  /**
   * The workspace's short-link domains. Default: the program's domain and its groups' default-link domains. A
   * program domain left out gives 403 `Domain does not belong to workspace.` on link creation.
   */
  domains?: string[];
  /** Link folders. Default none. */
  folders?: FolderConfig[];
}

/** A resolved group. */
export interface Group {
  id: string;
  slug: string;
  programId: string;
  defaultLinks: DefaultLinkConfig[];
  utmParams: Record<string, string>;
  clickRewardId: string | null;
  leadRewardId: string | null;
  saleRewardId: string | null;
  referralRewardId: string | null;
  discountId: string | null;
  /** `null` when partners may not link anywhere they choose. */
  additionalLinks: Required<AdditionalLinkConfig>[] | null;
  utmTemplate: UtmTemplateConfig | null;
}

/** A resolved program. */
export interface Program {
  id: string;
  workspaceId: string;
  defaultGroupId: string | null;
  groupsBySlug: Map<string, Group>;
  domain: string | null;
  url: string | null;
  defaultFolderId: string | null;
}

/** A resolved link tag. */
export interface Tag {
  id: string;
  name: string;
  color: LinkTagColor;
}

/** A resolved folder. */
export interface Folder {
  id: string;
  workspaceId: string;
  accessLevel: "read" | "write" | null;
  userRole: "owner" | "editor" | "viewer" | null;
}

/** A resolved workspace. */
export interface Workspace {
  id: string;
  plan: Plan;
  trial: boolean;
  role: Role;
  membership: Membership;
  partnersLimit: number;
  program: Program | null;
  /** The user behind the workspace's keys (`user_…`): a link's `userId`. */
  userId: string;
  tags: Tag[];
  domains: string[];
}

/** A resolved API key. */
export interface ApiKey {
  workspace: Workspace;
  /** SHA-256 of the key, as Dub stores it; also the rate-limit identifier. */
  hash: string;
  expiresAt: number | null;
  revoked: boolean;
  /** A restricted key's scopes; undefined for full access. */
  scopes: string[] | undefined;
}

/** The default program layout: one default group with one default link. */
export const DEFAULT_PROGRAM: ProgramConfig = {
  groups: [
    {
      slug: "default",
      defaultLinks: [{ domain: "refer.acme.test", url: "https://acme.test" }],
      additionalLinks: [{ domain: "acme.test", validationMode: "domain" }],
    },
  ],
  domain: "refer.acme.test",
  url: "https://acme.test",
};

/** Every workspace, key and group, looked up by the request handler. */
export class Directory {
  readonly workspaces: Workspace[] = [];
  readonly #keys = new Map<string, ApiKey>();
  readonly #groupsById = new Map<string, Group>();
  readonly #foldersById = new Map<string, Folder>();

  /** Adds a workspace; `index` seeds its derived ids so they are stable across restarts. */
  addWorkspace(config: WorkspaceConfig, index: number): Workspace {
    // A fixed clock and a per-workspace seed: the same config always yields the same ids.
    const newId = createIdFactory(createRandom(7919 * (index + 1)), () => Date.UTC(2026, 0, 1));
    // A second factory for the ids added later (user, tags), so the ids above keep their values.
    const newLaterId = createIdFactory(createRandom(7919 * (index + 1) + 1), () => Date.UTC(2026, 0, 1));
    const plan = config.plan ?? "business";
    const trial = config.trial ?? false;
    const workspace: Workspace = {
      id: config.id ?? newId("ws_"),
      plan,
      trial,
      role: config.role ?? "owner",
      membership: config.membership ?? "member",
      partnersLimit: config.partnersLimit ?? planLimits(plan, trial).partnersLimit,
      program: null,
      userId: newLaterId("user_"),
      tags: (config.tags ?? []).map((tag) => ({
        id: tag.id ?? newLaterId("tag_"),
        name: tag.name,
        color: tag.color ?? "blue",
      })),
      domains: [],
    };
    if (config.program !== null) {
      const programConfig = config.program ?? DEFAULT_PROGRAM;
      const program: Program = {
        id: programConfig.id ?? newId("prog_"),
        workspaceId: workspace.id,
        defaultGroupId: null,
        groupsBySlug: new Map(),
        domain: programConfig.domain === undefined ? (DEFAULT_PROGRAM.domain ?? null) : programConfig.domain,
        url: programConfig.url === undefined ? (DEFAULT_PROGRAM.url ?? null) : programConfig.url,
        defaultFolderId: programConfig.defaultFolderId ?? null,
      };
      for (const groupConfig of programConfig.groups ?? DEFAULT_PROGRAM.groups ?? []) {
        const group: Group = {
          id: groupConfig.id ?? newId("grp_"),
          slug: groupConfig.slug,
          programId: program.id,
          defaultLinks: groupConfig.defaultLinks ?? [],
          utmParams: groupConfig.utmParams ?? templateParams(groupConfig.utmTemplate),
          clickRewardId: groupConfig.clickRewardId ?? null,
          leadRewardId: groupConfig.leadRewardId ?? null,
          saleRewardId: groupConfig.saleRewardId ?? null,
          referralRewardId: groupConfig.referralRewardId ?? null,
          discountId: groupConfig.discountId ?? null,
          additionalLinks:
            groupConfig.additionalLinks?.map((link) => ({
              domain: link.domain.toLowerCase(),
              path: (link.path ?? "").toLowerCase(),
              validationMode: link.validationMode,
            })) ?? null,
          utmTemplate:
            groupConfig.utmTemplate ??
            (groupConfig.utmParams && Object.keys(groupConfig.utmParams).length > 0
              ? groupConfig.utmParams
              : null),
        };
        if (this.#groupsById.has(group.id)) throw new Error(`Group id ${group.id} is configured twice.`);
        program.groupsBySlug.set(group.slug, group);
        this.#groupsById.set(group.id, group);
      }
      const first = program.groupsBySlug.values().next().value;
      if (programConfig.defaultGroup === undefined) {
        program.defaultGroupId = first?.id ?? null;
      } else if (programConfig.defaultGroup !== null) {
        const chosen =
          program.groupsBySlug.get(programConfig.defaultGroup) ??
          this.#groupsById.get(programConfig.defaultGroup);
        if (!chosen || chosen.programId !== program.id) {
          throw new Error(
            `program.defaultGroup "${programConfig.defaultGroup}" is not a group of this program.`,
          );
        }
        program.defaultGroupId = chosen.id;
      }
      workspace.program = program;
    }
    workspace.domains = config.domains ?? defaultDomains(workspace.program);
    for (const folder of config.folders ?? []) {
      if (this.#foldersById.has(folder.id)) throw new Error(`Folder id ${folder.id} is configured twice.`);
      this.#foldersById.set(folder.id, {
        id: folder.id,
        workspaceId: workspace.id,
        accessLevel: folder.accessLevel === undefined ? "write" : folder.accessLevel,
        userRole: folder.userRole ?? null,
      });
    }
    for (const key of config.apiKeys) this.addApiKey(workspace, key);
    this.workspaces.push(workspace);
    return workspace;
  }

  /** Registers a key for a workspace (replacing any earlier state of the same key). */
  addApiKey(workspace: Workspace, config: string | ApiKeyConfig): void {
    const { key, expiresAt, revoked, scopes } =
      typeof config === "string" ? ({ key: config } as ApiKeyConfig) : config;
    if (!key.startsWith("dub_")) throw new Error("API keys must start with `dub_` (workspace API keys).");
    this.#keys.set(key, {
      workspace,
      hash: createHash("sha256").update(key).digest("hex"),
      expiresAt: expiresAt === undefined ? null : new Date(expiresAt).getTime(),
      revoked: revoked ?? false,
      scopes,
    });
  }

  /** Marks a key revoked: it fails with `Invalid API key.` from the next request on. */
  revokeApiKey(key: string): boolean {
    const found = this.#keys.get(key);
    if (found) found.revoked = true;
    return found !== undefined;
  }

  /** The key's record, if the key was ever registered. */
  findApiKey(key: string): ApiKey | undefined {
    return this.#keys.get(key);
  }

  /** A group by its `grp_…` id, in any program. */
  findGroupById(id: string): Group | undefined {
    return this.#groupsById.get(id);
  }

  /** A folder by id, in any workspace. */
  findFolder(id: string): Folder | undefined {
    return this.#foldersById.get(id);
  }

  /** The program with this id, in any workspace. */
  findProgram(id: string): Program | undefined {
    return this.workspaces.find((workspace) => workspace.program?.id === id)?.program ?? undefined;
  }
}

/** A workspace's domains when none are configured: its program's domain and every default link's domain. */
function defaultDomains(program: Program | null): string[] {
  if (!program) return [];
  const domains = new Set<string>();
  if (program.domain) domains.add(program.domain);
  for (const group of program.groupsBySlug.values()) {
    for (const link of group.defaultLinks) domains.add(link.domain);
  }
  return [...domains];
}

/** A UTM template's set values, as the parameters of a new partner's default links. */
function templateParams(template: UtmTemplateConfig | null | undefined): Record<string, string> {
  return Object.fromEntries(
    Object.entries(template ?? {}).filter((entry): entry is [string, string] => !!entry[1]),
  );
}
