// How the fault matrix calls each SDK operation: what state it needs first, the call itself, and how its value
// reads in the table. Every operation @dubkit/partners exposes must have a case here; the matrix fails, naming the
// operation, when one has none.
import type { Dub, RequestOptions } from "@dubkit/partners";

/** One SDK operation as the fault matrix drives it. */
export interface OperationCase {
  /** `resource.method` on a `Dub` client, e.g. `partners.create`. */
  name: string;
  /** The standalone function of the same operation, e.g. `createPartner`. */
  standalone: string;
  /** Whether the call may add a partner (at most one); a read must leave the partners as they were. */
  writes: boolean;
  /** How many requests `setup` sends; the faulted attempts come right after them. */
  setupRequests: number;
  /** Puts what the call needs into the emulator. */
  setup(dub: Dub): Promise<void>;
  /** The call under faults. */
  call(dub: Dub, options: RequestOptions): Promise<unknown>;
  /** The value's outcome, as the table shows it. */
  describe(value: unknown): string;
  /** The email a write enrolls, to count it afterwards. */
  email?: string;
}

const LISTED = 3;

/** The cases, by `resource.method`. */
export const OPERATION_CASES: readonly OperationCase[] = [
  {
    name: "partners.create",
    standalone: "createPartner",
    writes: true,
    setupRequests: 0,
    email: "matrix@example.com",
    setup: async () => {},
    call: (dub, options) => dub.partners.create({ email: "matrix@example.com", name: "Matrix" }, options),
    describe: (value) =>
      `partner ${(value as { email: string }).email === "matrix@example.com" ? "(same email)" : "(OTHER EMAIL)"}`,
  },
  {
    name: "partners.list",
    standalone: "listPartners",
    writes: false,
    setupRequests: LISTED,
    setup: async (dub) => {
      for (let i = 1; i <= LISTED; i++) await dub.partners.create({ email: `listed${i}@example.com` });
    },
    call: async (dub, options) => (await dub.partners.list({ pageSize: 10 }, options)).data,
    describe: (value) => `page of ${(value as unknown[]).length}`,
  },
];
