// fast-check arbitraries for what callers and attackers send: create bodies and list queries that are mostly
// API-shaped with every kind of wrong value mixed in, and raw HTTP requests (methods, keys, bodies, queries).
import fc from "fast-check";

/** Strings around the server's rules: lengths, whitespace, URL-unfriendly keys, unicode, control characters. */
const edgeString = fc.oneof(
  fc.constantFrom(
    "",
    " ",
    "Jane Doe",
    "  padded  ",
    "x".repeat(100),
    "x".repeat(101),
    "ü".repeat(101),
    "😀".repeat(60),
    "a,b,c",
    "invalid username",
    "_root",
    ".well-known/x",
    "index.php",
    "ext_123",
    "ext_",
    "grp_nope",
    "default",
    "x".repeat(5001),
    "x".repeat(32_001),
    "\u0000",
    "line\nbreak",
    "<script>",
    "%00",
    "../../etc",
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 20 }),
);

/** Email-shaped strings, valid and not. */
const email = fc.oneof(
  fc.emailAddress(),
  fc.constantFrom(
    "a@b.co",
    " a@b.co ",
    "A@B.CO",
    "foo",
    "",
    "a..b@c.de",
    ".a@b.co",
    "a@b.c",
    "a@-b.co",
    `${"x".repeat(180)}@example.com`,
    `${"x".repeat(177)}@example.com`,
  ),
  fc.string({ maxLength: 30 }),
);

/** Values of other JSON (and non-JSON) types. */
const otherValue = fc.oneof(
  fc.constantFrom<unknown>(null, undefined, 0, -1, 9.5, 50, 91, true, false, [], ["a"], {}, Number.NaN),
  fc.jsonValue({ maxDepth: 2 }),
);

const anyValue = fc.oneof({ weight: 3, arbitrary: edgeString }, { weight: 2, arbitrary: otherValue });

const linkProps = fc.oneof(
  fc.record(
    {
      externalId: anyValue,
      tenantId: anyValue,
      prefix: anyValue,
      archived: fc.oneof(fc.boolean(), anyValue),
      tagIds: fc.oneof(fc.array(edgeString, { maxLength: 3 }), anyValue),
      tagNames: fc.oneof(fc.array(edgeString, { maxLength: 3 }), anyValue),
      comments: anyValue,
      expiresAt: anyValue,
      expiredUrl: anyValue,
      testVariants: fc.oneof(
        fc.array(
          fc.record({ url: anyValue, percentage: fc.oneof(fc.integer({ min: 0, max: 100 }), anyValue) }),
          {
            maxLength: 3,
          },
        ),
        anyValue,
      ),
      unknownProp: anyValue,
    },
    { requiredKeys: [] },
  ),
  anyValue,
);

/** A body Dub accepts: a valid email and some valid optional fields. */
const validCreateBody = fc.record(
  {
    email: fc.oneof(fc.emailAddress(), fc.stringMatching(/^[a-z][a-z0-9.]{0,12}@[a-z]{1,8}\.(com|dev|co)$/)),
    name: fc.string({ maxLength: 100 }),
    username: fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/),
    tenantId: fc.string({ minLength: 1, maxLength: 20 }),
    groupId: fc.constant("default"),
    country: fc.constantFrom("US", "DE", "JP"),
    description: fc.string({ maxLength: 300 }),
    linkProps: fc.record(
      {
        externalId: fc.string({ minLength: 1, maxLength: 30 }),
        archived: fc.boolean(),
        tagNames: fc.array(fc.string({ maxLength: 10 }), { maxLength: 3 }),
        comments: fc.string({ maxLength: 50 }),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: ["email"] },
);

const CREATE_FIELDS = [
  "name",
  "email",
  "username",
  "image",
  "tenantId",
  "groupId",
  "country",
  "description",
  "linkProps",
];

/** A valid body with one field set to anything: the cases closest to the rules' edges. */
const mutatedCreateBody = fc
  .tuple(validCreateBody, fc.constantFrom(...CREATE_FIELDS), fc.oneof(edgeString, anyValue, linkProps))
  .map(([body, field, value]) => ({ ...body, [field]: value }));

/** Any mix of the API's fields with any values, valid or not. */
const randomCreateBody = fc.record(
  {
    name: fc.oneof(edgeString, anyValue),
    email: fc.oneof({ weight: 4, arbitrary: email }, anyValue),
    username: fc.oneof(edgeString, anyValue),
    image: fc.oneof(edgeString, anyValue),
    tenantId: fc.oneof(edgeString, anyValue),
    groupId: fc.oneof(fc.constantFrom("default", "grp_nope", "vip"), anyValue),
    country: fc.oneof(fc.constantFrom("US", "DE", "zz"), anyValue),
    description: fc.oneof(edgeString, anyValue),
    linkProps,
    programId: anyValue,
    ["__proto__"]: anyValue,
    constructor: anyValue,
  },
  { requiredKeys: [] },
);

/** A create-partner body: valid ones, valid ones with one field changed, random ones, and anything at all. */
export const createBody: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: validCreateBody },
  { weight: 6, arbitrary: mutatedCreateBody },
  { weight: 4, arbitrary: randomCreateBody },
  { weight: 1, arbitrary: fc.anything() },
);

