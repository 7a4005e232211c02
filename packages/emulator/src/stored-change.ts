// Checks that a record read back from the data file is a change the store can apply: a list of known events whose
// fields have the stored shapes. A record with a good checksum can still be wrong (written by another version, or
// edited by hand), and applying it blindly would fail later with a message that names nothing.
import {
  BAN_REASONS,
  NETWORK_STATUSES,
  PARTNER_STATUSES,
  PAYOUT_METHODS,
  REAPPLICATION_TIMEFRAMES,
  REJECTION_REASONS,
} from "@dubkit/contract";
import { formDataProblem } from "./application-form.js";
import { metricsProblem } from "./enrollment-metrics.js";
import type { ApplicationRecord, EnrollmentRecord, LinkRecord, PartnerRecord } from "./records.js";

/** How one field is checked: a describer that returns what is wrong with a value, or undefined. */
type FieldCheck = (value: unknown) => string | undefined;

/** Names a value's kind; text is cut short, since a damaged file may hold anything. */
function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  if (typeof value === "string")
    return value.length > 40 ? `text "${value.slice(0, 40)}…"` : `text "${value}"`;
  return `${typeof value} ${String(value)}`;
}

const text: FieldCheck = (value) =>
  typeof value === "string" ? undefined : `expected text, got ${describe(value)}`;

const nullable =
  (check: FieldCheck): FieldCheck =>
  (value) =>
    value === null ? undefined : check(value);

const oneOf =
  (values: readonly string[]): FieldCheck =>
  (value) =>
    typeof value === "string" && values.includes(value)
      ? undefined
      : `expected one of ${values.join(", ")}, got ${describe(value)}`;

const textList: FieldCheck = (value) => {
  if (!Array.isArray(value)) return `expected a list of text, got ${describe(value)}`;
  const index = value.findIndex((item) => typeof item !== "string");
  return index === -1 ? undefined : `[${index}]: expected text, got ${describe(value[index])}`;
};

/** A field that may be absent (records written before it existed); checked when present. */
const optional =
  (check: FieldCheck): FieldCheck =>
  (value) =>
    value === undefined ? undefined : check(value);

const plainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const object: FieldCheck = (value) =>
  plainObject(value) ? undefined : `expected an object, got ${describe(value)}`;

const linkStats: FieldCheck = (value) => {
  if (!plainObject(value)) return `expected an object, got ${describe(value)}`;
  for (const name of ["clicks", "leads", "conversions", "sales", "saleAmount"]) {
    if (typeof value[name] !== "number") return `${name}: expected a number, got ${describe(value[name])}`;
  }
  return undefined;
};

// `satisfies Record<keyof …>` makes the compiler flag a table that misses a field added to a record.
const PARTNER_FIELDS = {
  id: text,
  name: text,
  username: text,
  email: text,
  image: nullable(text),
  description: nullable(text),
  country: nullable(text),
  companyName: nullable(text),
  networkStatus: oneOf(NETWORK_STATUSES),
  defaultPayoutMethod: nullable(oneOf(PAYOUT_METHODS)),
  paypalEmail: nullable(text),
  stripeConnectId: nullable(text),
  payoutsEnabledAt: nullable(text),
  identityVerifiedAt: nullable(text),
  trustedAt: nullable(text),
  website: nullable(text),
  youtube: nullable(text),
  twitter: nullable(text),
  linkedin: nullable(text),
  instagram: nullable(text),
  tiktok: nullable(text),
  createdAt: text,
} satisfies Record<keyof PartnerRecord, FieldCheck>;

const ENROLLMENT_FIELDS = {
  id: text,
  partnerId: text,
  programId: text,
  tenantId: nullable(text),
  status: oneOf(PARTNER_STATUSES),
  groupId: nullable(text),
  clickRewardId: nullable(text),
  leadRewardId: nullable(text),
  saleRewardId: nullable(text),
  referralRewardId: nullable(text),
  discountId: nullable(text),
  applicationId: nullable(text),
  bannedAt: nullable(text),
  bannedReason: nullable(oneOf(BAN_REASONS)),
  createdAt: text,
  linkIds: textList,
  reapplicationTimeframe: optional(oneOf(REAPPLICATION_TIMEFRAMES)),
  metrics: optional(metricsProblem),
} satisfies Record<keyof EnrollmentRecord, FieldCheck>;

const APPLICATION_FIELDS = {
  id: text,
  programId: text,
  partnerId: text,
  groupId: nullable(text),
  name: text,
  email: text,
  country: nullable(text),
  formData: nullable(formDataProblem),
  createdAt: text,
  reviewedAt: nullable(text),
  rejectionReason: nullable(oneOf(REJECTION_REASONS)),
  rejectionNote: nullable(text),
  referredByPartnerId: nullable(text),
} satisfies Record<keyof ApplicationRecord, FieldCheck>;

