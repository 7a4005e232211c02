// fast-check arbitraries for request bodies and query strings: mostly valid shapes with every kind of wrong value
// mixed in (types, lengths, formats, unknown keys, shuffled key order), for the differential tests. Test-only code.

import fc from "fast-check";

/** Strings near every bound and rule the server's schemas have. */
export const edgeStrings = fc.constantFrom(
  "",
  " ",
  "a",
  "Jane Doe",
  "  Jane Doe  ",
  "x".repeat(99),
  "x".repeat(100),
  "x".repeat(101),
  ` ${"x".repeat(100)} `,
  "ü".repeat(101),
  `${"😀".repeat(50)}a`,
  "☺",
  "Jöhn Müller",
  "ext_123",
  "ext_",
  "ext_ext_9",
  "a,b,c",
  ",",
  "invalid username",
  "_root",
  "_private",
  ".well-known/x",
  "index.php",
  "x.php7",
  "x.php8",
  "c/jane-doe",
  "jane.doe",
  "a\tb",
  "x".repeat(190),
  "x".repeat(191),
  "x".repeat(255),
  "x".repeat(256),
  "x".repeat(5000),
  "x".repeat(5001),
  "https://example.com/path",
  "example.com",
  "not a url",
  "x".repeat(32001),
);

/** Email-shaped strings, valid and not, around the server's pattern and length. */
export const edgeEmails = fc.constantFrom(
  "a@b.co",
  "jane.doe+test@example.com",
  " a@b.co ",
  "a@b.co ",
  "foo",
  "",
  "a..b@c.de",
  ".a@b.co",
  "a.@b.co",
  "a'b@c.de",
  "a@b.c",
  "a@-b.co",
  "A@B.CO",
  `${"x".repeat(180)}@example.com`,
  `${"x".repeat(178)}@example.com`,
  `${"x".repeat(177)}@example.com`,
  `${"x".repeat(177)}@example.com `,
);

/** Values of every other JSON type. */
export const otherValues = fc.constantFrom<unknown>(
  null,
  undefined,
  0,
  5,
  -1,
  9.5,
  10,
  50,
  90,
  90.5,
  91,
  true,
  false,
  [],
  ["a"],
  ["a", 1],
  {},
);

/** Any value: mostly edge strings. */
export const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: edgeStrings },
  { weight: 2, arbitrary: otherValues },
);

/** An object with each of `fields` present or not, in a random key order, sometimes with unknown keys. */
export function shuffledRecord(
  fields: Record<string, fc.Arbitrary<unknown>>,
): fc.Arbitrary<Record<string, unknown>> {
  const keys = Object.keys(fields);
  return fc
    .tuple(
      fc.record({ ...fields, programId: anyValue, unknownKey: anyValue }, { requiredKeys: [] }),
      fc.shuffledSubarray([...keys, "programId", "unknownKey"]),
    )
    .map(([values, order]) => {
      const out: Record<string, unknown> = {};
      for (const key of order) if (key in values) out[key] = (values as Record<string, unknown>)[key];
      return out;
    });
}

/** Sometimes not an object at all. */
export function maybeNotObject(object: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 24, arbitrary: object },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(null, [], "x", 5, true, [{ email: "a@b.co" }]) },
  );
}

/** Mostly a valid value, sometimes anything. */
export const mostly = (valid: fc.Arbitrary<unknown>) =>
  fc.oneof({ weight: 5, arbitrary: valid }, { weight: 1, arbitrary: anyValue });

/** Short texts: names, keys, codes, a tag list, an `ext_` id, empty, null. */
export const text = fc.constantFrom<unknown>("Jane", "  Jane  ", "jane-doe", "", "US", "ext_9", "a,b", null);

/** Booleans, sometimes anything. */
export const flag = mostly(fc.boolean());

/** URLs and near-URLs around the server's normalisation (`getUrlFromString`) and its `new URL()` check. */
export const edgeUrls = fc.constantFrom<unknown>(
  "https://a.test",
  "https://a.test/x?utm_source=y#z",
  "a.test/x",
  "a.test",
  "www.Acme.com/Path",
  "http://localhost:3000",
  "mailto:a@b.co",
  "a.test:99999",
  "not a url",
  "a b.test",
  "",
  ".",
  "a..b",
  "//a.test",
  "https://",
  "ü.test",
  "x".repeat(31990),
  `https://a.test/${"x".repeat(31990)}`,
  null,
);

const variant = mostly(
  shuffledRecord({
    url: mostly(fc.constantFrom("https://a.test", "b")),
    percentage: mostly(fc.constantFrom(10, 25, 50, 90, 9, 91, 9.99, 50.5)),
  }),
);
const tagList = mostly(
  fc.oneof(fc.constantFrom("t1", "a,b"), fc.array(fc.constantFrom("t1", "t2", "a,b"), { maxLength: 3 })),
);

/** A `linkProps` object, sometimes not an object. */
export const linkPropsValue = maybeNotObject(
  shuffledRecord({
    externalId: mostly(text),
    tenantId: mostly(text),
    prefix: mostly(fc.constantFrom("c", "/c/")),
    archived: flag,
    tagIds: tagList,
    tagNames: tagList,
    comments: mostly(text),
    expiresAt: mostly(text),
    expiredUrl: mostly(fc.oneof(text, edgeUrls)),
    password: mostly(text),
    proxy: flag,
    title: mostly(text),
    description: mostly(text),
    image: mostly(text),
    video: mostly(text),
    rewrite: flag,
    ios: mostly(fc.oneof(text, edgeUrls)),
    android: mostly(fc.oneof(text, edgeUrls)),
    doIndex: flag,
    testVariants: mostly(fc.array(variant, { maxLength: 5 })),
    testStartedAt: mostly(text),
    testCompletedAt: mostly(text),
    url: anyValue,
    domain: anyValue,
  }),
);

/** Partner IDs, tenant IDs and the empty string. */
export const partnerIds = fc.constantFrom("pn_1", "tenant_1", "", " ");

/** Query-string values around coercion and the enums' spelling: what the server can receive as text. */
export const queryText = fc.constantFrom(
  "",
  " ",
  "abc",
  "0",
  "1",
  "-1",
  "1.5",
  "1e2",
  " 5 ",
  "0x10",
  "100",
  "101",
  "Infinity",
  "NaN",
  "true",
  "false",
  "TRUE",
  "yes",
  "a,b",
  "-a,b",
  "-",
);

/**
 * A query as the server reads it (`Record<string, string>`): each of `fields` present or not, sometimes an unknown
 * key, in a random order.
 */
export function queryRecord(
  fields: Record<string, fc.Arbitrary<string>>,
): fc.Arbitrary<Record<string, string>> {
  return shuffledRecord({ ...fields, unknownKey: queryText }) as fc.Arbitrary<Record<string, string>>;
}