/** A query Dub accepts. */
const validListQuery = fc.record(
  {
    status: fc.constantFrom("approved", "pending", "banned", "declined", "archived"),
    sortBy: fc.constantFrom("createdAt", "totalSaleAmount", "totalClicks"),
    sortOrder: fc.constantFrom("asc", "desc"),
    page: fc.integer({ min: 1, max: 5 }),
    pageSize: fc.integer({ min: 1, max: 100 }),
    email: fc.emailAddress(),
    tenantId: fc.string({ maxLength: 10 }),
    search: fc.string({ maxLength: 10 }),
    country: fc.constantFrom("US", "DE"),
  },
  { requiredKeys: [] },
);

const LIST_FIELDS = [
  "status",
  "sortBy",
  "sortOrder",
  "page",
  "pageSize",
  "groupId",
  "country",
  "email",
  "tenantId",
  "search",
];

/** A list query: valid ones, valid ones with one parameter changed, random ones, and anything at all. */
export const listQuery: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: validListQuery },
  {
    weight: 6,
    arbitrary: fc
      .tuple(validListQuery, fc.constantFrom(...LIST_FIELDS), fc.oneof(edgeString, anyValue, fc.double()))
      .map(([query, field, value]) => ({ ...query, [field]: value })),
  },
  {
    weight: 4,
    arbitrary: fc.record(
      {
        status: fc.oneof(fc.constantFrom("approved", "pending", "banned", "APPROVED"), anyValue),
        sortBy: fc.oneof(fc.constantFrom("createdAt", "totalSaleAmount", "nope"), anyValue),
        sortOrder: fc.oneof(fc.constantFrom("asc", "desc", "up"), anyValue),
        page: fc.oneof(fc.integer({ min: -3, max: 5 }), fc.double(), anyValue),
        pageSize: fc.oneof(fc.integer({ min: -3, max: 200 }), anyValue),
        groupId: anyValue,
        country: anyValue,
        email: fc.oneof(email, anyValue),
        tenantId: anyValue,
        search: anyValue,
        unknownParam: anyValue,
      },
      { requiredKeys: [] },
    ),
  },
  { weight: 1, arbitrary: fc.anything() },
);

/** One raw HTTP request to the emulator's API path. */
export interface RawRequest {
  method: "GET" | "POST";
  /** `valid`, none, or a malformed/unknown Authorization header value. */
  authorization: "valid" | null | string;
  query: string;
  contentType: string | null;
  body: Buffer | null;
}

/** Raw requests: any bytes as the body, any text as the query, any Authorization header. */
export const rawRequest: fc.Arbitrary<RawRequest> = fc.record({
  method: fc.constantFrom("GET" as const, "POST" as const),
  authorization: fc.oneof(
    { weight: 6, arbitrary: fc.constant("valid" as const) },
    { weight: 1, arbitrary: fc.constant(null) },
    {
      weight: 2,
      arbitrary: fc.oneof(
        fc.constantFrom("Bearer", "Bearer ", "Basic abc", "Bearer dub_unknown", "bearer x y", "Bearer dub_"),
        fc.string({ maxLength: 30 }).map((s) => `Bearer ${s}`),
      ),
    },
  ),
  query: fc.oneof(
    fc.constant(""),
    fc.webQueryParameters(),
    fc.string({ maxLength: 40 }),
    fc
      .dictionary(
        fc.constantFrom("page", "pageSize", "status", "sortBy", "email", "search", "x"),
        fc.string({ maxLength: 12 }),
      )
      .map((params) => new URLSearchParams(params).toString()),
  ),
  contentType: fc.constantFrom(
    null,
    "application/json",
    "text/plain",
    "application/x-www-form-urlencoded",
    "application/json; charset=latin1",
  ),
  body: fc.oneof(
    fc.constant(null),
    fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes)),
    fc.jsonValue({ maxDepth: 3 }).map((value) => Buffer.from(JSON.stringify(value) ?? "")),
    createBody.map((value) => {
      try {
        return Buffer.from(JSON.stringify(value) ?? "null");
      } catch {
        return Buffer.from("{");
      }
    }),
    fc.string({ maxLength: 60 }).map((text) => Buffer.from(text)),
  ),
});
