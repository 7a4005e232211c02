// Which column of an export fills which request field: the API's names and the common names of other partner
// platforms' exports (PartnerStack, Rewardful, FirstPromoter, Tolt, Impact …), "First Name" + "Last Name" composing
// the name, and what the user says with --map or a mapping file. Anything unclear stops the import before anything
// is sent, naming the columns: a wrong guess would enroll a wrong name or address, which Dub cannot change later.

import { createPartnerBody, linkProps } from "@dubkit/contract";
import { CliError } from "../cli-error.js";
import { ExitCode } from "../exit-codes.js";

/** Where a column's value goes: a request field, a `linkProps` key (`linkProps.externalId`), or a name part. */
export type Target = string;

const quote = (name: string) => `"${name}"`;

/** Name parts that compose `name`. */
export const FIRST_NAME = "firstName";
export const LAST_NAME = "lastName";

/** `Tenant ID`, `tenant_id`, `tenant-id`, `TenantId` and `E-mail` all lose case and separators. */
export function loose(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
}

const LINK_PROP_KEYS = Object.keys(linkProps.shape);
const LINK_PROPS_PREFIX = /^link[\s_-]?props\./i;

/** Columns a failure report adds; importing a fixed report ignores them without a warning. */
export const REPORT_COLUMNS = ["dubkit_line", "dubkit_field", "dubkit_error", "dubkit_status"];

/** What one command's files may hold: the fields a column can fill, their other names, what a plan must have. */
export interface VocabularySpec {
  /** Request fields a column can fill directly (`linkProps` is a JSON column). */
  fields: readonly string[];
  /** Other names of fields, already loose. Only unambiguous ones. */
  synonyms: Readonly<Record<string, readonly string[]>>;
  /** Whether `link_props.<key>` columns fill `linkProps`. */
  linkProps: boolean;
  /** Whether first and last name columns compose `name`. */
  nameParts: boolean;
  /**
   * What is missing from a plan that assigns `targets`: every row needs these columns (e.g. the email). `problems`
   * are the ones found already, so a column named in one is not called missing too.
   */
  missing(targets: readonly (Target | undefined)[], header: readonly string[], problems: string[]): string[];
  /** `--map` examples for hints, e.g. `email="E-mail"`; the first is the main one. */
  examples: readonly [string, ...string[]];
}

/** The columns one command understands, matched by name. */
export class ColumnVocabulary {
  private readonly byLoose = new Map<string, Target>();

  constructor(readonly spec: VocabularySpec) {
    for (const field of spec.fields) this.byLoose.set(loose(field), field);
    for (const [target, names] of Object.entries(spec.synonyms))
      for (const name of names) this.byLoose.set(name, target);
  }

  /** The target a column name suggests, if any. */
  targetOf(column: string): Target | undefined {
    const prefixed = LINK_PROPS_PREFIX.exec(column);
    if (prefixed) {
      if (!this.spec.linkProps) return undefined;
      const key = loose(column.slice(prefixed[0].length));
      const known = LINK_PROP_KEYS.find((name) => loose(name) === key);
      return known ? `linkProps.${known}` : undefined;
    }
    return this.byLoose.get(loose(column));
  }

  /** Every target a mapping may name, for messages. */
  knownTargets(): string[] {
    const fields = this.spec.fields.filter((f) => f !== "linkProps");
    return [
      ...fields,
      ...(this.spec.nameParts ? [FIRST_NAME, LAST_NAME] : []),
      ...(this.spec.linkProps ? ["linkProps", "linkProps.<key>"] : []),
    ];
  }

  /** Reads a target as the user spelled it (`tenant_id`, `link_props.external_id`); undefined when unknown. */
  parseTarget(text: string): Target | undefined {
    const trimmed = text.trim();
    const prefixed = LINK_PROPS_PREFIX.exec(trimmed);
    if (prefixed) return this.targetOf(trimmed);
    const key = loose(trimmed);
    if (this.spec.nameParts && key === loose(FIRST_NAME)) return FIRST_NAME;
    if (this.spec.nameParts && key === loose(LAST_NAME)) return LAST_NAME;
    return this.spec.fields.find((field) => loose(field) === key);
  }
}

/** The columns of `partners import`: the create request's fields and the names other platforms' exports use. */
export const PARTNER_COLUMNS = new ColumnVocabulary({
  fields: Object.keys(createPartnerBody.shape),
  // Other names real exports use for each field, already loose. Only unambiguous ones: "id" or "code" alone could
  // be anything, so they stay unmapped (and are listed as ignored) until the user maps them.
  synonyms: {
    email: [
      "emailaddress",
      "mail",
      "partneremail",
      "affiliateemail",
      "contactemail",
      "useremail",
      "primaryemail",
    ],
    name: ["fullname", "partnername", "affiliatename", "displayname", "contactname"],
    [FIRST_NAME]: ["firstname", "first", "givenname", "forename", "fname"],
    [LAST_NAME]: ["lastname", "last", "surname", "familyname", "lname"],
    tenantId: ["partnerkey", "partnerid", "affiliateid", "externalid", "userid", "customerid", "referrerid"],
    username: ["handle", "linkkey", "referralcode", "refcode", "affiliatecode"],
    image: [
      "avatar",
      "avatarurl",
      "photo",
      "photourl",
      "picture",
      "imageurl",
      "profileimage",
      "profilepicture",
    ],
    country: ["countrycode", "countryname"],
    description: ["bio", "about", "partnerdescription"],
    groupId: ["group", "groupslug", "partnergroup"],
  },
  linkProps: true,
  nameParts: true,
  missing: (targets, header, problems) =>
    targets.includes("email") || problems.some((p) => p.includes(" email"))
      ? []
      : [`no column holds the email (columns: ${header.map(quote).join(", ")})`],
  examples: ['email="E-mail"', '"name=Full Name"'],
});

