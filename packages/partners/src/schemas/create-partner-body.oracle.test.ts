// Differential test: our createPartnerBody against Dub's server schema written in zod 4, exactly as the
// server declares it. Over a seeded corpus of valid and invalid bodies both must agree on success, on
// every issue (code, path, message, in order) and on the parsed output.
//
// The oracle is zod 4.3.5 (the `zod-server` alias), the exact version Dub's server runs: later zod versions count
// string length in code points and stop at an array's size issue, where the server counts UTF-16 units and still
// checks the items.

import { type Issue, safeParse } from "@dubkit/core/schema";
import { describe, expect, it } from "vitest";
import { z } from "zod-server";
import { createPartnerBody } from "./create-partner-body.js";

// Dub's server schema (partners-behavior §2), independent of our implementation.
const SERVER_EMAIL =
  /^(?!\.)(?!.*\.\.)([A-Za-z0-9_'+\-.]*)[A-Za-z0-9_+-]@([A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;
const VALID_KEY = /^[0-9A-Za-z_\u0080-\uFFFF/\-\p{Emoji}.]+$/u;

/** Dub's `processKey(...) !== null`, reduced to the rules that decide null. */
function processKeyAccepts(key: string): boolean {
  if (key === "_root") return true;
  if (!VALID_KEY.test(key)) return false;
  if (key.startsWith("_")) return false;
  if (key.startsWith(".well-known")) return false;
  if (key.endsWith(".php") || key.endsWith(".php7")) return false;
  return true;
}

const splitList = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : v.split(",")));
const allowEmptyUrl = z.string().max(32000, { message: "Must be 32000 or fewer characters long." });

const serverSchema = z.object({
  name: z.string().trim().max(100).nullish(),
  email: z.email({ pattern: SERVER_EMAIL }).trim().max(190),
  username: z
    .string()
    .max(100)
    .nullish()
    .refine((key) => !key || processKeyAccepts(key), {
      message: "Invalid username. Must be a URL-friendly string.",
    }),
  image: z.string().nullish(),
  tenantId: z.string().optional(),
  groupId: z.string().optional(),
  country: z.string().nullish(),
  description: z.string().max(5000).nullish(),
  linkProps: z
    .object({
      externalId: z
        .string()
        .min(1)
        .max(255)
        .nullish()
        .transform((v) => (typeof v === "string" ? v.replace(/^ext_/, "") : v)),
      tenantId: z.string().max(255).nullish(),
      prefix: z.string(),
      archived: z.boolean(),
      tagIds: splitList,
      tagNames: splitList,
      comments: z.string().nullish(),
      expiresAt: z.string().nullish(),
      expiredUrl: allowEmptyUrl.nullish(),
      password: z.string().nullish(),
      proxy: z.boolean(),
      title: z.string().nullish(),
      description: z.string().nullish(),
      image: z.string().nullish(),
      video: z.string().nullish(),
      rewrite: z.boolean(),
      ios: allowEmptyUrl.nullish(),
      android: allowEmptyUrl.nullish(),
      doIndex: z.boolean(),
      testVariants: z
        .array(z.object({ url: z.string(), percentage: z.number().min(10).max(90) }))
        .min(2)
        .max(4)
        .nullish(),
      testStartedAt: z.string().nullish(),
      testCompletedAt: z.string().nullish(),
    })
    .partial()
    .optional(),
});

