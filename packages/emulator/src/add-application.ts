// A partner applying to the program, as on partners.dub.co (`createProgramApplication`): the partner account
// (reused when the email exists, unchanged), an application with the form answers, and a pending enrollment in the
// group that points at it. Applying creates no links and does not count towards the partner quota; approving does.
import { SERVER_EMAIL_PATTERN } from "@dubkit/contract";
import { type ApplicationFormData, formDataProblem } from "./application-form.js";
import { type CreateContext, generateUsername, partnerRecord } from "./create-partner.js";
import { groupRewards } from "./enrollment-rewards.js";
import type { ApplicationRecord, EnrollmentRecord, PartnerRecord, StoreEvent } from "./records.js";
import type { Group, Program } from "./workspace.js";

/** An application to add (the admin API's `addApplication`, a seed file's `applications`). */
export interface ApplicationInput {
  email: string;
  /** Default: the email, as for a partner created without a name. */
  name?: string;
  country?: string | null;
  /** The group applied to: a `grp_…` id or a slug of the program. Default: the program's default group. */
  groupId?: string;
  /** The answers to the group's application form (`{ fields: [...] }`, as Dub stores them). */
  formData?: ApplicationFormData | null;
  /** When the partner applied (Date, ISO string or epoch ms). Default: now. */
  createdAt?: Date | string | number;
  /** The partner (`pn_…`) whose referral brought the applicant, for GET /partners' `referredByPartnerId`. */
  referredByPartnerId?: string | null;
}

const FIELDS: readonly string[] = [
  "email",
  "name",
  "country",
  "groupId",
  "formData",
  "createdAt",
  "referredByPartnerId",
];

const isText = (value: unknown) => typeof value === "string";
const isNullableText = (value: unknown) => value === null || typeof value === "string";

/** What is wrong with an application input, as `<field>: <problem>`; undefined when it is valid. */
export function applicationInputProblem(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return `expected an object with at least an email, got ${JSON.stringify(value)}`;
  }
  const input = value as Record<string, unknown>;
  const unknown = Object.keys(input).find((key) => !FIELDS.includes(key));
  if (unknown) return `${unknown}: not a field of an application (the fields are ${FIELDS.join(", ")})`;
  if (!isText(input.email) || !SERVER_EMAIL_PATTERN.test(input.email as string)) {
    return `email: expected an email address, got ${JSON.stringify(input.email)}`;
  }
  for (const [name, check, expected] of [
    ["name", isText, "text"],
    ["country", isNullableText, "text or null"],
    ["groupId", isText, "a group id or slug"],
    ["referredByPartnerId", isNullableText, "a partner id or null"],
  ] as const) {
    if (input[name] !== undefined && !check(input[name])) {
      return `${name}: expected ${expected}, got ${JSON.stringify(input[name])}`;
    }
  }
  if (input.formData !== undefined && input.formData !== null) {
    const problem = formDataProblem(input.formData);
    if (problem) return `formData: ${problem}`;
  }
  const createdAt = input.createdAt;
  if (createdAt !== undefined) {
    const valid =
      (createdAt instanceof Date || isText(createdAt) || typeof createdAt === "number") &&
      !Number.isNaN(new Date(createdAt as string).getTime());
    if (!valid) return `createdAt: expected a date (ISO text or epoch ms), got ${JSON.stringify(createdAt)}`;
  }
  return undefined;
}

/** The group applied to: the one named (id or slug, in this program) or the program's default. */
function appliedGroup(context: CreateContext, program: Program, groupId: string | undefined): Group {
  if (groupId === undefined) {
    const group = program.defaultGroupId
      ? context.directory.findGroupById(program.defaultGroupId)
      : undefined;
    if (!group) throw new Error("groupId: the program has no default group, so name the group applied to.");
    return group;
  }
  const group = groupId.startsWith("grp_")
    ? context.directory.findGroupById(groupId)
    : program.groupsBySlug.get(groupId);
  if (!group || group.programId !== program.id) {
    const known = [...program.groupsBySlug.values()].map((g) => `${g.slug} (${g.id})`).join(", ");
    throw new Error(`groupId: "${groupId}" is not a group of this program; its groups are ${known}.`);
  }
  return group;
}

/** The change that adds the application; throws an Error naming the field when the input cannot be applied. */
export function addApplication(
  context: CreateContext,
  program: Program,
  input: ApplicationInput,
): { change: StoreEvent[]; application: ApplicationRecord } {
  const problem = applicationInputProblem(input);
  if (problem) throw new Error(problem);
  const { store } = context;
  const group = appliedGroup(context, program, input.groupId);
  const createdAt = new Date(input.createdAt ?? context.now()).toISOString();
  const change: StoreEvent[] = [];
  let partner: PartnerRecord | undefined = store.partnerByEmail(input.email);
  if (partner) {
    const enrolled = store.enrollmentOf(program.id, partner.id);
    if (enrolled) {
      throw new Error(
        `email: ${input.email} is already in this program (enrollment status "${enrolled.status}"); Dub tells such a partner "You have already applied to this program."`,
      );
    }
  } else {
    partner = partnerRecord({
      id: context.newId("pn_"),
      name: input.name || input.email,
      username: generateUsername(context, { email: input.email, name: input.name, tenantId: null }),
      email: input.email,
      image: null,
      description: null,
      country: input.country ?? null,
      createdAt,
    });
    change.push({ type: "partner", partner });
  }
  const application: ApplicationRecord = {
    id: context.newId("pga_"),
    programId: program.id,
    partnerId: partner.id,
    groupId: group.id,
    name: input.name || partner.name,
    email: input.email,
    country: input.country ?? partner.country,
    // A copy: the caller's object must not change the stored answers afterwards.
    formData: input.formData ? structuredClone(input.formData) : null,
    createdAt,
    reviewedAt: null,
    rejectionReason: null,
    rejectionNote: null,
    referredByPartnerId: input.referredByPartnerId ?? null,
  };
  const enrollment: EnrollmentRecord = {
    id: context.newId("pge_"),
    partnerId: partner.id,
    programId: program.id,
    tenantId: null,
    status: "pending",
    groupId: group.id,
    ...groupRewards(group),
    applicationId: application.id,
    bannedAt: null,
    bannedReason: null,
    createdAt,
    linkIds: [],
  };
  change.push({ type: "application", application, enrollment });
  return { change, application };
}
