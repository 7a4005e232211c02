// fast-check arbitraries for import files as users (and broken exports) produce them: CSV with any separator,
// quoting and line endings, JSON Lines with broken lines, in UTF-8, UTF-16 or Latin-1, with or without a BOM, or
// plain random bytes.
import fc from "fast-check";

/** One generated import file. */
export interface FuzzedFile {
  kind: "csv" | "jsonl" | "bytes";
  /** What it was made of, for the failure message. */
  recipe: string;
  bytes: Buffer;
}

const COLUMNS = [
  "email",
  "name",
  "tenant_id",
  "Tenant ID",
  "username",
  "country",
  "description",
  "group_id",
  "link_props",
  "link_props.external_id",
  "link_props.archived",
  "unknown",
  "",
];

const cell = fc.oneof(
  { weight: 4, arbitrary: fc.emailAddress() },
  { weight: 4, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 12 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '"unterminated',
      'in"side',
      '""',
      '"a,b"',
      '"line\nbreak"',
      "\u0000",
      "\r",
      "x".repeat(5000),
      '{"archived":"yes"}',
      "{not json",
      "=cmd|' /C calc'!A0",
      "dub_notatoken",
    ),
  },
);

const lineEnding = fc.constantFrom("\n", "\r\n", "\r");
const separator = fc.constantFrom(",", ";", "\t", "|");

const csv = fc
  .record({
    columns: fc.array(fc.constantFrom(...COLUMNS), { minLength: 0, maxLength: 6 }),
    rows: fc.array(fc.array(cell, { maxLength: 7 }), { maxLength: 25 }),
    separator,
    lineEnding,
    trailing: fc.boolean(),
  })
  .map(({ columns, rows, separator: sep, lineEnding: eol, trailing }) => ({
    recipe: `csv sep=${JSON.stringify(sep)} eol=${JSON.stringify(eol)} columns=${JSON.stringify(columns)} rows=${rows.length}`,
    text: [columns.join(sep), ...rows.map((row) => row.join(sep))].join(eol) + (trailing ? eol : ""),
  }));

const jsonLine = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .record({ email: fc.oneof(fc.emailAddress(), cell), name: cell }, { requiredKeys: [] })
      .map((v) => JSON.stringify(v)),
  },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)) },
  {
    weight: 1,
    arbitrary: fc.constantFrom("{", "[1,", '{"email":', "null", "", "   ", '"just a string"', "{}{}"),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
);

const jsonl = fc
  .record({ lines: fc.array(jsonLine, { maxLength: 25 }), lineEnding: fc.constantFrom("\n", "\r\n") })
  .map(({ lines, lineEnding: eol }) => ({
    recipe: `jsonl eol=${JSON.stringify(eol)} lines=${lines.length}`,
    text: lines.join(eol),
  }));

const encoding = fc.constantFrom("utf8", "utf8+bom", "utf16le+bom", "utf16be+bom", "latin1");

function encode(text: string, how: string): Buffer {
  switch (how) {
    case "utf8+bom":
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]);
    case "utf16le+bom":
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    case "utf16be+bom":
      return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, "utf16le").swap16()]);
    case "latin1":
      return Buffer.from(text, "latin1");
    default:
      return Buffer.from(text, "utf8");
  }
}

/** An import file: CSV or JSONL text in some encoding, or random bytes (named .csv or .jsonl by `kind`). */
export const importFile: fc.Arbitrary<FuzzedFile> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.tuple(csv, encoding).map(([file, how]) => ({
      kind: "csv" as const,
      recipe: `${file.recipe} ${how}`,
      bytes: encode(file.text, how),
    })),
  },
  {
    weight: 4,
    arbitrary: fc.tuple(jsonl, encoding).map(([file, how]) => ({
      kind: "jsonl" as const,
      recipe: `${file.recipe} ${how}`,
      bytes: encode(file.text, how),
    })),
  },
  {
    weight: 1,
    arbitrary: fc.uint8Array({ minLength: 200, maxLength: 4000 }).map((bytes) => ({
      kind: "bytes" as const,
      recipe: `${bytes.length} random bytes`,
      bytes: Buffer.from(bytes),
    })),
  },
);
