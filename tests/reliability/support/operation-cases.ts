// How the fault matrix calls each SDK operation: what state it needs first, the call itself, how its value reads in
// the table, and — for a write — how many times its change is in the emulator afterwards. Every operation
// @dubkit/partners exposes must have a case here; the matrix fails, naming the operation, when one has none.
import type { Emulator } from "@dubkit/emulator";
import type { Dub, RequestOptions } from "@dubkit/partners";

/** What `setup` hands to `call`: the ids it created. */
export type CaseContext = { partnerId: string } | Record<string, never>;

/** One SDK operation as the fault matrix drives it. */
export interface OperationCase {
  /** `resource.method` on a `Dub` client, e.g. `partners.create`. */
  name: string;
  /** The standalone function of the same operation, e.g. `createPartner`. */
  standalone: string;
  /** How many requests `setup` sends; the faulted attempts come right after them. */
  setupRequests: number;
  /** Puts what the call needs into the emulator (through the API, or its admin methods, which send nothing). */
  setup(dub: Dub, emulator: Emulator): Promise<CaseContext>;
  /** The call under faults. */
  call(dub: Dub, options: RequestOptions, context: CaseContext): Promise<unknown>;
  /** The value's outcome, as the table shows it. */
  describe(value: unknown, context: CaseContext): string;
  /**
   * For a write: how many times its change is in the emulator after the call (1 once applied; more would be a
   * duplicate), and what that change is called in the table. Absent for a read, which must change nothing.
   */
  applied?: { label: string; count(emulator: Emulator, context: CaseContext): number };
}

const LISTED = 3;

/** The partner `setup` made, for the calls that need one. */
const partnerOf = (context: CaseContext): string => ("partnerId" in context ? context.partnerId : "");

/** One approved partner, created through the API (one request). */
async function onePartner(dub: Dub): Promise<CaseContext> {
  const partner = await dub.partners.create({
    email: "matrix@example.com",
    name: "Matrix",
    tenantId: "u_matrix",
  });
  return { partnerId: partner.id };
}

/** One pending application, created with the emulator's admin method (no request). */
async function oneApplication(_: Dub, emulator: Emulator): Promise<CaseContext> {
  const application = await emulator.addApplication({ email: "applicant@example.com", name: "Applicant" });
  return { partnerId: application.partnerId };
}

const statusIs = (status: string) => (emulator: Emulator, context: CaseContext) =>
  emulator.enrollments().filter((e) => e.partnerId === partnerOf(context) && e.status === status).length;

const linksTo = (url: string) => (emulator: Emulator) =>
  emulator.links().filter((link) => link.url === url).length;

const partnerIdOf = (value: unknown, context: CaseContext) =>
  (value as { partnerId: string }).partnerId === partnerOf(context)
    ? "{ partnerId } (the partner)"
    : "{ partnerId } (ANOTHER)";

/** The cases, by `resource.method`. */
export const OPERATION_CASES: readonly OperationCase[] = [
  {
    name: "partners.create",
    standalone: "createPartner",
    setupRequests: 0,
    setup: async () => ({}),
    call: (dub, options) => dub.partners.create({ email: "matrix@example.com", name: "Matrix" }, options),
    describe: (value) =>
      `partner ${(value as { email: string }).email === "matrix@example.com" ? "(same email)" : "(OTHER EMAIL)"}`,
    applied: {
      label: "partner",
      count: (emulator) => {
        const ids = new Set(
          emulator
            .partners()
            .filter((p) => p.email === "matrix@example.com")
            .map((p) => p.id),
        );
        return emulator.enrollments().filter((e) => ids.has(e.partnerId)).length;
      },
    },
  },
  {
    name: "partners.list",
    standalone: "listPartners",
    setupRequests: LISTED,
    setup: async (dub) => {
      for (let i = 1; i <= LISTED; i++) await dub.partners.create({ email: `listed${i}@example.com` });
      return {};
    },
    call: async (dub, options) => (await dub.partners.list({ pageSize: 10 }, options)).data,
    describe: (value) => `page of ${(value as unknown[]).length}`,
  },
  {
    name: "partners.createLink",
    standalone: "createPartnerLink",
    setupRequests: 1,
    setup: onePartner,
    call: (dub, options, context) =>
      dub.partners.createLink({ partnerId: partnerOf(context), url: "https://acme.test/matrix" }, options),
    describe: (value) =>
      `link ${/^[0-9A-Za-z]{7}$/.test((value as { key: string }).key) ? "(client-drawn key)" : "(?)"}`,
    applied: { label: "link", count: linksTo("https://acme.test/matrix") },
  },
  {
    name: "partners.retrieveLinks",
    standalone: "retrievePartnerLinks",
    setupRequests: 1,
    setup: onePartner,
    call: (dub, options, context) => dub.partners.retrieveLinks({ partnerId: partnerOf(context) }, options),
    describe: (value) => `${(value as unknown[]).length} link(s)`,
  },
  {
    name: "partners.upsertLink",
    standalone: "upsertPartnerLink",
    setupRequests: 1,
    setup: onePartner,
    call: (dub, options, context) =>
      dub.partners.upsertLink(
        { partnerId: partnerOf(context), url: "https://acme.test/upsert", key: "matrix-upsert" },
        options,
      ),
    describe: (value) => `link ${(value as { key: string }).key}`,
    applied: { label: "link", count: linksTo("https://acme.test/upsert") },
  },
  {
    name: "partners.analytics",
    standalone: "retrievePartnerAnalytics",
    setupRequests: 1,
    setup: onePartner,
    call: (dub, options, context) => dub.partners.analytics({ partnerId: partnerOf(context) }, options),
    describe: (value) => `totals (${Object.keys(value as object).length} fields)`,
  },
  {
    name: "partners.ban",
    standalone: "banPartner",
    setupRequests: 1,
    setup: onePartner,
    call: (dub, options, context) =>
      dub.partners.ban({ partnerId: partnerOf(context), reason: "fraud" }, options),
    describe: partnerIdOf,
    applied: { label: "banned", count: statusIs("banned") },
  },
  {
    name: "partners.deactivate",
    standalone: "deactivatePartner",
    setupRequests: 1,
    setup: onePartner,
    call: (dub, options, context) => dub.partners.deactivate({ partnerId: partnerOf(context) }, options),
    describe: partnerIdOf,
    applied: { label: "deactivated", count: statusIs("deactivated") },
  },
  {
    name: "partnerApplications.list",
    standalone: "listPartnerApplications",
    setupRequests: 0,
    setup: oneApplication,
    call: async (dub, options) => (await dub.partnerApplications.list({}, options)).data,
    describe: (value) => `page of ${(value as unknown[]).length}`,
  },
  {
    name: "partnerApplications.approve",
    standalone: "approvePartnerApplication",
    setupRequests: 0,
    setup: oneApplication,
    call: (dub, options, context) =>
      dub.partnerApplications.approve({ partnerId: partnerOf(context) }, options),
    describe: partnerIdOf,
    applied: { label: "approved", count: statusIs("approved") },
  },
  {
    name: "partnerApplications.reject",
    standalone: "rejectPartnerApplication",
    setupRequests: 0,
    setup: oneApplication,
    call: (dub, options, context) =>
      dub.partnerApplications.reject({ partnerId: partnerOf(context) }, options),
    describe: partnerIdOf,
    applied: { label: "rejected", count: statusIs("rejected") },
  },
];