/** The target a column name suggests for the import, if any. */
export function targetOf(column: string): Target | undefined {
  return PARTNER_COLUMNS.targetOf(column);
}

/** What the user said about columns: target → column name, or `null` for "no column fills this". */
export type ExplicitMapping = Map<Target, string | null>;

/** The decided mapping of one file's columns. */
export interface ColumnPlan {
  header: string[];
  /** The target of each column, by index; undefined for ignored columns. */
  targets: (Target | undefined)[];
  /** Columns that fill nothing (report columns and unnamed ones excepted), for a warning. */
  ignored: string[];
}

function describeColumns(indexes: number[], header: string[]): string {
  return indexes.map((i) => `${quote(header[i] as string)} (column ${i + 1})`).join(" and ");
}

/** Assigns the explicit mappings; returns the problems found. */
function assignExplicit(
  header: string[],
  explicit: ExplicitMapping,
  targets: (Target | undefined)[],
): string[] {
  const problems: string[] = [];
  for (const [target, column] of explicit) {
    if (column === null) continue;
    let matches = header.flatMap((name, i) => (name === column ? [i] : []));
    if (matches.length === 0)
      matches = header.flatMap((name, i) => (loose(name) === loose(column) ? [i] : []));
    if (matches.length === 0) {
      problems.push(`${target} is mapped to ${quote(column)}, but the file has no such column`);
    } else if (matches.length > 1) {
      problems.push(
        `${target} is mapped to ${quote(column)}, but the header has ${describeColumns(matches, header)}`,
      );
    } else {
      const index = matches[0] as number;
      if (targets[index] !== undefined) {
        problems.push(`column ${quote(column)} is mapped to both ${targets[index]} and ${target}`);
      } else targets[index] = target;
    }
  }
  return problems;
}

/** Assigns columns by name where the user said nothing; returns the problems found. */
function assignByName(
  header: string[],
  explicit: ExplicitMapping,
  targets: (Target | undefined)[],
  vocabulary: ColumnVocabulary,
): string[] {
  const problems: string[] = [];
  const candidates = new Map<Target, number[]>();
  header.forEach((name, i) => {
    if (targets[i] !== undefined || name === "") return;
    const target = vocabulary.targetOf(name);
    if (target === undefined || explicit.has(target)) return;
    // A column given for the name wins over the name parts, and the other way round.
    const given = (t: Target) => typeof explicit.get(t) === "string";
    if (target === "name" && (given(FIRST_NAME) || given(LAST_NAME))) return;
    if ((target === FIRST_NAME || target === LAST_NAME) && given("name")) return;
    candidates.set(target, [...(candidates.get(target) ?? []), i]);
  });
  for (const [target, indexes] of candidates) {
    if (indexes.length > 1) {
      const same = indexes.every((i) => header[i] === header[indexes[0] as number]);
      problems.push(
        same
          ? `the header has ${indexes.length} columns named ${quote(header[indexes[0] as number] as string)} (columns ${indexes.map((i) => i + 1).join(", ")}), so which one is ${target} is unclear`
          : `${describeColumns(indexes, header)} could each be ${target}`,
      );
      continue;
    }
    targets[indexes[0] as number] = target;
  }
  return problems;
}

/** The columns that fill `target`. */
function columnsFor(targets: (Target | undefined)[], target: Target): number[] {
  return targets.flatMap((t, i) => (t === target ? [i] : []));
}

/**
 * Decides which column fills which field: explicit mappings first, then names. Throws a usage error, naming the
 * columns, when a mapping names a missing column, when two columns could fill one field (duplicate or synonymous
 * headers), when both a full name and name parts are present, or when a column every row needs (the import's
 * email) is missing.
 */
export function planColumns(
  header: string[],
  explicit: ExplicitMapping,
  vocabulary: ColumnVocabulary = PARTNER_COLUMNS,
): ColumnPlan {
  const targets: (Target | undefined)[] = header.map(() => undefined);
  const problems = [
    ...assignExplicit(header, explicit, targets),
    ...assignByName(header, explicit, targets, vocabulary),
  ];
  const name = columnsFor(targets, "name");
  const parts = [...columnsFor(targets, FIRST_NAME), ...columnsFor(targets, LAST_NAME)];
  if (name.length > 0 && parts.length > 0) {
    problems.push(
      `${describeColumns(name, header)} and ${describeColumns(parts, header)} both give the name; map one (e.g. --map name=${JSON.stringify(header[name[0] as number])} or --map name=)`,
    );
  }
  problems.push(...vocabulary.spec.missing(targets, header, problems));
  if (problems.length > 0) {
    throw new CliError(`Cannot map the columns, nothing was sent: ${problems.join("; ")}.`, ExitCode.usage, {
      code: "column_mapping",
      hint: `Say which column is which with --map FIELD=COLUMN (e.g. --map ${vocabulary.spec.examples[0]}; --map FIELD= for none), or in a mapping file (--mapping).`,
    });
  }
  const ignored = header.filter(
    (column, i) => targets[i] === undefined && column !== "" && !REPORT_COLUMNS.includes(column),
  );
  return { header, targets, ignored };
}
