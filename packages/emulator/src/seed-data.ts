// Partners and applications to create in the default workspace when the emulator starts on an empty state (the
// `seedData` option, the bin's `--seed-file`): each partner as POST /partners creates it, each application as
// `addApplication` adds it, in the order given. A state that already holds anything (a data file) is left alone.
import { createPartnerBody } from "@dubkit/contract";
import { type ApplicationInput, addApplication, applicationInputProblem } from "./add-application.js";
import { type CreateContext, createPartner } from "./create-partner.js";
import { DubApiError } from "./dub-error.js";
import { type EnrollmentMetrics, mergeMetrics } from "./enrollment-metrics.js";
import type { Store } from "./store.js";
import { validateCreateBody } from "./validation.js";
import type { Workspace } from "./workspace.js";

/** A partner to seed: a POST /partners body, and optionally the enrollment's stats. */
export interface SeedPartner {
  email: string;
  name?: string | null;
  username?: string | null;
  image?: string | null;
  tenantId?: string;
  groupId?: string;
  country?: string | null;
  description?: string | null;
  linkProps?: Record<string, unknown>;
  /** The enrollment's stats (0 and null by default), for lists sorted or filtered on them. */
  metrics?: Partial<EnrollmentMetrics>;
}

/** What to create at start. */
export interface EmulatorSeed {
  partners?: SeedPartner[];
  applications?: ApplicationInput[];
}

const SEED_KEYS: readonly string[] = ["partners", "applications"];

/** What is wrong with one partner entry (the server's 422 message for a bad body); undefined when it is valid. */
function seedPartnerProblem(value: unknown): string | undefined {
  try {
    validateCreateBody(value);
  } catch (error) {
    if (error instanceof DubApiError) return error.message;
    throw error;
  }
  const { metrics, ...body } = value as Record<string, unknown>;
  const unknown = Object.keys(body).find((key) => !(key in createPartnerBody.shape));
  if (unknown) return `${unknown}: not a field of a POST /partners body (nor "metrics")`;
  if (metrics === undefined) return undefined;
  try {
    mergeMetrics(undefined, metrics as Partial<EnrollmentMetrics>);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/** Checks a seed's shape; throws an Error naming the entry and field, e.g. `applications[2]: email: …`. */
export function checkSeed(value: unknown): EmulatorSeed {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new Error(`expected an object with "partners" and/or "applications", got ${JSON.stringify(value)}`);
  }
  const seed = value as Record<string, unknown>;
  const unknown = Object.keys(seed).find((key) => !SEED_KEYS.includes(key));
  if (unknown) throw new Error(`${unknown}: not a seed section (the sections are partners, applications)`);
  for (const [section, problemOf] of [
    ["partners", seedPartnerProblem],
    ["applications", applicationInputProblem],
  ] as const) {
    const entries = seed[section];
    if (entries === undefined) continue;
    if (!Array.isArray(entries))
      throw new Error(`${section}: expected a list, got ${JSON.stringify(entries)}`);
    for (const [index, entry] of entries.entries()) {
      const problem = problemOf(entry);
      if (problem) throw new Error(`${section}[${index}]: ${problem}`);
    }
  }
  return seed as EmulatorSeed;
}

/** Whether the store holds nothing a seed could collide with. */
export function isEmptyState(store: Store): boolean {
  return store.partners.size === 0 && store.enrollments.size === 0 && store.applications.size === 0;
}

/** Creates the seed's partners, then its applications, in the workspace's program; throws naming the entry. */
export async function applySeed(
  context: CreateContext,
  workspace: Workspace,
  seed: EmulatorSeed,
): Promise<void> {
  const program = workspace.program;
  if (!program) throw new Error("the workspace has no program to seed");
  checkSeed(seed);
  for (const [index, entry] of (seed.partners ?? []).entries()) {
    try {
      const outcome = createPartner(context, workspace, program, validateCreateBody(entry));
      const change = [...outcome.change];
      if (entry.metrics) {
        const metrics = mergeMetrics(outcome.enrollment.metrics, entry.metrics);
        change.push({ type: "enrollment-update", id: outcome.enrollment.id, patch: { metrics } });
      }
      await context.store.commit(change);
    } catch (error) {
      throw new Error(`partners[${index}]: ${(error as Error).message}`);
    }
  }
  for (const [index, entry] of (seed.applications ?? []).entries()) {
    try {
      await context.store.commit(addApplication(context, program, entry).change);
    } catch (error) {
      throw new Error(`applications[${index}]: ${(error as Error).message}`);
    }
  }
}