/** mulberry32: a tiny deterministic PRNG, so every run checks the same corpus. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = prng(20261123);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const chance = (p: number) => random() < p;

const ABSENT = Symbol("absent");
const strings = [
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
  "x".repeat(255),
  "x".repeat(256),
  "x".repeat(5000),
  "x".repeat(5001),
  "https://example.com/path",
  "example.com",
  "not a url",
  "x".repeat(32001),
];
const emails = [
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
];
const others = [
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
  Number.NaN,
  true,
  false,
  [],
  ["a"],
  ["a", 1],
  {},
];

function anyValue(): unknown {
  return chance(0.6) ? pick(strings) : pick(others);
}

function variant(): unknown {
  if (chance(0.15)) return anyValue();
  const v: Record<string, unknown> = {};
  if (!chance(0.1)) v.url = chance(0.8) ? pick(strings) : pick(others);
  if (!chance(0.1)) v.percentage = chance(0.8) ? pick([10, 25, 50, 90, 9, 91, 9.99, 50.5]) : anyValue();
  if (chance(0.1)) v.extra = "dropped";
  return v;
}

const linkPropKeys = [
  "externalId",
  "tenantId",
  "prefix",
  "archived",
  "tagIds",
  "tagNames",
  "comments",
  "expiresAt",
  "expiredUrl",
  "password",
  "proxy",
  "title",
  "description",
  "image",
  "video",
  "rewrite",
  "ios",
  "android",
  "doIndex",
  "testVariants",
  "testStartedAt",
  "testCompletedAt",
  "url",
  "domain",
  "programId",
];

function linkPropValue(key: string): unknown {
  if (key === "testVariants" && chance(0.8)) {
    const length = pick([0, 1, 2, 3, 4, 5]);
    return Array.from({ length }, variant);
  }
  if (["archived", "proxy", "rewrite", "doIndex"].includes(key) && chance(0.6)) return chance(0.5);
  if ((key === "tagIds" || key === "tagNames") && chance(0.5)) {
    return Array.from({ length: pick([0, 1, 2, 3]) }, () =>
      chance(0.9) ? pick(["t1", "t2", "a,b"]) : pick(others),
    );
  }
  return anyValue();
}

function linkProps(): unknown {
  if (chance(0.1)) return anyValue();
  const props: Record<string, unknown> = {};
  for (const key of linkPropKeys) if (chance(0.12)) props[key] = linkPropValue(key);
  return props;
}

const topKeys = [
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

function body(): unknown {
  if (chance(0.04)) return pick([null, [], "x", 5, true, undefined, [{ email: "a@b.co" }]]);
  const out: Record<string, unknown> = {};
  // Keys in a shuffled order: issues must still come out in the server's key order.
  const keys = [...topKeys, "programId", "unknownKey"].sort(() => random() - 0.5);
  for (const key of keys) {
    const mostlyValid = chance(0.6);
    let value: unknown = ABSENT;
    if (key === "email") value = chance(0.9) ? (mostlyValid ? "jane@example.com" : pick(emails)) : anyValue();
    else if (key === "linkProps") value = chance(0.5) ? linkProps() : ABSENT;
    else if (chance(0.35))
      value = mostlyValid ? pick(["Jane", "  Jane  ", "jane-doe", "", "US", null]) : anyValue();
    if (value !== ABSENT) out[key] = value;
  }
  return out;
}

const simplify = (issues: readonly { code: string; path: readonly PropertyKey[]; message: string }[]) =>
  issues.map(({ code, path, message }) => ({ code, path: [...path], message }));

describe("createPartnerBody agrees with the server's zod schema", () => {
  const corpus = Array.from({ length: 1500 }, body);

  it("has a corpus with both accepted and rejected bodies", () => {
    const accepted = corpus.filter((b) => serverSchema.safeParse(b).success).length;
    expect(accepted).toBeGreaterThan(200);
    expect(corpus.length - accepted).toBeGreaterThan(200);
  });

  it("gives the same result, the same issues in the same order, and the same output", () => {
    for (const input of corpus) {
      const expected = serverSchema.safeParse(input);
      const actual = safeParse(createPartnerBody, input);
      const context = JSON.stringify(input)?.slice(0, 400);
      expect(actual.success, context).toBe(expected.success);
      if (expected.success && actual.success) {
        expect(actual.data, context).toStrictEqual(expected.data);
      } else if (!expected.success && !actual.success) {
        expect(simplify(actual.issues as Issue[]), context).toEqual(simplify(expected.error.issues));
      }
    }
  });
});
