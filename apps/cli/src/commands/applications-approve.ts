// `dubkit partners applications approve ID`: approves one application. The bulk forms (`--all-pending`, `--file`)
// are applications-approve-bulk.ts, on the import's engine.

import type { ApiClient } from "../api-client.js";
import { openApiClient } from "../api-client.js";
import { ExitCode } from "../exit-codes.js";
import type { GlobalOptions } from "../global-options.js";
import { findPartner, partnerKey } from "../partner-lookup.js";
import { partnerLabel } from "../partner-view.js";
import type { Terminal } from "../terminal.js";
import { printWriteResult } from "../write-result.js";

/** `partners applications approve` options. */
export interface ApproveOptions {
  groupId?: string;
  json?: boolean;
}

/** An application to act on: the applicant's partner id, and how messages name them. */
export interface ApplicationTarget {
  partnerId: string;
  label: string;
}

/** Approves one application into `groupId` (default: the group they applied to). */
export function approveApplication(
  client: ApiClient,
  target: ApplicationTarget,
  groupId: string | undefined,
) {
  return client.dub.partnerApplications.approve({
    partnerId: target.partnerId,
    ...(groupId === undefined ? {} : { groupId }),
  });
}

/** The applicant `partnerId` names, looked up so messages can name them (exit 4 when the program has no such partner). */
export async function applicationTarget(client: ApiClient, partnerId: string): Promise<ApplicationTarget> {
  const key = partnerKey(
    { partnerId },
    { id: "a partner id (pn_…)", example: "dubkit partners applications list" },
  );
  const partner = await findPartner(client, key);
  return { partnerId: key.value, label: partnerLabel(partner) };
}

/** Runs the command; returns the exit code. */
export async function applicationsApprove(
  partnerId: string,
  options: ApproveOptions,
  globals: GlobalOptions,
  terminal: Terminal,
): Promise<number> {
  partnerKey({ partnerId }, { id: "a partner id (pn_…)", example: "dubkit partners applications list" });
  const client = await openApiClient(globals, terminal);
  try {
    const target = await applicationTarget(client, partnerId);
    const result = await approveApplication(client, target, options.groupId);
    const group = options.groupId === undefined ? "" : ` into group ${options.groupId}`;
    await printWriteResult(
      result,
      (c) => `${c.green("Approved")} ${target.label}${group}.`,
      options.json,
      globals,
      terminal,
    );
    return ExitCode.ok;
  } finally {
    await client.close();
  }
}