const LINK_FIELDS = {
  id: text,
  workspaceId: text,
  programId: text,
  partnerId: text,
  domain: text,
  key: text,
  url: text,
  externalId: nullable(text),
  tenantId: nullable(text),
  createdAt: text,
  props: object,
  updatedAt: optional(text),
  expiresAt: optional(nullable(text)),
  disabledAt: optional(nullable(text)),
  stats: optional(linkStats),
  partnerGroupDefaultLinkId: optional(nullable(text)),
  userId: optional(nullable(text)),
  folderId: optional(nullable(text)),
  tagIds: optional(textList),
} satisfies Record<keyof LinkRecord, FieldCheck>;

/** Checks every field of a whole record (all present); returns the first problem, prefixed with `path`. */
function recordProblem(value: unknown, fields: Record<string, FieldCheck>, path: string): string | undefined {
  if (!plainObject(value)) return `${path}: expected an object, got ${describe(value)}`;
  for (const [name, check] of Object.entries(fields)) {
    if (!(name in value) && check(undefined) !== undefined) return `${path}.${name}: missing`;
    const problem = check(value[name]);
    if (problem) return `${path}.${name}: ${problem}`;
  }
  return undefined;
}

/** Checks a patch: only known, changeable fields, each with its field's shape. */
function patchProblem(
  value: unknown,
  fields: Record<string, FieldCheck>,
  fixed: readonly string[],
  path: string,
): string | undefined {
  if (!plainObject(value)) return `${path}: expected an object, got ${describe(value)}`;
  for (const [name, field] of Object.entries(value)) {
    const check = fields[name];
    if (!check || fixed.includes(name)) return `${path}.${name}: not a field that can be changed`;
    const problem = check(field);
    if (problem) return `${path}.${name}: ${problem}`;
  }
  return undefined;
}

function eventProblem(event: unknown, path: string): string | undefined {
  if (!plainObject(event)) return `${path}: expected an event object, got ${describe(event)}`;
  switch (event.type) {
    case "partner":
      return recordProblem(event.partner, PARTNER_FIELDS, `${path}.partner`);
    case "enrollment": {
      const problem = recordProblem(event.enrollment, ENROLLMENT_FIELDS, `${path}.enrollment`);
      if (problem) return problem;
      if (!Array.isArray(event.links)) return `${path}.links: expected a list, got ${describe(event.links)}`;
      for (const [index, link] of event.links.entries()) {
        const linkProblem = recordProblem(link, LINK_FIELDS, `${path}.links[${index}]`);
        if (linkProblem) return linkProblem;
      }
      return undefined;
    }
    case "enrollment-update":
      return (
        (text(event.id) && `${path}.id: ${text(event.id)}`) ||
        patchProblem(event.patch, ENROLLMENT_FIELDS, ["id", "partnerId", "programId"], `${path}.patch`)
      );
    case "link":
      return recordProblem(event.link, LINK_FIELDS, `${path}.link`);
    case "link-update":
      return (
        (text(event.id) && `${path}.id: ${text(event.id)}`) ||
        patchProblem(event.patch, LINK_FIELDS, ["id", "workspaceId", "programId"], `${path}.patch`)
      );
    case "partner-update":
      return (
        (text(event.id) && `${path}.id: ${text(event.id)}`) ||
        patchProblem(event.patch, PARTNER_FIELDS, ["id", "email"], `${path}.patch`)
      );
    case "application":
      return (
        recordProblem(event.application, APPLICATION_FIELDS, `${path}.application`) ||
        recordProblem(event.enrollment, ENROLLMENT_FIELDS, `${path}.enrollment`)
      );
    case "application-update":
      return (
        (text(event.id) && `${path}.id: ${text(event.id)}`) ||
        patchProblem(event.patch, APPLICATION_FIELDS, ["id", "programId", "partnerId"], `${path}.patch`)
      );
    case "enrollment-delete":
      return text(event.id) && `${path}.id: ${text(event.id)}`;
    case "usage-increment":
      return text(event.programId) && `${path}.programId: ${text(event.programId)}`;
    case "setting":
      if (event.name !== "apiKey") return `${path}.name: unknown setting ${describe(event.name)}`;
      return text(event.value) && `${path}.value: ${text(event.value)}`;
    default:
      return `${path}.type: unknown event type ${describe(event.type)}`;
  }
}

/** What is wrong with a replayed record as a change (a list of events), or undefined when it is one. */
export function changeProblem(value: unknown): string | undefined {
  if (!Array.isArray(value)) return `expected a list of events, got ${describe(value)}`;
  for (const [index, event] of value.entries()) {
    const problem = eventProblem(event, `event ${index + 1}`);
    if (problem) return problem;
  }
  return undefined;
}
