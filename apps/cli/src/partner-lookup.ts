// Naming one partner on the command line (Dub's id, your tenant id or their email) and finding them with the list
// endpoint's exact filters: an id through `search=pn_…`, which Dub matches exactly. Not found is exit 4.

import type { ApiClient } from "./api-client.js";
import { CliError } from "./cli-error.js";
import { ExitCode } from "./exit-codes.js";
import type { PartnerLike } from "./partner-view.js";

/** The flags that name a partner. */
export interface PartnerFlags {
  partnerId?: string | undefined;
  tenantId?: string | undefined;
  email?: string | undefined;
}

/** One way of naming a partner, with the list filter that finds them and how messages name it. */
export interface PartnerKey {
  filter: "search" | "tenantId" | "email";
  value: string;
  /** `id pn_…`, `tenant id user_42`, `email jane@example.com`. */
  label: string;
}

/** How a command names its partner flags in errors: what the id is called and an example. */
export interface PartnerKeyUsage {
  /** `--partner-id`, or `a partner id (pn_…)` for a positional id. */
  id: string;
  example: string;
}

/** The flags' partner key, or `undefined` when no flag names one. Exit 2 for two of them or a malformed id. */
export function optionalPartnerKey(flags: PartnerFlags, usage: PartnerKeyUsage): PartnerKey | undefined {
  const given: PartnerKey[] = [];
  if (flags.partnerId !== undefined)
    given.push({ filter: "search", value: flags.partnerId, label: `id ${flags.partnerId}` });
  if (flags.tenantId !== undefined)
    given.push({ filter: "tenantId", value: flags.tenantId, label: `tenant id ${flags.tenantId}` });
  if (flags.email !== undefined)
    given.push({ filter: "email", value: flags.email, label: `email ${flags.email}` });
  if (given.length > 1) throw keyUsageError(usage);
  const [key] = given;
  if (key && key.value.trim() === "") {
    const name = key.filter === "search" ? usage.id : key.filter === "tenantId" ? "--tenant-id" : "--email";
    throw new CliError(`${name} is empty; name the partner.`, ExitCode.usage, { hint: usage.example });
  }
  if (key?.filter === "search" && !key.value.startsWith("pn_")) {
    throw new CliError(`A partner id starts with pn_, got "${key.value}".`, ExitCode.usage, {
      field: usage.id.startsWith("--") ? usage.id : "partnerId",
      hint: "To name a partner by email or your own id, use --email or --tenant-id.",
    });
  }
  return key;
}

/** The flags' partner key; exactly one of them must be given. */
export function partnerKey(flags: PartnerFlags, usage: PartnerKeyUsage): PartnerKey {
  const key = optionalPartnerKey(flags, usage);
  if (!key) throw keyUsageError(usage);
  return key;
}

function keyUsageError(usage: PartnerKeyUsage): CliError {
  return new CliError(`Give exactly one of: ${usage.id}, --tenant-id or --email.`, ExitCode.usage, {
    hint: usage.example,
  });
}

/** The error for a partner the program does not have. */
export function partnerNotFound(key: PartnerKey): CliError {
  return new CliError(`No partner with ${key.label} in this program.`, ExitCode.notFound, {
    code: "not_found",
    hint: "List the program's partners: dubkit partners list",
  });
}

type ListQuery = Parameters<ApiClient["dub"]["partners"]["list"]>[0];

/** Finds the partner `key` names, whatever their status; exit 4 when the program has none. */
export async function findPartner(client: ApiClient, key: PartnerKey): Promise<PartnerLike> {
  const page = await client.dub.partners.list({ [key.filter]: key.value, pageSize: 100 } as ListQuery);
  // `search` matches an id exactly on Dub; the check keeps an emulator or proxy that matches loosely honest.
  const partner = (page.data as PartnerLike[]).find((p) =>
    key.filter === "search"
      ? p.id === key.value
      : key.filter === "email"
        ? p.email?.toLowerCase() === key.value.toLowerCase()
        : p.tenantId === key.value,
  );
  if (!partner) throw partnerNotFound(key);
  return partner;
}

/**
 * How to name the partner to an endpoint that takes `partnerId` or `tenantId`: an id or a tenant id as given (no
 * request), an email through a lookup (those endpoints take none).
 */
export async function partnerIdentity(
  client: ApiClient,
  key: PartnerKey,
): Promise<{ partnerId: string } | { tenantId: string }> {
  if (key.filter === "search") return { partnerId: key.value };
  if (key.filter === "tenantId") return { tenantId: key.value };
  const partner = await findPartner(client, key);
  return { partnerId: partner.id as string };
}
