// The options of startEmulator() and the handle it returns.

import type { Plan } from "@dubkit/contract";
import type { ApplicationInput } from "./add-application.js";
import type { EnrollmentMetrics } from "./enrollment-metrics.js";
import type { FaultKind, FaultOptions } from "./faults.js";
import type { ApplicationRecord, EnrollmentRecord, LinkRecord, LinkStats, PartnerRecord } from "./records.js";
import type { Route } from "./route-table.js";
import type { EmulatorSeed } from "./seed-data.js";
import type { ApiKeyConfig, WorkspaceConfig } from "./workspace.js";

/** Options of {@link startEmulator}. Every one is optional. */
export interface EmulatorOptions {
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  /** Interface to listen on. Default `"127.0.0.1"`. */
  host?: string;
  /** The default workspace's API key. Default: a generated `dub_` key (kept in the data file when there is one). */
  apiKey?: string;
  /** The default workspace's plan. Default `"business"`. */
  plan?: Plan;
  /**
   * The default workspace's partner quota. Default 1,000,000, so bulk imports run locally; pass `"plan"` for the
   * plan's real quota (business 500).
   */
  partnersLimit?: number | "plan";
  /** More workspaces (their own keys, plans, roles, quotas, programs and groups), beside the default one. */
  workspaces?: WorkspaceConfig[];
  /** The rate limit: `false` turns it off; `limit` overrides every plan's per-window limit. Default: per plan, 60 s. */
  rateLimit?: { windowMs?: number; limit?: number } | false;
  /** Extra latency before every response, in ms. */
  latencyMs?: number;
  /** Fault injection, as options or in the `--faults` string syntax (see README). */
  faults?: FaultOptions | string;
  /** Seed for ids, generated usernames, key suffixes and fault draws. Default: random. */
  seed?: number;
  /**
   * Keep state in this append-only file; it survives restarts and crashes, and a write is acknowledged only once it
   * is on disk. One process owns the file at a time (`<file>.lock` beside it): a second start is refused with
   * `DataFileLockedError`. A file the emulator did not write is refused and left untouched. Default: memory only.
   */
  dataFile?: string;
  /** Answer CORS preflights and add CORS headers. Default `true`. */
  cors?: boolean;
  /** Receives one line per request (method, path, status, ms) and lifecycle messages. Never sees keys. */
  log?: (line: string) => void;
  /**
   * More routes, served with the same authentication, rate limits and error format as Dub's: how a team emulates an
   * endpoint dubkit does not cover (see the `examples/` package). A route here does not replace a built-in one.
   */
  routes?: Route[];
  /** The clock, in epoch ms, for rate-limit windows and timestamps; tests pass a controllable one. */
  clock?: () => number;
  /**
   * Partners and applications to create in the default workspace at start, only when the state is empty (a data
   * file that already holds anything keeps what it holds). The bin reads it from `--seed-file`.
   */
  seedData?: EmulatorSeed;
}

/** Counters since start. */
export interface EmulatorStats {
  /** Requests received, preflights excluded. */
  requests: number;
  /** New enrollments created. */
  creates: number;
  /** Creates answered with an existing enrollment (unchanged, or with its tenantId updated). */
  existingReturned: number;
  /** 429 responses. */
  rateLimited: number;
  /** Requests whose change was applied and made durable, and whose connection was then reset. */
  appliedThenReset: number;
  /** Faults injected, by kind. */
  faults: Record<FaultKind, number>;
}

/** A workspace as the emulator resolved it: what tests need to address it. */
export interface WorkspaceInfo {
  id: string;
  plan: Plan;
  programId: string | null;
  defaultGroupId: string | null;
  groups: { id: string; slug: string }[];
  /** The user behind the workspace's keys: the `userId` of the links they create. */
  userId: string;
  /** The workspace's link tags. */
  tags: { id: string; name: string; color: string }[];
}

/** Fields of a partner account that exists before any create (e.g. signed up on partners.dub.co). */
export interface ExistingPartnerInput {
  email: string;
  name?: string;
  username?: string;
  country?: string | null;
  description?: string | null;
  image?: string | null;
}

/** What a test may change on an enrollment to set up a case (e.g. a banned partner). */
export interface EnrollmentPatch {
  status?: EnrollmentRecord["status"];
  bannedAt?: string | null;
  bannedReason?: EnrollmentRecord["bannedReason"];
  tenantId?: string | null;
  /** The enrollment's group: a `grp_…` id of the program, or null (an enrollment from before groups existed). */
  groupId?: string | null;
  /** Some of the enrollment's stats (the others keep their values), e.g. `{ totalSaleAmount: 5000 }`. */
  metrics?: Partial<EnrollmentMetrics>;
}

/** A running emulator. */
export interface Emulator {
  /** Base URL, e.g. `http://127.0.0.1:49152`; pass it as the client's `serverURL`. */
  url: string;
  port: number;
  /** The default workspace's API key. */
  apiKey: string;
  /** Closes the server and every open connection, and flushes the data file. */
  stop(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
  /** Every partner account (copies). */
  partners(): PartnerRecord[];
  /** Every enrollment (copies). */
  enrollments(): EnrollmentRecord[];
  /** Every link (copies). */
  links(): LinkRecord[];
  /** Counters since start. */
  stats(): EmulatorStats;
  /** Client connections open right now (keep-alive sockets included). */
  openConnections(): number;
  /** The workspaces, the default one first. */
  workspaces(): WorkspaceInfo[];
  /** Adds a workspace at runtime. */
  addWorkspace(config: WorkspaceConfig): WorkspaceInfo;
  /** Adds a key to a workspace (default: the default workspace). */
  addApiKey(key: string | ApiKeyConfig, workspaceId?: string): void;
  /** Revokes a key: it fails with `Unauthorized: Invalid API key.` from the next request on. */
  revokeApiKey(key: string): void;
  /** Creates a partner account with no enrollment, like one who signed up on partners.dub.co. */
  addPartner(input: ExistingPartnerInput): Promise<PartnerRecord>;
  /** Changes an enrollment in the default (or given) workspace's program, found by partner id or email. */
  updateEnrollment(partner: string, patch: EnrollmentPatch, workspaceId?: string): Promise<EnrollmentRecord>;
  /**
   * A partner applies to the default (or given) workspace's program, as on partners.dub.co: the partner account
   * (created, or reused by email), a pending enrollment and its application, which GET /partners/applications then
   * lists. Throws an Error naming the field when the input is wrong or the partner is already in the program.
   */
  addApplication(input: ApplicationInput, workspaceId?: string): Promise<ApplicationRecord>;
  /** Every application, reviewed ones included (copies). */
  applications(): ApplicationRecord[];
  /**
   * Sets a link's all-time counters (the emulator records no clicks, leads or sales itself): what GET /partners,
   * GET /partners/links and the links' full bodies show, and what GET /partners/analytics sums and ranks. Fields
   * left out keep their value. Each must be a whole number from 0 (`saleAmount` in cents).
   */
  setLinkStats(linkId: string, stats: Partial<LinkStats>): Promise<LinkRecord>;
}
