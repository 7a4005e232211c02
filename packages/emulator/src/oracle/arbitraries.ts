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
