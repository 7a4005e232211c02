// What a sent row's answer means. The parts every bulk command shares: a row held back, unanswered or still rate
// limited, and the fault scopes (the row's, the workspace's, neither). The import's own: the same email back is this
// row's partner (created now or enrolled before); another email back means the row's tenantId belongs to that
// partner and this row's person was not enrolled (partners-behavior.md §3.1), a failure naming both emails.

import {
  BadRequest,
  Conflict,
  Forbidden,
  InvalidRequestError,
  InviteExpired,
  NotFound,
  RateLimitExceeded,
  RequestAbortedError,
  SDKError,
  Unauthorized,
  UnprocessableEntity,
} from "@dubkit/core";
import { enrollmentOutcome } from "../enrollment-outcome.js";
import type { RecordedFailure, RowOutcome } from "./journal.js";
import { NotSentError } from "./rate-limiter.js";

/** The part of an enrolled partner the import reads. */
export interface PartnerHead {
  id: string;
  email: string;
  name?: string | null;
  createdAt?: string;
}

/** A sent row's end. */
export type SendOutcome =
  /** `id`: what the journal keeps of the answer (the partner's or the link's id). */
  | { kind: "done"; outcome: RowOutcome; id: string | undefined }
  /** `conflict`: the tenantId is another partner's; `retryable`: sent again by the next run. */
  | { kind: "failed"; failure: RecordedFailure; retryable: boolean; conflict: boolean }
  /** The workspace cannot take any row (token, plan, quota, program): the run stops. */
  | { kind: "fatal"; error: unknown }
  /** No answer (the run abandoned it): the journal keeps it `sent`, the next run sends it again. */
  | { kind: "unanswered" }
  /** Never sent: it was waiting for its turn when the run stopped. */
  | { kind: "unsent" };

/** What the runner knows of the row when its answer comes. */
export interface SentRow {
  email: string;
  /** When the row was first sent (this run, or an earlier one that got no answer). */
  firstSentAt: number;
  /** The row's key was finished by an earlier run (so the partner cannot be new). */
  finishedBefore: boolean;
}

/** The conflict message, naming both partners. */
export function conflictMessage(tenantId: string | undefined, sent: string, returned: PartnerHead): string {
  const tenant = tenantId === undefined ? "its tenantId" : `tenantId ${JSON.stringify(tenantId)}`;
  return `${tenant} belongs to another partner, ${returned.email} (${returned.id}); Dub returned that partner and did not enroll ${sent}`;
}

/** The outcome of a 2xx answer. */
export function outcomeOfPartner(
  partner: PartnerHead,
  row: SentRow,
  tenantId: string | undefined,
): SendOutcome {
  if (partner.email.toLowerCase() !== row.email.toLowerCase()) {
    return {
      kind: "failed",
      failure: { error: `conflict: ${conflictMessage(tenantId, row.email, partner)}`, field: "tenantId" },
      // The program's state decides it, not the row: once the other partner's tenantId changes, it can go through.
      retryable: true,
      conflict: true,
    };
  }
  const outcome = row.finishedBefore ? "existing" : enrollmentOutcome(partner.createdAt, row.firstSentAt);
  return { kind: "done", outcome, id: partner.id };
}

/** The field a server 422 names, from Dub's `<code>: <path>: <message>` format. */
export function fieldOf(error: unknown): string | undefined {
  if (!SDKError.isInstance(error) || error.statusCode !== 422) return undefined;
  const parts = error.message.split(": ");
  return parts.length >= 3 && parts[1] ? parts[1] : undefined;
}

/** An error as a failed row's report states it: status, code and message for an API error. */
export function describe(error: unknown): string {
  if (SDKError.isInstance(error)) return `${error.statusCode} ${error.code}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}

/** Whose fault a failed send is: the row's (final for its content), the workspace's (stops the run), or neither. */
export type FailureScope = "row" | "workspace" | "other";

/**
 * Whose fault a failed create is: the row's (invalid data, an unknown or foreign groupId; recorded for good), the
 * workspace's (token, role, plan, quota, program; stops the run), or neither (sent again by the next run).
 */
export function failureScope(error: unknown): FailureScope {
  if (InvalidRequestError.isInstance(error) || UnprocessableEntity.isInstance(error)) return "row";
  // Dub answers a row's unknown or foreign groupId with `Group "<id>" not found…` (404 or 403).
  if ((NotFound.isInstance(error) || Forbidden.isInstance(error)) && error.message.startsWith('Group "')) {
    return "row";
  }
  if (isWorkspaceError(error) || BadRequest.isInstance(error)) return "workspace";
  return "other";
}

/**
 * The answers every bulk command blames on the workspace once it has ruled out the row's own (401, 403, 404, 410):
 * the token, its role or plan, the program. A command adds what else its endpoint means that way.
 */
export function isWorkspaceError(error: unknown): boolean {
  return (
    Unauthorized.isInstance(error) ||
    Forbidden.isInstance(error) ||
    NotFound.isInstance(error) ||
    InviteExpired.isInstance(error)
  );
}

/**
 * What any bulk command makes of a failed send before asking whose fault it is: a row the limiter held back (the run
 * was stopping) was never sent, an abandoned request has no answer, and a row still rate limited after the retries
 * is sent again by the next run. Undefined for every other error.
 */
export function settledWithoutBlame(error: unknown, abandoned: boolean): SendOutcome | undefined {
  if (error instanceof NotSentError) return { kind: "unsent" };
  if (abandoned || RequestAbortedError.isInstance(error)) return { kind: "unanswered" };
  if (RateLimitExceeded.isInstance(error)) {
    return {
      kind: "failed",
      failure: recordedFailure(error, `still rate limited after the retries: ${describe(error)}`),
      retryable: true,
      conflict: false,
    };
  }
  return undefined;
}

/** The failure as the journal and the report keep it: the text, and the status and field when there are. */
export function recordedFailure(error: unknown, text: string, field?: string): RecordedFailure {
  const status = SDKError.isInstance(error) ? error.statusCode : undefined;
  return {
    error: text,
    ...(status === undefined ? {} : { status }),
    ...(field === undefined ? {} : { field }),
  };
}

/**
 * The outcome of an error whose fault is `scope`'s: the workspace's stops the run; only the row's own is final
 * (reported again by the next run unless the row changes); anything else is sent again by the next run.
 */
export function blamedOutcome(error: unknown, scope: FailureScope, field = fieldOf(error)): SendOutcome {
  if (scope === "workspace") return { kind: "fatal", error };
  return {
    kind: "failed",
    failure: recordedFailure(error, describe(error), field),
    retryable: scope !== "row",
    conflict: false,
  };
}

/** The outcome of a failed create (the transport's retries are spent, or the error is not worth one). */
export function outcomeOfError(error: unknown, abandoned: boolean): SendOutcome {
  const settled = settledWithoutBlame(error, abandoned);
  if (settled) return settled;
  if (Conflict.isInstance(error)) {
    // 409: the row's email is enrolled with another tenantId, and this tenantId is another partner's.
    return {
      kind: "failed",
      failure: recordedFailure(error, `conflict: ${describe(error)}`, "tenantId"),
      retryable: true,
      conflict: true,
    };
  }
  return blamedOutcome(error, failureScope(error));
}
