// `dubkit partners create`: one partner from flags and/or a JSON body, printed as a summary or JSON.

import { type CreatePartnerRequest, createPartnerBody, safeParseEnglish } from "@dubkit/contract";
import { formatIssuePath } from "@dubkit/core";
import { openApiClient } from "../api-client.js";
import { CliError } from "../cli-error.js";
import { enrollmentOutcome } from "../enrollment-outcome.js";
import { ExitCode } from "../exit-codes.js";
import type { GlobalOptions } from "../global-options.js";
import { conflictMessage } from "../import/send-outcome.js";
import { formatPartner } from "../partner-view.js";
import { describeIssue, plainIssue } from "../plain-issue.js";
import { parseJsonObject, readTextInput } from "../read-input.js";
import { colorsFor, type Terminal } from "../terminal.js";

/** `partners create` options. */
export interface CreateOptions {
  email?: string;
  name?: string;
  username?: string;
  image?: string;
  country?: string;
  description?: string;
  tenantId?: string;
  groupId?: string;
  linkProps?: string;
  data?: string;
  json?: boolean;
}

const FLAG_FIELDS = [
  "email",
  "name",
  "username",
  "image",
  "country",
  "description",
  "tenantId",
  "groupId",
] as const;

/** Builds the request body: `--data` first, flags over it. */
export async function buildCreateBody(
  options: CreateOptions,
  stdin: NodeJS.ReadableStream,
): Promise<Record<string, unknown>> {
  const body =
    options.data === undefined
      ? {}
      : parseJsonObject(
          await readTextInput(options.data, stdin),
          options.data === "-" ? "The body on stdin" : `--data ${options.data}`,
        );
  for (const field of FLAG_FIELDS) {
    const value = options[field];
    if (value !== undefined) body[field] = value;
  }
  if (options.linkProps !== undefined) body.linkProps = parseJsonObject(options.linkProps, "--link-props");
  return body;
}

/** Runs the command; returns the exit code. */
export async function partnersCreate(
  options: CreateOptions,
  globals: GlobalOptions,
  terminal: Terminal,
): Promise<number> {
  const body = await buildCreateBody(options, terminal.stdin);
  if (body.email === undefined) {
    throw new CliError("An email is required: pass --email, or an email field in --data.", ExitCode.usage, {
      code: "invalid_request",
      field: "email",
    });
  }
  const checked = safeParseEnglish(createPartnerBody, body);
  if (!checked.success) {
    const issues = checked.error.issues.map((issue) =>
      plainIssue(formatIssuePath(issue.path), issue.message),
    );
    throw new CliError(
      `Invalid partner, nothing was sent: ${issues.map((issue) => describeIssue(issue, "the body")).join("; ")}.`,
      ExitCode.usage,
      { code: "invalid_request", ...(issues[0]?.field ? { field: issues[0].field } : {}) },
    );
  }
  const client = await openApiClient(globals, terminal);
  try {
    const sentAt = Date.now();
    // The body as given (checked above): the SDK validates and transforms it once itself.
    const partner = await client.dub.partners.create(body as CreatePartnerRequest);
    const sent = checked.data.email;
    // A tenantId match returns the partner that holds it, whatever the email (partners-behavior.md §3.1).
    if (partner.email?.toLowerCase() !== sent.toLowerCase()) {
      throw new CliError(
        `${conflictMessage(checked.data.tenantId, sent, { id: partner.id, email: partner.email ?? "(no email)" })}.`,
        ExitCode.conflict,
        {
          code: "tenant_conflict",
          field: "tenantId",
          hint: "Use another tenantId for this partner, or leave it out.",
        },
      );
    }
    if (options.json || globals.json) {
      terminal.stdout.write(`${JSON.stringify(partner, null, 2)}\n`);
    } else {
      const c = colorsFor(globals.color, terminal.env, terminal.stdout);
      terminal.stdout.write(`${formatPartner(partner, enrollmentOutcome(partner.createdAt, sentAt), c)}\n`);
    }
    return ExitCode.ok;
  } finally {
    await client.close();
  }
}
